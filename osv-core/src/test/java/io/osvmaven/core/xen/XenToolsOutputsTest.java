package io.osvmaven.core.xen;

import static org.assertj.core.api.Assertions.assertThat;

import io.osvmaven.core.BuildListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XenToolsOutputsTest {

  @TempDir
  Path tmp;

  private static final XenToolsSelection MINIMAL_419 =
      XenTools.select(XenToolsRequest.of("minimal", "4.19"), BuildListener.NONE);

  private static String file(XenToolsSelection s, String name) {
    return new String(XenToolsOutputs.render(s).get(name), StandardCharsets.UTF_8);
  }

  /** The lines make or BitBake read: no comments, no blank lines. */
  private static List<String> effective(String text) {
    return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
  }

  @Test
  void localConfOfTheMinimalPreset() {
    String conf = file(MINIMAL_419, "local.conf.inc");
    assertThat(effective(conf)).containsExactly(
        "ENABLE_MINIMAL_XEN_TOOLS = \"true\"",
        "PACKAGECONFIG:append:pn-xen-tools = \" xsm\"",
        "EXTRA_OECONF:append:pn-xen-tools = \" --disable-golang --disable-monitors --enable-pvshim"
            + " --enable-xsmpolicy\"",
        "EXTRA_OEMAKE:append:pn-xen-tools = \" CONFIG_MINIMAL_TOOLS=y XENSTORE_XENSTORED=n\"",
        "IMAGE_INSTALL:append = \" \\",
        "    xen-tools-dev \\",
        "    xen-tools-flask \\",
        "    xen-tools-flask-tools \\",
        "    xen-tools-fsimage \\",
        "    xen-tools-libfsimage \\",
        "    xen-tools-libxencall \\",
        "    xen-tools-libxenctrl \\",
        "    xen-tools-libxenforeignmemory \\",
        "    xen-tools-libxentoolcore \\",
        "    xen-tools-libxentoollog \\",
        "    xen-tools-pygrub \\",
        "    xen-tools-remus \\",
        "    xen-tools-scripts-block \\",
        "    xen-tools-scripts-common \\",
        "    xen-tools-scripts-network \\",
        "    xen-tools-shim \\",
        "    xen-tools-volatiles \\",
        "    xen-tools-xencommons \\",
        "    xen-tools-xendomains \\",
        "    \"");
    assertThat(conf).contains("\n#PACKAGECONFIG:append:pn-xen-tools = \" minimal-xen-tools\"\n");
  }

  @Test
  void localConfOfTheFullPresetHasNoMinimalSwitchesAndNoMetaPackage() {
    XenToolsSelection full = XenTools.select(XenToolsRequest.of("full", "4.19"), BuildListener.NONE);
    List<String> lines = effective(file(full, "local.conf.inc"));
    assertThat(lines).doesNotContain("ENABLE_MINIMAL_XEN_TOOLS = \"true\"")
        .contains("EXTRA_OECONF:append:pn-xen-tools = \" --enable-pvshim --enable-xsmpolicy\"")
        .noneMatch(l -> l.startsWith("EXTRA_OEMAKE"))
        .doesNotContain("    xen-tools \\");
    // 43 components, of which fuzz and libacpi have no package.
    assertThat(lines.stream().filter(l -> l.startsWith("    xen-tools-"))).hasSize(41);
  }

  @Test
  void makefileBlocksOfTheMinimalPreset() {
    String tools = file(MINIMAL_419, "tools.Makefile.minimal");
    assertThat(effective(tools)).containsExactly(
        "ifeq ($(CONFIG_MINIMAL_TOOLS),y)",
        "SUBDIRS-y :=",
        "SUBDIRS-y += libs",
        "SUBDIRS-y += flask",
        "SUBDIRS-y += hotplug",
        "SUBDIRS-$(CONFIG_X86) += firmware",
        "SUBDIRS-$(CONFIG_LIBFSIMAGE) += libfsimage",
        "SUBDIRS-$(CONFIG_PYGRUB) += pygrub",
        "endif");
    assertThat(tools).contains("# firmware also builds: hvmloader\nSUBDIRS-$(CONFIG_X86) += firmware\n")
        .contains("# hotplug also builds: xenwatchdogd\nSUBDIRS-y += hotplug\n");
    assertThat(effective(file(MINIMAL_419, "libs.Makefile.minimal"))).containsExactly(
        "ifeq ($(CONFIG_MINIMAL_TOOLS),y)",
        "SUBDIRS-y :=",
        "SUBDIRS-y += toolcore",
        "SUBDIRS-y += toollog",
        "SUBDIRS-y += call",
        "SUBDIRS-y += foreignmemory",
        "SUBDIRS-y += ctrl",
        "endif");
    assertThat(tools + file(MINIMAL_419, "libs.Makefile.minimal")).doesNotContain("\t");
  }

  @Test
  void uselibsBlockKeepsRealUselibsAndFlagsWhatIsNotBuilt() {
    String uselibs = file(MINIMAL_419, "uselibs.mk.minimal");
    assertThat(effective(uselibs)).containsExactly(
        "ifeq ($(CONFIG_MINIMAL_TOOLS),y)",
        "LIBS_LIBS :=",
        "LIBS_LIBS += toolcore",
        "USELIBS_toolcore :=",
        "LIBS_LIBS += toollog",
        "USELIBS_toollog :=",
        "LIBS_LIBS += call",
        "USELIBS_call := toollog toolcore",
        "LIBS_LIBS += foreignmemory",
        "USELIBS_foreignmemory := toollog toolcore",
        "LIBS_LIBS += ctrl",
        "USELIBS_ctrl := toollog call evtchn gnttab foreignmemory devicemodel",
        "endif");
    assertThat(uselibs).contains("# ctrl also links evtchn gnttab devicemodel, which this selection"
        + " does not build\nUSELIBS_ctrl :=");
  }

  @Test
  void uselibsBlockFromASourceTreeKeepsItsOrderAndFileNames() {
    XenToolsSelection s = XenTools.select(XenToolsRequest.of("minimal", "4.19")
        .withSourceDirectory(Fixtures.fakeXen()).withIncludes(List.of("arinc")), BuildListener.NONE);
    String uselibs = file(s, "uselibs.mk.minimal");
    assertThat(uselibs).startsWith("# Generated by osv xen-tools. Xen 4.19, preset minimal,"
        + " includes: arinc, excludes: -, arch: any, graph: source tree fake-xen.\n");
    assertThat(effective(uselibs)).containsSubsequence("LIBS_LIBS += toollog",
        "LIBS_LIBS += toolcore", "LIBS_LIBS += ctrl", "LIBS_LIBS += arinc",
        "USELIBS_arinc := toollog call", "FILENAME_arinc := xenarinc653", "endif");
    assertThat(effective(file(s, "libs.Makefile.minimal")))
        .contains("SUBDIRS-$(CONFIG_ARINC653) += arinc");
  }

  @Test
  void configureFlagsFile() {
    assertThat(file(MINIMAL_419, "configure-flags.txt")).isEqualTo(
        "# Generated by osv xen-tools. Xen 4.19, preset minimal, includes: -, excludes: -, arch:"
            + " any, graph: built-in catalogue (Xen 4.19).\n"
            + "# tools/configure arguments:\n"
            + "--disable-golang\n--disable-monitors\n--enable-pvshim\n--enable-xsmpolicy\n"
            + "# make variables (make command line, EXTRA_OEMAKE or $(XEN_ROOT)/.config):\n"
            + "CONFIG_MINIMAL_TOOLS=y\nXENSTORE_XENSTORED=n\n");
  }

  @Test
  void libfsimageStaysOnWhilePygrubNeedsIt() {
    XenToolsSelection s = XenTools.select(XenToolsRequest.of("minimal", "4.19")
        .withExcludes(List.of("fsimage")), BuildListener.NONE);
    assertThat(s.configureFlags()).doesNotContain("--disable-libfsimage");
    XenToolsSelection none = XenTools.select(XenToolsRequest.of("minimal", "4.19")
        .withExcludes(List.of("fsimage", "libfsimage", "pygrub")), BuildListener.NONE);
    assertThat(none.configureFlags()).contains("--disable-libfsimage", "--disable-pygrub");
  }

  @Test
  void markdownReportHasTheDesignDocumentShape() {
    String md = file(MINIMAL_419, "xen-tools-report.md");
    assertThat(md).contains("| component | package | included | rationale | remark |\n");
    assertThat(md).contains("\n| console (doc: consold) | xen-tools-console | no: not in preset"
        + " minimal | \"ctrl-a x3 replaces it\" | Ctrl-A x3 switches the hypervisor serial console;");
    assertThat(md).contains("\n| libxentoollog | xen-tools-libxentoollog | yes: in preset minimal |"
        + " logging for the other libraries | \"can be removed\" is false:");
    assertThat(md).contains("\n- **xencommons -> xl**: xencommons needs xl (RDEPENDS: recipe"
        + " RDEPENDS ${PN}-xl), but xl is not in preset minimal.\n  - fix: include xl\n"
        + "  - fix: exclude xencommons\n");
    assertThat(md).contains("- tools/libs: toolcore toollog call foreignmemory ctrl\n");
    assertThat(md).contains("| minimal | image | 4664 | 4.6M installed in the image |\n");
    assertThat(md).contains("libxenmanage: not in Xen 4.19 (exists from 4.21)");
  }

  @Test
  void jsonReportCarriesTheSameFacts() {
    String json = file(MINIMAL_419, "xen-tools-report.json");
    assertThat(json).startsWith("{\n  \"xenVersion\": \"4.19\",\n  \"preset\": \"minimal\",\n");
    assertThat(json).contains("\"consistent\": false");
    assertThat(json).contains("\"chain\": [\n        \"xencommons\",\n        \"xl\"\n      ],\n"
        + "      \"layer\": \"RDEPENDS\",\n      \"need\": \"recipe RDEPENDS ${PN}-xl\",\n"
        + "      \"blocked\": \"not in preset minimal\"");
    assertThat(json).endsWith("}\n");
  }

  @Test
  void outputsAreByteReproducibleAndUnchangedFilesKeepTheirMtime() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    List<Path> written = XenTools.writeOutputs(MINIMAL_419, a);
    XenTools.writeOutputs(XenTools.select(XenToolsRequest.of("minimal", "4.19"),
        BuildListener.NONE), b);
    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactlyElementsOf(XenToolsOutputs.FILE_NAMES);
    for (String name : XenToolsOutputs.FILE_NAMES) {
      assertThat(Files.readAllBytes(a.resolve(name))).as(name)
          .isEqualTo(Files.readAllBytes(b.resolve(name)));
    }
    try (var list = Files.list(a)) {
      assertThat(list.count()).isEqualTo(XenToolsOutputs.FILE_NAMES.size());
    }
    FileTime old = FileTime.fromMillis(1_000_000_000L);
    Path report = a.resolve("xen-tools-report.md");
    Files.setLastModifiedTime(report, old);
    XenTools.writeOutputs(MINIMAL_419, a);
    assertThat(Files.getLastModifiedTime(report)).isEqualTo(old);
  }

  @Test
  void renderedBytesHaveNoHostSpecificText() {
    Map<String, byte[]> files = XenToolsOutputs.render(XenTools.select(XenToolsRequest
        .of("minimal", "4.19").withSourceDirectory(Fixtures.fakeXen()), BuildListener.NONE));
    String all = new String(files.values().stream().reduce(new byte[0], (x, y) -> {
      byte[] r = Arrays.copyOf(x, x.length + y.length);
      System.arraycopy(y, 0, r, x.length, y.length);
      return r;
    }), StandardCharsets.UTF_8);
    assertThat(all).contains("source tree fake-xen")
        .doesNotContain(Fixtures.fakeXen().getParent().toString());
  }
}
