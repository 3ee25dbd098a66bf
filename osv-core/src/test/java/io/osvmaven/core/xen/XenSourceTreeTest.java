package io.osvmaven.core.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XenSourceTreeTest {

  @TempDir
  Path tmp;

  private static List<String> entries(List<SubdirEntry> list) {
    return list.stream().map(e -> e.dir() + "@" + e.location().line()
        + (e.unconditional() ? "" : "?" + e.condition())).toList();
  }

  @Test
  void readsLibrariesKeyedOnVariableNames() {
    BuildGraph g = XenSourceTree.read(Fixtures.fakeXen());
    assertThat(g.origin()).isEqualTo("source tree fake-xen");
    assertThat(g.fromSourceTree()).isTrue();
    // notbuilt sits in an inactive ifeq, insidemacro in a define body.
    assertThat(g.libraries().keySet()).containsExactly("toollog", "toolcore", "evtchn", "gnttab",
        "call", "foreignmemory", "devicemodel", "ctrl", "store", "arinc");
    LibraryNode ctrl = g.libraries().get("ctrl");
    assertThat(ctrl.uselibs())
        .containsExactly("toollog", "call", "evtchn", "gnttab", "foreignmemory", "devicemodel");
    assertThat(ctrl.uselibsAt()).hasToString("tools/libs/uselibs.mk:21");
    assertThat(ctrl.declared()).hasToString("tools/libs/uselibs.mk:20");
    LibraryNode arinc = g.libraries().get("arinc");
    assertThat(arinc.uselibs()).containsExactly("toollog", "call");
    assertThat(arinc.filename()).isEqualTo("xenarinc653");
    assertThat(arinc.declared()).hasToString("tools/libs/uselibs.mk:30");
    assertThat(g.libraries().get("toolcore").uselibs()).isEmpty();
    assertThat(g.libraries().get("call").filename()).isEqualTo("xencall");
  }

  @Test
  void readsLibsSubdirsWithContinuationsCommentsAndSwitches() {
    BuildGraph g = XenSourceTree.read(Fixtures.fakeXen());
    assertThat(entries(g.libsOrder())).containsExactly("toollog@6", "toolcore@6", "evtchn@6",
        "gnttab@6", "call@8", "foreignmemory@9", "devicemodel@10", "ctrl@11", "store@13",
        "arinc@14?CONFIG_ARINC653");
  }

  @Test
  void readsToolsSubdirsSkippingOverridesDroppedEntriesAndRecipes() {
    BuildGraph g = XenSourceTree.read(Fixtures.fakeXen());
    assertThat(entries(g.toolsOrder())).containsExactly("libs@7", "flask@8", "xs-clients@9",
        "xenstored@10?XENSTORE_XENSTORED", "misc@11", "hotplug@11", "firmware@13?CONFIG_X86",
        "console@14", "libfsimage@15?CONFIG_LIBFSIMAGE", "qemu-xen-dir@19?CONFIG_QEMU_XEN",
        "xl@22", "helpers@22", "pygrub@23?CONFIG_PYGRUB");
    assertThat(BuildOrder.checkLibraries(g)).isEmpty();
    assertThat(BuildOrder.checkTools(g)).isEmpty();
  }

  @Test
  void variablesCanActivateATreesOwnOverrideBlocks() {
    BuildGraph g = XenSourceTree.read(Fixtures.fakeXen(), Map.of("CONFIG_RUMP", "y"));
    assertThat(entries(g.libsOrder())).containsExactly("toolcore@17");
    assertThat(entries(g.toolsOrder())).containsExactly("libs@27");
  }

  @Test
  void reportsLibrariesBuiltBeforeTheirUselibs() {
    Path tree = Fixtures.copyOfFakeXen(tmp);
    Fixtures.replace(tree.resolve("tools/libs/Makefile"),
        "SUBDIRS-y += devicemodel\nSUBDIRS-y += ctrl\n", "SUBDIRS-y += ctrl\nSUBDIRS-y += devicemodel\n");
    List<OrderIssue> issues = BuildOrder.checkLibraries(XenSourceTree.read(tree));
    assertThat(issues).extracting(OrderIssue::describe).containsExactly(
        "tools/libs/Makefile:10: ctrl is built before devicemodel, which it links (USELIBS_ctrl at"
            + " tools/libs/uselibs.mk:21; devicemodel is built at tools/libs/Makefile:11)");
  }

  @Test
  void reportsLibrariesNeverBuiltAndEntriesThatAreNoLibrary() {
    Path tree = Fixtures.copyOfFakeXen(tmp);
    Fixtures.replace(tree.resolve("tools/libs/Makefile"), "SUBDIRS-y += store\n",
        "SUBDIRS-y += stor\n");
    assertThat(BuildOrder.checkLibraries(XenSourceTree.read(tree)))
        .extracting(OrderIssue::describe).containsExactly(
            "tools/libs/uselibs.mk:23: library store is never built: tools/libs/Makefile has no"
                + " SUBDIRS entry for it",
            "tools/libs/Makefile:13: SUBDIRS entry 'stor' is not a library of tools/libs/uselibs.mk");
  }

  @Test
  void reportsLibsNotFirstInTools() {
    Path tree = Fixtures.copyOfFakeXen(tmp);
    Fixtures.replace(tree.resolve("tools/Makefile"), "SUBDIRS-y += libs\nSUBDIRS-y += flask\n",
        "SUBDIRS-y += flask\nSUBDIRS-y += libs\n");
    assertThat(BuildOrder.checkTools(XenSourceTree.read(tree))).extracting(OrderIssue::describe)
        .containsExactly("tools/Makefile:8: libs is entry 2 of the SUBDIRS list, but every tool"
            + " links the libraries built there, so it must come first (flask at tools/Makefile:7"
            + " runs before it)");
  }

  @Test
  void uselibsErrorsNameFileAndLine() {
    Path tree = Fixtures.copyOfFakeXen(tmp);
    Path uselibs = tree.resolve("tools/libs/uselibs.mk");
    Fixtures.replace(uselibs, "USELIBS_store := toolcore", "USELIBS_store := toolcore light");
    assertThatThrownBy(() -> XenSourceTree.read(tree)).isInstanceOf(OsvException.class)
        .hasMessage(tree + ": tools/libs/uselibs.mk:24: USELIBS_store names 'light', which is not"
            + " in LIBS_LIBS");
  }

  @Test
  void uselibsCycleIsAnError() {
    Path tree = Fixtures.copyOfFakeXen(tmp);
    Fixtures.replace(tree.resolve("tools/libs/uselibs.mk"), "USELIBS_toolcore :=",
        "USELIBS_toolcore := store");
    assertThatThrownBy(() -> XenSourceTree.read(tree)).isInstanceOf(OsvException.class)
        .hasMessageContaining("USELIBS form a cycle: toolcore -> store -> toolcore");
  }

  @Test
  void uselibsForAnUndeclaredLibraryIsAnError() {
    Path tree = Fixtures.copyOfFakeXen(tmp);
    Fixtures.replace(tree.resolve("tools/libs/uselibs.mk"), "LIBS_LIBS += store\n", "\n");
    assertThatThrownBy(() -> XenSourceTree.read(tree)).isInstanceOf(OsvException.class)
        .hasMessage(tree + ": tools/libs/uselibs.mk:24: USELIBS_store is set, but 'store' is not"
            + " added to LIBS_LIBS");
  }

  @Test
  void libraryWithoutUselibsIsAnError() {
    Path tree = Fixtures.copyOfFakeXen(tmp);
    Fixtures.replace(tree.resolve("tools/libs/uselibs.mk"), "USELIBS_store := toolcore\n", "\n");
    assertThatThrownBy(() -> XenSourceTree.read(tree))
        .hasMessage(tree + ": tools/libs/uselibs.mk:23: library 'store' has no USELIBS_store"
            + " assignment");
  }

  @Test
  void conditionalResetIsRejectedWithItsLine() {
    Path tree = Fixtures.copyOfFakeXen(tmp);
    Fixtures.replace(tree.resolve("tools/Makefile"), "SUBDIRS-y += console\n",
        "SUBDIRS-$(CONFIG_X86) := console\n");
    assertThatThrownBy(() -> XenSourceTree.read(tree))
        .hasMessage(tree + ": tools/Makefile:14: 'SUBDIRS-$(CONFIG_X86) := console' is not supported");
  }

  @Test
  void missingFilesAndDirectoriesAreNamed() throws Exception {
    assertThatThrownBy(() -> XenSourceTree.read(tmp.resolve("nope")))
        .hasMessage("xenSourceDirectory " + tmp.resolve("nope") + " is not a directory");
    Files.createDirectories(tmp.resolve("tools/libs"));
    assertThatThrownBy(() -> XenSourceTree.read(tmp))
        .hasMessage(tmp + ": tools/libs/uselibs.mk is missing");
  }
}
