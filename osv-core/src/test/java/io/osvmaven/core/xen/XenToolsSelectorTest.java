package io.osvmaven.core.xen;

import io.osvmaven.core.RecordingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XenToolsSelectorTest {

  private static final List<String> MINIMAL = List.of("dev", "flask", "flask-tools", "fsimage",
      "libxencall", "libxenctrl", "libxenforeignmemory", "libxenfsimage", "libxentoolcore",
      "libxentoollog", "pygrub", "remus", "scripts-block", "scripts-common", "scripts-network",
      "shim", "volatiles", "xencommons", "xendomains");

  @TempDir
  Path tmp;

  private static XenToolsSelection select(XenToolsRequest r) {
    return XenTools.select(r, BuildListener.NONE);
  }

  private static List<String> chains(XenToolsSelection s) {
    return s.contradictions().stream().map(Contradiction::chainText).toList();
  }

  @Test
  void minimalPresetOf419IsNotClosed() {
    RecordingListener rec = new RecordingListener();
    XenToolsSelection s = XenTools.select(XenToolsRequest.of("minimal", "4.19"), rec);
    assertThat(s.selected().keySet()).containsExactlyElementsOf(MINIMAL);
    assertThat(s.selected().values()).allMatch(r -> r.kind() == SelectionReason.Kind.PRESET);
    assertThat(chains(s)).containsExactly(
        "libxenctrl -> libxendevicemodel", "libxenctrl -> libxenevtchn", "libxenctrl -> libxengnttab",
        "pygrub -> python", "remus -> xenstore", "remus -> xl", "scripts-block -> xenstore",
        "scripts-common -> xenstore", "xencommons -> console", "xencommons -> xenstore",
        "xencommons -> xenstored", "xencommons -> xl", "xendomains -> console",
        "xendomains -> xenstore", "xendomains -> xenstored", "xendomains -> xl");
    assertThat(rec.warnings).hasSize(16).allMatch(w -> w.startsWith("xen-tools: contradiction "));
    assertThat(s.isConsistent()).isFalse();

    Contradiction xl = s.contradictions().get(11);
    assertThat(xl.need().layer()).isEqualTo(DependencyLayer.RDEPENDS);
    assertThat(xl.blocked()).isEqualTo("not in preset minimal");
    assertThat(xl.fixes()).containsExactly("include xl", "exclude xencommons");
    assertThat(xl.describe()).isEqualTo("xencommons -> xl: xencommons needs xl (RDEPENDS: recipe"
        + " RDEPENDS ${PN}-xl), but xl is not in preset minimal");
    Contradiction evtchn = s.contradictions().get(1);
    assertThat(evtchn.need().layer()).isEqualTo(DependencyLayer.LINK);
    assertThat(evtchn.fixes()).hasSize(3).first().isEqualTo("include libxenevtchn");
    assertThat(evtchn.fixes().get(2)).startsWith("or carry RFC patch 1/2 (Xen 4.19 only)");
    // The RFC's hunks apply to 4.19 only, so later versions get no such hint.
    assertThat(select(XenToolsRequest.of("minimal", "4.20")).contradictions().get(1).fixes())
        .containsExactly("include libxenevtchn", "exclude libxenctrl");
  }

  @Test
  void explainShowsNeedsUsersAndContradictions() {
    XenToolsSelection s = select(XenToolsRequest.of("minimal", "4.19"));
    assertThat(s.explain("consold")).isEqualTo(String.join("\n",
        "console is not selected: not in preset minimal",
        "  needs libxenctrl (links: links libxenctrl)",
        "  needs libxenstore (links: links libxenstore) [not selected]",
        "  needs libxenevtchn (links: links libxenevtchn) [not selected]",
        "  needs libxengnttab (links: links libxengnttab) [not selected]",
        "  needs libxenforeignmemory (links: links libxenforeignmemory)",
        "  needs xenstored (runtime: xenconsoled serves consoles through XenStore) [not selected]",
        "  needed by xencommons, xendomains",
        "  contradiction xencommons -> console: xencommons needs console (RDEPENDS: recipe RDEPENDS"
            + " ${PN}-console), but console is not in preset minimal",
        "  contradiction xendomains -> console: xendomains needs console (RDEPENDS: recipe RDEPENDS"
            + " ${PN}-console), but console is not in preset minimal",
        ""));
    assertThat(s.explain("manage"))
        .isEqualTo("libxenmanage is not available: not in Xen 4.19 (exists from 4.21)\n");
    assertThat(s.idOf("xen-tools-libxlutil")).hasValue("libxlutil");
  }

  @Test
  void toollogCannotBeRemoved() {
    XenToolsSelection s = select(XenToolsRequest.of("minimal", "4.19")
        .withExcludes(List.of("libxentoollog")));
    assertThat(s.selected()).doesNotContainKey("libxentoollog");
    assertThat(s.notSelected()).containsEntry("libxentoollog", "excluded by request");
    assertThat(chains(s)).contains("libxencall -> libxentoollog", "libxenctrl -> libxentoollog",
        "libxenforeignmemory -> libxentoollog");
    Contradiction ctrl = s.contradictions().stream()
        .filter(c -> c.chainText().equals("libxenctrl -> libxentoollog")).findFirst().orElseThrow();
    assertThat(ctrl.blocked()).isEqualTo("excluded by request");
    assertThat(ctrl.fixes())
        .containsExactly("remove libxentoollog from the excludes", "exclude libxenctrl");
  }

  @Test
  void strictModeFailsOnContradictions() {
    XenToolsRequest r = XenToolsRequest.of("minimal", "4.19").withStrict(true);
    assertThatThrownBy(() -> select(r)).isInstanceOf(OsvException.class)
        .hasMessageStartingWith("xen-tools selection is not consistent (strict mode): 16 problem(s)")
        .satisfies(e -> assertThat(((OsvException) e).hint().orElseThrow())
            .contains("contradiction xencommons -> xl: xencommons needs xl"));
  }

  @Test
  void includesBringTheirNeedsAndCloseTheMinimalSet() {
    RecordingListener rec = new RecordingListener();
    XenToolsSelection s = XenTools.select(XenToolsRequest.of("minimal", "4.19").withStrict(true)
        .withIncludes(List.of("libxenevtchn", "gnttab", "libxendevicemodel", "python",
            "xenstore", "xl", "consold", "xenstored")), rec);
    assertThat(s.isConsistent()).isTrue();
    assertThat(rec.warnings).isEmpty();
    assertThat(s.selected()).hasSize(33);
    assertThat(s.selected().keySet()).contains("libxlutil", "libxenlight", "libxenstore",
        "libxenguest", "libxenhypfs", "libacpi", "console", "libxengnttab");
    assertThat(s.selected().get("console").kind()).isEqualTo(SelectionReason.Kind.INCLUDED);
    assertThat(s.selected().get("libxenlight").describe())
        .isEqualTo("needed by xl (links: links libxenlight)");
    assertThat(s.selected().get("libxenguest").neededBy()).isEqualTo("python");
    assertThat(s.selected().get("libxenstore").neededBy()).isEqualTo("console");
    assertThat(s.whyChain("libxenhypfs")).containsExactly("xl", "libxenlight", "libxenhypfs");
    assertThat(s.whyChain("libacpi")).containsExactly("xl", "libxenlight", "libacpi");
    assertThat(s.whyChain("libxenctrl")).containsExactly("libxenctrl");
    assertThat(s.explain("libacpi")).isEqualTo("libacpi is selected: needed by libxenlight (build:"
        + " compiles the tools/libacpi sources (x86 dsdt_pvh, arm64 dsdt_anycpu_arm)); chain xl ->"
        + " libxenlight -> libacpi\n  needed by hvmloader, libxenlight\n");
  }

  @Test
  void fullPresetIsClosedInEveryVersion() {
    for (String v : List.of("4.17", "4.18", "4.19", "4.20", "4.21", "4.22")) {
      XenToolsSelection s = select(XenToolsRequest.of("full", v).withStrict(true));
      assertThat(s.isConsistent()).as(v).isTrue();
      assertThat(s.notSelected()).as(v).isEmpty();
      assertThat(s.leavesSomethingOut()).isFalse();
    }
    assertThat(select(XenToolsRequest.of("full", "4.19")).selected()).hasSize(43);
    assertThat(select(XenToolsRequest.of("full", "4.21")).selected()).hasSize(44);
    assertThat(select(XenToolsRequest.of("full", "4.18")).unavailable())
        .containsEntry("9pfsd", "not in Xen 4.18 (exists from 4.19)")
        .containsEntry("libxenmanage", "not in Xen 4.18 (exists from 4.21)");
  }

  @Test
  void componentAbsentFromTheVersionCannotBeIncluded() {
    assertThatThrownBy(() -> select(XenToolsRequest.of("minimal", "4.19")
        .withIncludes(List.of("manage"))))
        .isInstanceOf(OsvException.class)
        .hasMessage("includes: libxenmanage is not available: not in Xen 4.19 (exists from 4.21)");
  }

  @Test
  void xenstoredLinksManageFrom421AndCtrlBefore() {
    XenToolsRequest r = XenToolsRequest.of("minimal", "4.21").withIncludes(List.of("xenstored"));
    XenToolsSelection s421 = select(r);
    assertThat(s421.selected().get("libxenmanage").describe())
        .isEqualTo("needed by xenstored (links: links libxenmanage)");
    XenToolsSelection s419 = select(XenToolsRequest.of("minimal", "4.19")
        .withIncludes(List.of("xenstored")));
    assertThat(s419.selected()).doesNotContainKey("libxenmanage");
    assertThat(s419.unavailable()).containsKey("libxenmanage");
    assertThat(s419.selected().get("libxenevtchn").neededBy()).isEqualTo("xenstored");
    assertThat(s419.makeVariables()).containsExactly("CONFIG_MINIMAL_TOOLS=y");
  }

  @Test
  void xen417HasNoPygrubOrLibfsimageSwitch() {
    List<String> off = List.of("pygrub", "fsimage", "libfsimage");
    XenToolsSelection s417 = select(XenToolsRequest.of("minimal", "4.17").withExcludes(off));
    assertThat(s417.configureFlags()).doesNotContain("--disable-pygrub", "--disable-libfsimage");
    assertThat(s417.unavailable()).containsKey("9pfsd");
    XenToolsSelection s418 = select(XenToolsRequest.of("minimal", "4.18").withExcludes(off));
    assertThat(s418.configureFlags()).contains("--disable-pygrub", "--disable-libfsimage");
    XenToolsSelection keep417 = select(XenToolsRequest.of("minimal", "4.17"));
    assertThat(keep417.toolsSubdirs()).extracting(e -> e.dir() + ":" + e.condition())
        .containsExactly("libs:y", "flask:y", "hotplug:y", "firmware:CONFIG_X86", "libfsimage:y",
            "pygrub:y");
    XenToolsSelection xenstored417 = select(XenToolsRequest.of("minimal", "4.17")
        .withIncludes(List.of("xenstored", "xenstore")));
    assertThat(xenstored417.toolsSubdirs()).extracting(SubdirEntry::dir).contains("xenstore")
        .doesNotContain("xenstored", "xs-clients");
  }

  @Test
  void archDropsComponentsOfTheOtherArchitecture() {
    RecordingListener rec = new RecordingListener();
    XenToolsSelection s = XenTools.select(XenToolsRequest.of("minimal", "4.19").withArch("arm64"),
        rec);
    assertThat(s.selected()).doesNotContainKey("shim");
    assertThat(s.unavailable()).containsEntry("shim", "exists only on x86_64, not on arm64");
    assertThat(rec.infos).contains("xen-tools: preset minimal member shim skipped: exists only on"
        + " x86_64, not on arm64");
    assertThat(s.configureFlags()).containsExactly("--disable-golang", "--disable-monitors",
        "--enable-xsmpolicy");
    assertThatThrownBy(() -> select(XenToolsRequest.of("minimal", "4.19").withArch("sparc")))
        .hasMessage("arch: unknown architecture 'sparc'");
  }

  @Test
  void badNamesAndConflictingListsAreUserErrors() {
    assertThatThrownBy(() -> select(XenToolsRequest.of("minimal", "4.19")
        .withIncludes(List.of("libxenctl"))))
        .satisfies(e -> assertThat(((OsvException) e).hint()).hasValue("did you mean 'libxenctrl'?"));
    assertThatThrownBy(() -> select(XenToolsRequest.of("minimal", "4.19")
        .withIncludes(List.of("consold")).withExcludes(List.of("xen-tools-console"))))
        .hasMessage("includes and excludes both name console");
    assertThatThrownBy(() -> select(XenToolsRequest.of("minimum", "4.19")))
        .hasMessage("preset: unknown preset 'minimum'")
        .satisfies(e -> assertThat(((OsvException) e).hint()).hasValue("did you mean 'minimal'?"));
    // no version: the newest described one (with a message), not an error
    assertThat(select(XenToolsRequest.of("minimal", null)).version().toString()).isEqualTo("4.22");
  }

  @Test
  void sourceTreeGraphReplacesTheBuiltInOne() {
    RecordingListener rec = new RecordingListener();
    XenToolsSelection s = XenTools.select(XenToolsRequest.of("minimal", "4.19")
        .withSourceDirectory(Fixtures.fakeXen()), rec);
    assertThat(s.graph().origin()).isEqualTo("source tree fake-xen");
    assertThat(s.selected().keySet()).containsExactlyElementsOf(MINIMAL);
    assertThat(s.libsBuildOrder()).extracting(SubdirEntry::dir)
        .containsExactly("toollog", "toolcore", "call", "foreignmemory", "ctrl");
    assertThat(s.unavailable()).containsEntry("libxenlight",
        "library light is not in tools/libs/uselibs.mk of source tree fake-xen");
    assertThat(s.available()).containsKey("libxenarinc653");
    assertThat(rec.warnings).contains("xen-tools: tools/libs/uselibs.mk:30: library arinc is not in"
        + " the catalogue; treating it as component libxenarinc653");
    assertThat(rec.warnings).anyMatch(w -> w.startsWith("xen-tools: source tree fake-xen lacks"
        + " library light, but the catalogue says it exists in every version"));
    assertThat(s.orderIssues()).isEmpty();
    assertThat(s.contradictions()).hasSize(16);
  }

  @Test
  void sourceTreeWithoutALibraryMakesItsUsersContradictory() {
    XenToolsSelection s = select(XenToolsRequest.of("minimal", "4.19")
        .withSourceDirectory(Fixtures.fakeXen()).withIncludes(List.of("xl")));
    Contradiction util = s.contradictions().stream()
        .filter(c -> c.chainText().equals("xl -> libxlutil")).findFirst().orElseThrow();
    assertThat(util.blocked()).isEqualTo(
        "not available: library util is not in tools/libs/uselibs.mk of source tree fake-xen");
    assertThat(util.fixes()).containsExactly(
        "use a Xen version, architecture or source tree that has libxlutil",
        "remove xl from the includes");
  }

  @Test
  void fullPresetTakesTreeOnlyLibraries() {
    XenToolsSelection s = select(XenToolsRequest.of("full", "4.19")
        .withSourceDirectory(Fixtures.fakeXen()));
    assertThat(s.selected()).containsKey("libxenarinc653");
    // The fake tree lacks util and guest, so xl and python cannot have them.
    assertThat(chains(s)).contains("xl -> libxlutil", "python -> libxenguest");
  }

  @Test
  void treeLibraryUnknownToTheCatalogueCanBeIncluded() {
    XenToolsSelection s = select(XenToolsRequest.of("minimal", "4.19")
        .withSourceDirectory(Fixtures.fakeXen()).withIncludes(List.of("arinc")));
    assertThat(s.selected().get("libxenarinc653").kind()).isEqualTo(SelectionReason.Kind.INCLUDED);
    assertThat(s.packages()).contains("xen-tools-libxenarinc653");
    assertThat(s.libsBuildOrder()).extracting(e -> e.dir() + ":" + e.condition()).containsExactly(
        "toollog:y", "toolcore:y", "call:y", "foreignmemory:y", "ctrl:y", "arinc:CONFIG_ARINC653");
  }

  @Test
  void buildOrderIsRepairedAndTheTreesOrderReported() {
    Path tree = Fixtures.copyOfFakeXen(tmp);
    Fixtures.replace(tree.resolve("tools/libs/Makefile"),
        "SUBDIRS-y += devicemodel\nSUBDIRS-y += ctrl\n", "SUBDIRS-y += ctrl\nSUBDIRS-y += devicemodel\n");
    XenToolsRequest r = XenToolsRequest.of("minimal", "4.19").withSourceDirectory(tree)
        .withIncludes(List.of("evtchn", "gnttab", "devicemodel"))
        .withExcludes(List.of("pygrub", "remus", "scripts-block", "scripts-common",
            "scripts-network", "xencommons", "xendomains"));
    XenToolsSelection s = select(r);
    assertThat(s.contradictions()).isEmpty();
    assertThat(s.libsBuildOrder()).extracting(SubdirEntry::dir).containsExactly("toollog",
        "toolcore", "evtchn", "gnttab", "call", "foreignmemory", "devicemodel", "ctrl");
    assertThat(s.orderIssues()).extracting(OrderIssue::describe).containsExactly(
        "tools/libs/Makefile:10: ctrl is built before devicemodel, which it links (USELIBS_ctrl at"
            + " tools/libs/uselibs.mk:21; devicemodel is built at tools/libs/Makefile:11)");
    assertThatThrownBy(() -> select(r.withStrict(true))).isInstanceOf(OsvException.class)
        .hasMessageContaining("first: build order: tools/libs/Makefile:10: ctrl is built before"
            + " devicemodel");
  }

  @Test
  void toolsOrderAgainstComponentNeedsIsChecked() {
    Path tree = Fixtures.copyOfFakeXen(tmp);
    Path makefile = tree.resolve("tools/Makefile");
    Fixtures.replace(makefile, "SUBDIRS-${CONFIG_LIBFSIMAGE} += libfsimage", "@@");
    Fixtures.replace(makefile, "SUBDIRS-$(CONFIG_PYGRUB) += pygrub",
        "SUBDIRS-${CONFIG_LIBFSIMAGE} += libfsimage");
    Fixtures.replace(makefile, "@@", "SUBDIRS-$(CONFIG_PYGRUB) += pygrub");
    XenToolsSelection s = select(XenToolsRequest.of("minimal", "4.19").withSourceDirectory(tree));
    assertThat(s.orderIssues()).extracting(OrderIssue::describe).containsExactly(
        "tools/Makefile:15: pygrub (pygrub) is built before libfsimage (libxenfsimage), which it"
            + " needs (build: its python extension xenfsimage links libxenfsimage)");
    assertThat(s.toolsSubdirs()).extracting(SubdirEntry::dir)
        .containsExactly("libs", "flask", "hotplug", "firmware", "pygrub", "libfsimage");
  }
}
