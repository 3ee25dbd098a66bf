package io.osvmaven.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.elf.TestElf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeApplicationTest {

  @TempDir
  Path sys;

  @Test
  void executablesAtTheRootLibrariesInUsrLib() throws IOException {
    Path tool = TestElf.executable().needs("libhelper.so.1", "libc.so.6").runpath("$ORIGIN")
        .writeTo(sys.resolve("opt/bin/tool"));
    Files.createSymbolicLink(sys.resolve("opt/tool-link"), Path.of("bin/tool"));
    TestElf.library("libhelper.so.1").needs("libz.so.1").writeTo(sys.resolve("opt/bin/libhelper.so.1"));
    Path plugin = TestElf.library("libplugin.so").needs("libz.so.1").writeTo(sys.resolve("opt/libplugin.so"));
    TestElf.library("libz.so.1").writeTo(sys.resolve("usr/lib/libz.so.1"));

    NativeApplication plan = NativeApplication.plan(LibraryRequest.of(
        List.of(sys.resolve("opt/tool-link"), plugin)).withSysroot(sys), BuildListener.NONE);

    assertThat(plan.entries()).extracting(ImageEntry::manifestLine).containsExactly(
        "/tool-link: " + tool.toRealPath(),
        "/usr/lib/libplugin.so: " + plugin.toRealPath(),
        "/usr/lib/libhelper.so.1: " + sys.resolve("opt/bin/libhelper.so.1").toRealPath(),
        "/usr/lib/libz.so.1: " + sys.resolve("usr/lib/libz.so.1").toRealPath());
    assertThat(plan.entries().get(0).executable()).isTrue();
    assertThat(plan.entries().get(1).executable()).isFalse();
    assertThat(plan.defaultCommandLine()).contains("/tool-link");
    assertThat(plan.closure().skipped()).extracting(SkippedLibrary::name).containsExactly("libc.so.6");
  }

  @Test
  void onlyLibrariesMeansNoDefaultCommand() throws IOException {
    Path lib = TestElf.library("libx.so").writeTo(sys.resolve("libx.so"));
    NativeApplication plan = NativeApplication.plan(LibraryRequest.of(List.of(lib)).withSysroot(sys),
        BuildListener.NONE);
    assertThat(plan.defaultCommandLine()).isEmpty();
    assertThat(plan.entries()).extracting(ImageEntry::guestPath).containsExactly("/usr/lib/libx.so");
  }

  @Test
  void twoFilesForOneGuestPathIsAnError() throws IOException {
    Path a = TestElf.executable().writeTo(sys.resolve("a/tool"));
    Path b = TestElf.executable().writeTo(sys.resolve("b/tool"));
    assertThatThrownBy(() -> NativeApplication.plan(LibraryRequest.of(List.of(a, b)).withSysroot(sys),
        BuildListener.NONE)).isInstanceOf(OsvException.class).hasMessageContaining("/tool");
  }
}
