package io.osvmaven.cli;

import static io.osvmaven.cli.MainTest.osv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XenCommandsTest {

  @TempDir
  Path dir;

  @Test
  void listGatesByVersion() {
    MainTest.Result r417 = osv("xen", "list", "--version", "4.17");
    MainTest.Result r421 = osv("xen", "list", "--version", "4.21");
    assertThat(r417.code()).isZero();
    assertThat(r417.out()).doesNotContain("libxenmanage");
    assertThat(r421.out()).contains("libxenmanage");
    assertThat(osv("xen", "list", "--version", "3.0").code()).isEqualTo(Main.BUILD_ERROR);
  }

  @Test
  void explainShowsTheChainThatMakesRemovingToollogFalse() {
    MainTest.Result r = osv("xen", "explain", "--version", "4.19", "libxentoollog");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("libxentoollog is selected: in preset minimal\n")
        .contains("needed by libxencall, libxenctrl");
  }

  @Test
  void selectWritesTheFilesWarnsByDefaultAndFailsWhenStrict() throws IOException {
    Path out = dir.resolve("xen");
    MainTest.Result warn = osv("xen", "select", "--version", "4.19", "--preset", "minimal", "--output", out.toString());
    assertThat(warn.code()).isZero();
    assertThat(warn.err()).contains("warning: xen-tools: contradiction");
    assertThat(Files.readString(out.resolve("local.conf.inc"))).contains("ENABLE_MINIMAL_XEN_TOOLS");
    assertThat(out.resolve("xen-tools-report.md")).exists();

    Path strictOut = dir.resolve("strict");
    MainTest.Result strict = osv("xen", "select", "--version", "4.19", "--exclude", "toollog", "--strict",
        "--output", strictOut.toString());
    assertThat(strict.code()).isEqualTo(Main.BUILD_ERROR);
    assertThat(strict.err()).contains("not consistent (strict mode)").contains("libxentoollog");
    assertThat(strictOut.resolve("local.conf.inc")).doesNotExist();
  }

  @Test
  void unknownComponentSuggestsAName() {
    MainTest.Result r = osv("xen", "select", "--version", "4.19", "--include", "libxenctl", "--output", dir.toString());
    assertThat(r.code()).isEqualTo(Main.BUILD_ERROR);
    assertThat(r.err()).contains("--include: ").contains("libxenctl").contains("did you mean");
  }

  @Test
  void withoutAVersionTheNewestIsUsedAndSaid() {
    MainTest.Result r = osv("xen", "select", "--preset", "minimal", "--output", dir.resolve("x").toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("no Xen version given, using 4.22");
    assertThat(osv("xen", "explain", "libxentoollog").out()).startsWith("libxentoollog is selected");
  }
}
