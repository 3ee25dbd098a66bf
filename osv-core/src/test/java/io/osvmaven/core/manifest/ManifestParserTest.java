package io.osvmaven.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestParserTest {

  private static List<ManifestLine> parse(Map<String, String> variables, String... lines) {
    return new ManifestParser(variables).parse("usr.manifest", List.of(lines));
  }

  private static List<ManifestLine> parse(String... lines) {
    return parse(Map.of(), lines);
  }

  @Test
  void skipsBlankLinesCommentsAndTheHeaderAndKeepsLineNumbers() {
    List<ManifestLine> lines = parse(
        "[manifest]",
        "",
        "   ",
        "# a comment",
        " \t# an indented comment",
        "  [manifest]",
        "/etc/hosts: ../../static/etc/hosts   ",
        "\t/usr/lib/libz.so.1 :  /usr/lib/x86_64-linux-gnu/libz.so.1");

    assertThat(lines).containsExactly(
        new ManifestLine("usr.manifest", 7, "/etc/hosts: ../../static/etc/hosts", "/etc/hosts",
            "../../static/etc/hosts"),
        new ManifestLine("usr.manifest", 8, "\t/usr/lib/libz.so.1 :  /usr/lib/x86_64-linux-gnu/libz.so.1",
            "/usr/lib/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1"));
    assertThat(lines.get(0).where()).isEqualTo("usr.manifest:7");
  }

  @Test
  void keepsSymlinkKeepLinkPatternAndColonWithoutBlankAsWritten() {
    List<ManifestLine> lines = parse(
        "/etc/mnttab: ->/proc/mounts",
        "/lib/libc.so: !sysroot/lib/libc.so",
        "/usr/**: tree/**",
        "/&/etc/hosts: ../../static/&",
        "/a:b: host:file");

    assertThat(lines).extracting(ManifestLine::guest, ManifestLine::host).containsExactly(
        org.assertj.core.groups.Tuple.tuple("/etc/mnttab", "->/proc/mounts"),
        org.assertj.core.groups.Tuple.tuple("/lib/libc.so", "!sysroot/lib/libc.so"),
        org.assertj.core.groups.Tuple.tuple("/usr/**", "tree/**"),
        org.assertj.core.groups.Tuple.tuple("/&/etc/hosts", "../../static/&"),
        org.assertj.core.groups.Tuple.tuple("/a:b", "host:file"));
  }

  @Test
  void substitutesBraceVariablesInTheWholeLineAndPercentVariablesInTheHostSpec() {
    Map<String, String> vars = Map.of("MODULE_DIR", "/m/httpserver", "OSV_BASE", "/osv",
        "libgcc_s_dir", "/usr/lib/gcc", "NAME", "api");

    List<ManifestLine> lines = parse(vars,
        "/${NAME}/x: ${MODULE_DIR}/${NAME}.so",
        "/usr/lib/libgcc_s.so.1: %(libgcc_s_dir)s/libgcc_s.so.1",
        "/100%/file: ${OSV_BASE}/100%%/file");

    assertThat(lines).extracting(ManifestLine::guest).containsExactly("/api/x",
        "/usr/lib/libgcc_s.so.1", "/100%/file");
    assertThat(lines).extracting(ManifestLine::host).containsExactly("/m/httpserver/api.so",
        "/usr/lib/gcc/libgcc_s.so.1", "/osv/100%/file");
    assertThat(lines.get(0).text()).isEqualTo("/${NAME}/x: ${MODULE_DIR}/${NAME}.so");
  }

  private static void assertError(String line, String... fragments) {
    assertError(Map.of(), line, fragments);
  }

  private static void assertError(Map<String, String> vars, String line, String... fragments) {
    assertThatThrownBy(() -> parse(vars, "# header", line))
        .isInstanceOf(OsvException.class)
        .hasMessageStartingWith("usr.manifest:2: ")
        .hasMessageContaining("'" + line + "'")
        .satisfies(e -> {
          for (String fragment : fragments) {
            assertThat(e.getMessage()).contains(fragment);
          }
        });
  }

  @Test
  void lineWithoutSeparatorIsAnError() {
    assertError("/etc/hosts:../hosts", "no ': '");
    assertError("/etc/hosts", "no ': '");
  }

  @Test
  void secondSeparatorIsAnErrorInsteadOfDroppingText() {
    assertError("/a: b: c", "more than one ': '");
  }

  @Test
  void relativeGuestPathIsAnError() {
    assertError("etc/hosts: hosts", "guest path 'etc/hosts' is not absolute");
    assertError("${D}/hosts: hosts", "undefined variable ${D}");
  }

  @Test
  void emptySymlinkTargetIsAnError() {
    assertError("/etc/mnttab: ->", "symlink without a target");
  }

  @Test
  void missingHostPathIsAnError() {
    assertError("/a: !", "no host path");
  }

  @Test
  void manifestThatIsNotUtf8IsAnError(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("latin1.manifest"), new byte[] {'/', 'a', ':', ' ', (byte) 0xE9});

    assertThatThrownBy(() -> new ManifestParser().parse(file, "latin1.manifest"))
        .isInstanceOf(OsvException.class).hasMessage("manifest latin1.manifest is not UTF-8 text");
  }

  @Test
  void undefinedOrMalformedVariablesAreErrors() {
    Map<String, String> vars = Map.of("libgcc_s_dir", "/lib");
    assertError(vars, "/a: %(gcc_dir)s/a", "undefined variable %(gcc_dir)s");
    assertError(vars, "/a: ${OSV_BASE}/a", "undefined variable ${OSV_BASE}");
    assertError(vars, "/a: 100%/a", "lone '%'");
    assertError(vars, "/a: %(libgcc_s_dir)d/a", "malformed variable reference");
    assertError(vars, "/a: ${OSV_BASE/a", "unterminated variable reference");
    assertThatThrownBy(() -> parse(vars, "/a: %(x)s"))
        .isInstanceOf(OsvException.class)
        .satisfies(e -> assertThat(((OsvException) e).hint()).contains("defined variables: libgcc_s_dir"));
  }

  @Test
  void readsAFileAndNamesItAsAsked(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("usr.manifest"), "[manifest]\n/a: b\nbroken\n");

    assertThatThrownBy(() -> new ManifestParser().parse(file, "src/main/osv/usr.manifest"))
        .isInstanceOf(OsvException.class)
        .hasMessageStartingWith("src/main/osv/usr.manifest:3: no ': '");
    assertThatThrownBy(() -> new ManifestParser().parse(dir.resolve("missing.manifest"), "m"))
        .isInstanceOf(OsvException.class).hasMessage("manifest m does not exist");
  }
}
