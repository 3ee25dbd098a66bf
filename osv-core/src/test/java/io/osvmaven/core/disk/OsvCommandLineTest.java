package io.osvmaven.core.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import org.junit.jupiter.api.Test;

class OsvCommandLineTest {

  @Test
  void prefixesRootfsLikeScriptsBuild() {
    OsvCommandLine c = OsvCommandLine.withRootfs("rofs", "/java.so -jar /app.jar");
    assertThat(c.text()).isEqualTo("--rootfs=rofs /java.so -jar /app.jar");
    assertThat(c.rootfs()).contains("rofs");
    assertThat(c.loaderOptions()).containsExactly("--rootfs=rofs");
    assertThat(c.hasApplication()).isTrue();
  }

  @Test
  void emptyApplicationLeavesNoTrailingSpace() {
    // echo -n "--rootfs=ramfs " then unquoted $(cat cmdline): the trailing space disappears
    OsvCommandLine c = OsvCommandLine.withRootfs("ramfs", "");
    assertThat(c.text()).isEqualTo("--rootfs=ramfs");
    assertThat(c.hasApplication()).isFalse();
  }

  @Test
  void wordSplittingCollapsesWhitespace() {
    assertThat(OsvCommandLine.withRootfs("zfs", "  --verbose\t\t/a.so  x\ny  ").text())
        .isEqualTo("--rootfs=zfs --verbose /a.so x y");
  }

  @Test
  void ofKeepsTextVerbatim() {
    OsvCommandLine c = OsvCommandLine.of("--env=A=b\\ c  /x.so\t1");
    assertThat(c.text()).isEqualTo("--env=A=b\\ c  /x.so\t1");
    assertThat(c.loaderOptions()).containsExactly("--env=A=b c");
    assertThat(c.rootfs()).isEmpty();
  }

  @Test
  void rejectsUnknownFilesystem() {
    assertThatThrownBy(() -> OsvCommandLine.withRootfs("btrfs", "/x"))
        .isInstanceOf(OsvException.class).hasMessageContaining("btrfs")
        .satisfies(e -> assertThat(((OsvException) e).hint().orElseThrow()).contains("rofs"));
  }

  @Test
  void rejectsSecondRootfs() {
    assertThatThrownBy(() -> OsvCommandLine.withRootfs("rofs", "--rootfs=zfs /x"))
        .isInstanceOf(OsvException.class).hasMessageContaining("--rootfs=");
  }

  @Test
  void lengthLimitIs1023Utf8Bytes() {
    assertThat(OsvCommandLine.of("a".repeat(1023)).byteLength()).isEqualTo(1023);
    assertThatThrownBy(() -> OsvCommandLine.of("a".repeat(1024)))
        .isInstanceOf(OsvException.class).hasMessageContaining("1024 bytes");
    // é is two bytes in UTF-8
    assertThat(OsvCommandLine.of("é".repeat(511) + "a").byteLength()).isEqualTo(1023);
    assertThatThrownBy(() -> OsvCommandLine.of("é".repeat(512)))
        .isInstanceOf(OsvException.class).hasMessageContaining("1024 bytes");
  }

  @Test
  void rejectsNulAndCarriageReturn() {
    assertThatThrownBy(() -> OsvCommandLine.of("/a.so\0x"))
        .isInstanceOf(OsvException.class).hasMessageContaining("NUL").hasMessageContaining("5");
    assertThatThrownBy(() -> OsvCommandLine.withRootfs("rofs", "/a.so\r\n"))
        .isInstanceOf(OsvException.class).hasMessageContaining("U+000D");
  }

  @Test
  void rejectsUnpairedSurrogate() {
    assertThatThrownBy(() -> OsvCommandLine.of("/a.so \uD800"))
        .isInstanceOf(OsvException.class).hasMessageContaining("surrogate");
    assertThat(OsvCommandLine.of("/a.so \uD83D\uDE00").byteLength()).isEqualTo(10);
  }

  @Test
  void loaderOptionsGoBeforeTheApplication() {
    assertThat(OsvCommandLine.withLoaderOptions(java.util.List.of("--env=PORT=80", "--verbose"), "/hello.so"))
        .isEqualTo("--env=PORT=80 --verbose /hello.so");
    assertThat(OsvCommandLine.withLoaderOptions(java.util.List.of(), "/hello.so")).isEqualTo("/hello.so");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> OsvCommandLine.withLoaderOptions(java.util.List.of("env=X"), "/a"))
        .hasMessageContaining("loader option 'env=X' must start with --");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> OsvCommandLine.withLoaderOptions(java.util.List.of("--env=A B"), "/a"))
        .hasMessageContaining("no blanks");
  }
}
