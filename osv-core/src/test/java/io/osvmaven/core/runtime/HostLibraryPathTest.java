package io.osvmaven.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.osvmaven.core.elf.ElfClass;
import io.osvmaven.core.elf.ElfMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostLibraryPathTest {

  @TempDir
  Path sys;

  private void write(String path, String text) throws IOException {
    Path p = sys.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void readsLdSoConfWithIncludesThenTheBuiltInDirectories() throws IOException {
    write("etc/ld.so.conf", "include /etc/ld.so.conf.d/*.conf\n# a comment\n/opt/sys/lib   # trailing\n\n");
    write("etc/ld.so.conf.d/b.conf", "/opt/b\ninclude ../ld.so.conf\n");
    write("etc/ld.so.conf.d/a.conf", "/opt/a\nhwcap 0 nosegneg\n/opt/old=libc5\n");
    write("etc/ld.so.conf.d/a.conf~", "/opt/backup\n");
    write("etc/ld.so.conf.d/c.conf", "include more/*.conf\n");
    write("etc/ld.so.conf.d/more/d.conf", "/usr/lib/x86_64-linux-gnu\n/opt/d\n");

    HostLibraryPath path = HostLibraryPath.of(sys, ElfMachine.X86_64, ElfClass.ELF64);

    assertThat(path.directories()).containsExactly(
        sys.resolve("opt/a"), sys.resolve("opt/old"), sys.resolve("opt/b"),
        sys.resolve("usr/lib/x86_64-linux-gnu"), sys.resolve("opt/d"), sys.resolve("opt/sys/lib"),
        sys.resolve("lib/x86_64-linux-gnu"), sys.resolve("lib64"), sys.resolve("usr/lib64"),
        sys.resolve("lib"), sys.resolve("usr/lib"));
  }

  @Test
  void withoutLdSoConfOnlyTheBuiltInDirectoriesOfTheAbi() {
    HostLibraryPath path = HostLibraryPath.of(sys, ElfMachine.AARCH64, ElfClass.ELF64);
    assertThat(path.directories()).containsExactly(
        sys.resolve("lib/aarch64-linux-gnu"), sys.resolve("usr/lib/aarch64-linux-gnu"),
        sys.resolve("lib64"), sys.resolve("usr/lib64"), sys.resolve("lib"), sys.resolve("usr/lib"));

    HostLibraryPath other = HostLibraryPath.of(sys, ElfMachine.OTHER, ElfClass.ELF32);
    assertThat(other.directories()).containsExactly(sys.resolve("lib32"), sys.resolve("usr/lib32"),
        sys.resolve("lib"), sys.resolve("usr/lib"));
  }
}
