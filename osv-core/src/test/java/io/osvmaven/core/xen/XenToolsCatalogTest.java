package io.osvmaven.core.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class XenToolsCatalogTest {

  private final XenToolsCatalog catalog = XenToolsCatalog.builtIn();

  @Test
  void everyDesignTableNameResolvesToItsRealPackage() {
    // Spec section 0 finding 2 and section 4: design-table name -> real Yocto package.
    Map<String, String> expected = new TreeMap<>();
    for (String lib : List.of("libxencall", "libxenctrl", "libxendevicemodel", "libxenevtchn",
        "libxenforeignmemory", "libxengnttab", "libxenguest", "libxenhypfs", "libxenlight",
        "libxenstat", "libxenstore", "libxenvchan", "libxentoolcore", "libxentoollog")) {
      expected.put(lib, "xen-tools-" + lib);
    }
    expected.put("libxenutil", "xen-tools-libxlutil");
    expected.put("consold", "xen-tools-console");
    expected.put("reums", "xen-tools-remus");
    expected.put("xenwatchdogd", "xen-tools-xen-watchdog");
    expected.put("9pfsd", "xen-tools-xen-9pfsd");
    for (String same : List.of("dev", "flask", "flask-tools", "fsimage", "hvmloader", "pygrub",
        "scripts-block", "scripts-common", "scripts-network", "shim", "xenpaging", "xenpmd",
        "xenstored", "volatiles", "xencommons", "xendomains", "xentrace", "xenmon")) {
      expected.put(same, "xen-tools-" + same);
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(catalog.resolve(e.getKey(), "test").packages()).as(e.getKey())
          .containsExactly(e.getValue());
    }
    assertThat(catalog.resolve("fuzz", "test").packages()).isEmpty();
    assertThat(catalog.resolve("libacpi", "test").packages()).isEmpty();
  }

  @Test
  void catalogueHoldsTheTableAndWhatItsRowsNeed() {
    // 41 design-table rows (15 libraries, 24 others, plus libxenmanage and libxenfsimage from
    // table 4.1) and 3 packages the rows drag in: xl, xenstore, python.
    assertThat(catalog.components()).hasSize(44);
    assertThat(catalog.components(new XenVersion(4, 19))).hasSize(43);
  }

  @Test
  void minimalPresetIsTheDesignTablesIncludedColumn() {
    // Spec 3.3: the document's "included = yes" set; libxenfsimage ships as part of fsimage.
    Set<String> minimal = catalog.components().stream().filter(XenComponent::minimal)
        .map(XenComponent::id).collect(Collectors.toSet());
    assertThat(minimal).containsExactlyInAnyOrder("libxencall", "libxenctrl",
        "libxenforeignmemory", "libxentoolcore", "libxentoollog", "dev", "flask", "flask-tools",
        "fsimage", "pygrub", "remus", "scripts-block", "scripts-common", "scripts-network", "shim",
        "volatiles", "xencommons", "xendomains", "libxenfsimage");
  }

  @Test
  void libraryGraphMatchesUselibsOf419() {
    XenVersion v = new XenVersion(4, 19);
    BuildGraph g = BuildGraph.fromCatalog(catalog, v);
    assertThat(g.libraries().keySet()).containsExactly("toolcore", "toollog", "evtchn", "gnttab",
        "call", "foreignmemory", "devicemodel", "hypfs", "ctrl", "guest", "store", "vchan", "stat",
        "light", "util");
    assertThat(g.libraries().get("ctrl").uselibs())
        .containsExactly("toollog", "call", "evtchn", "gnttab", "foreignmemory", "devicemodel");
    assertThat(g.libraries().get("light").uselibs())
        .containsExactly("toollog", "evtchn", "toolcore", "ctrl", "store", "hypfs", "guest");
    assertThat(g.libraries().get("util").filename()).isEqualTo("xlutil");
    assertThat(g.libsOrder().stream().map(SubdirEntry::dir).toList()).containsExactly("toolcore",
        "toollog", "evtchn", "gnttab", "call", "foreignmemory", "devicemodel", "ctrl", "guest",
        "hypfs", "store", "stat", "vchan", "light", "util");
    assertThat(g.libsOrder().get(12).condition()).isEqualTo("CONFIG_Linux");
  }

  @Test
  void manageAndQemuTraditionalAreVersionGated() {
    XenVersion v420 = new XenVersion(4, 20);
    XenVersion v421 = new XenVersion(4, 21);
    assertThat(BuildGraph.fromCatalog(catalog, v420).libraries()).doesNotContainKey("manage");
    BuildGraph g421 = BuildGraph.fromCatalog(catalog, v421);
    assertThat(g421.libraries().get("manage").uselibs()).containsExactly("toollog", "toolcore", "call");
    List<String> libs421 = g421.libsOrder().stream().map(SubdirEntry::dir).toList();
    assertThat(libs421.indexOf("manage")).isEqualTo(libs421.indexOf("hypfs") + 1);
    assertThat(catalog.toolsOrder(v420).stream().map(SubdirEntry::dir))
        .contains("qemu-xen-traditional-dir");
    assertThat(catalog.toolsOrder(v421).stream().map(SubdirEntry::dir))
        .doesNotContain("qemu-xen-traditional-dir");
    XenComponent xenstored = catalog.resolve("xenstored", "test");
    assertThat(xenstored.links(v420)).containsExactly("evtchn", "gnttab", "ctrl");
    assertThat(xenstored.links(v421)).containsExactly("evtchn", "gnttab", "manage");
  }

  @Test
  void builtInGraphsAreValidBuildOrdersInEveryVersion() {
    for (XenVersion v : catalog.versions()) {
      BuildGraph g = BuildGraph.fromCatalog(catalog, v);
      assertThat(BuildOrder.checkLibraries(g)).as("libs " + v).isEmpty();
      assertThat(BuildOrder.checkTools(g)).as("tools " + v).isEmpty();
    }
  }

  @Test
  void unknownNameSuggestsTheClosestOne() {
    assertThatThrownBy(() -> catalog.resolve("libxenctl", "includes"))
        .isInstanceOf(OsvException.class)
        .hasMessage("includes: unknown xen-tools component 'libxenctl'")
        .satisfies(e -> assertThat(((OsvException) e).hint()).hasValue("did you mean 'libxenctrl'?"));
    assertThatThrownBy(() -> catalog.resolve("zzzzzzzzzzzz", "excludes"))
        .satisfies(e -> assertThat(((OsvException) e).hint().orElseThrow()).doesNotContain("did you mean"));
  }

  @Test
  void versionOutsideTheCatalogueIsRejected() {
    assertThatThrownBy(() -> catalog.supportedVersion("4.16", "xenVersion"))
        .isInstanceOf(OsvException.class).hasMessageContaining("xenVersion: Xen 4.16 is not described");
    assertThatThrownBy(() -> catalog.supportedVersion("four", "xenVersion"))
        .hasMessageContaining("'four' is not a Xen version");
    assertThat(catalog.supportedVersion("4.19.2", "xenVersion")).isEqualTo(new XenVersion(4, 19));
  }

  @Test
  void parseErrorsNameResourceAndLine() {
    String head = "versions 4.19 4.21\narches x86_64\n";
    assertError(head + "component a\n  kind tool\n  minimal no\n  colour red\n",
        "t.catalog:6: unknown field 'colour' in component a");
    assertError(head + "  kind tool\n", "t.catalog:3: indented field 'kind' outside a component");
    assertError(head + "component a\n  minimal no\n", "t.catalog:3: component a has no 'kind' field");
    assertError(head + "component a\n  kind gadget\n  minimal no\n",
        "t.catalog:4: kind 'gadget' is not one of library, tool, script, data");
    assertError(head + "component a\n  kind tool\n  minimal no\n  links@4.x ctrl\n",
        "t.catalog:6: '4.x' is not a Xen version");
    assertError(head + "component a\n  kind tool\n  minimal no\n  doc@4.19 a\n",
        "t.catalog:6: field 'doc' cannot be limited to versions");
    assertError(head + "component a\n  kind tool\n  minimal no\n  needs b because\n",
        "t.catalog:6: a needs 'b', which is not a component of Xen 4.19");
    assertError(head + "component a\n  kind tool\n  minimal no\ncomponent a\n",
        "t.catalog:6: component 'a' is defined twice (first at t.catalog:3)");
    assertError(head + "component a\n  kind tool\n  minimal no\n  links@4.21- manage\n"
        + "component m\n  kind library\n  lib manage\n  versions 4.22-\n  minimal no\n",
        "t.catalog:6: links names library 'manage', which no component provides in Xen 4.21");
    assertError(head + "gadget x\n", "t.catalog:3: unknown directive 'gadget'");
  }

  @Test
  void aliasesMayNotCollide() {
    assertError("versions 4.19\ncomponent a\n  kind tool\n  minimal no\n  alias x\n"
        + "component b\n  kind tool\n  minimal no\n  alias x\n",
        "t.catalog:6: name 'x' of component b is already used by component a (t.catalog:2)");
  }

  private static void assertError(String text, String message) {
    assertThatThrownBy(() -> XenToolsCatalog.parse("t.catalog", text))
        .isInstanceOf(OsvException.class).hasMessage(message);
  }
}
