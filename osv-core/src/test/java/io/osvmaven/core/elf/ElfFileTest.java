package io.osvmaven.core.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfFileTest {

  @TempDir
  Path tmp;

  @Test
  void readsHandBuiltSharedLibrary64() throws IOException {
    Path f = TestElf.library("libA.so.1").needs("libB.so.2", "libc.so.6")
        .runpath("$ORIGIN/../lib:/opt/x").writeTo(tmp.resolve("libA.so.1"));

    ElfFile elf = ElfFile.read(f);

    assertThat(elf.elfClass()).isEqualTo(ElfClass.ELF64);
    assertThat(elf.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    assertThat(elf.type()).isEqualTo(ElfType.DYN);
    assertThat(elf.machine()).isEqualTo(ElfMachine.X86_64);
    assertThat(elf.interpreter()).isEmpty();
    assertThat(elf.needed()).containsExactly("libB.so.2", "libc.so.6");
    assertThat(elf.soname()).contains("libA.so.1");
    assertThat(elf.rpath()).isEmpty();
    assertThat(elf.runpath()).contains("$ORIGIN/../lib:/opt/x");
    assertThat(elf.runpathDirectories()).containsExactly("$ORIGIN/../lib", "/opt/x");
    assertThat(elf.isSharedLibrary()).isTrue();
    assertThat(elf.isExecutable()).isFalse();
    assertThat(elf.dynamic()).isTrue();
  }

  @Test
  void readsPieExecutableWithInterpreterAndRpath() throws IOException {
    Path f = TestElf.executable().needs("libz.so.1").rpath("/r1::/r2")
        .writeTo(tmp.resolve("app"));

    ElfFile elf = ElfFile.read(f);

    assertThat(elf.interpreter()).contains("/lib64/ld-linux-x86-64.so.2");
    assertThat(elf.isExecutable()).isTrue();
    assertThat(elf.isSharedLibrary()).isFalse();
    assertThat(elf.soname()).isEmpty();
    assertThat(elf.rpathDirectories()).containsExactly("/r1", "/r2");
    assertThat(elf.runpath()).isEmpty();
  }

  @Test
  void readsElf32BigEndian() throws IOException {
    Path f = TestElf.library("libbe.so").elf32().bigEndian().machine(20).type(TestElf.ET_DYN)
        .needs("libm.so.6").writeTo(tmp.resolve("libbe.so"));

    ElfFile elf = ElfFile.read(f);

    assertThat(elf.elfClass()).isEqualTo(ElfClass.ELF32);
    assertThat(elf.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
    assertThat(elf.machineCode()).isEqualTo(20);
    assertThat(elf.machine()).isEqualTo(ElfMachine.OTHER);
    assertThat(elf.needed()).containsExactly("libm.so.6");
    assertThat(elf.soname()).contains("libbe.so");
  }

  @Test
  void readsAarch64ExecAndStaticFiles() throws IOException {
    Path exec = TestElf.executable().machine(TestElf.EM_AARCH64).type(TestElf.ET_EXEC)
        .interpreter("/lib/ld-linux-aarch64.so.1").writeTo(tmp.resolve("a64"));
    Path stat = TestElf.executable().interpreter(null).type(TestElf.ET_EXEC).noDynamic()
        .writeTo(tmp.resolve("static"));

    ElfFile a64 = ElfFile.read(exec);
    assertThat(a64.machine()).isEqualTo(ElfMachine.AARCH64);
    assertThat(a64.type()).isEqualTo(ElfType.EXEC);
    assertThat(a64.interpreter()).contains("/lib/ld-linux-aarch64.so.1");
    assertThat(a64.needed()).isEmpty();

    ElfFile s = ElfFile.read(stat);
    assertThat(s.dynamic()).isFalse();
    assertThat(s.interpreter()).isEmpty();
    assertThat(s.isExecutable()).isTrue();
  }

  @Test
  void readelfAgreesWithTheHandBuiltFixtures() throws Exception {
    Path le = TestElf.library("libA.so.1").needs("libB.so.2", "libc.so.6").runpath("$ORIGIN")
        .writeTo(tmp.resolve("le"));
    Path be = TestElf.library("libbe.so").elf32().bigEndian().needs("libm.so.6").rpath("/r")
        .writeTo(tmp.resolve("be"));
    assertThat(Readelf.dynamic(le))
        .isEqualTo(new Readelf.Dynamic(List.of("libB.so.2", "libc.so.6"), "libA.so.1", null, "$ORIGIN"));
    assertThat(Readelf.dynamic(be))
        .isEqualTo(new Readelf.Dynamic(List.of("libm.so.6"), "libbe.so", "/r", null));
  }

  @Test
  void isElfChecksOnlyTheMagic() throws IOException {
    Path elf = TestElf.library("x.so").writeTo(tmp.resolve("x.so"));
    Path script = Files.writeString(tmp.resolve("libc.so"), "/* GNU ld script */\nGROUP ( x )\n");
    Path tiny = Files.write(tmp.resolve("tiny"), new byte[] {0x7f, 'E', 'L'});
    Path magicOnly = Files.write(tmp.resolve("magic"), new byte[] {0x7f, 'E', 'L', 'F'});

    assertThat(ElfFile.isElf(elf)).isTrue();
    assertThat(ElfFile.isElf(magicOnly)).isTrue();
    assertThat(ElfFile.isElf(script)).isFalse();
    assertThat(ElfFile.isElf(tiny)).isFalse();
    assertThat(ElfFile.isElf(tmp)).isFalse();
    assertThat(ElfFile.isElf(tmp.resolve("absent"))).isFalse();
  }

  @Test
  void everyTruncationIsAnErrorNamingTheFile() throws IOException {
    for (TestElf builder : List.of(
        TestElf.executable().needs("libB.so.2").runpath("$ORIGIN"),
        TestElf.library("lib32.so").elf32().needs("libc.so.6"))) {
      byte[] full = builder.bytes();
      for (int len = 0; len < full.length; len++) {
        Path f = Files.write(tmp.resolve("cut" + len), Arrays.copyOf(full, len));
        assertThatThrownBy(() -> ElfFile.read(f)).as("length %d", len)
            .isInstanceOf(OsvException.class)
            .hasMessageContaining(f.toString());
      }
    }
  }

  @Test
  void notElfIsAClearError() throws IOException {
    Path script = Files.writeString(tmp.resolve("libc.so"), "/* GNU ld script */\nGROUP ( x )\n");
    assertThatThrownBy(() -> ElfFile.read(script)).isInstanceOf(OsvException.class)
        .hasMessageContaining(script.toString()).hasMessageContaining("not an ELF file");
    assertThatThrownBy(() -> ElfFile.read(tmp.resolve("absent"))).isInstanceOf(OsvException.class)
        .hasMessageContaining("absent");
  }

  @Test
  void corruptDynamicSectionIsAnError() throws IOException {
    Path badAddr = TestElf.library("l.so").needs("x").strtab(0x10).writeTo(tmp.resolve("addr"));
    Path badSize = TestElf.library("l.so").needs("x").strsz(1L << 40).writeTo(tmp.resolve("size"));
    // the table ends right after "l.so": DT_NEEDED "x" was written first, so offset 1 is "x",
    // and a table of 3 bytes cuts "l.so" (at offset 3) off entirely
    Path shortTable = TestElf.library("l.so").needs("x").strsz(3).writeTo(tmp.resolve("short"));

    assertThatThrownBy(() -> ElfFile.read(badAddr)).isInstanceOf(OsvException.class)
        .hasMessageContaining("addr").hasMessageContaining("DT_STRTAB");
    assertThatThrownBy(() -> ElfFile.read(badSize)).isInstanceOf(OsvException.class)
        .hasMessageContaining("DT_STRSZ");
    assertThatThrownBy(() -> ElfFile.read(shortTable)).isInstanceOf(OsvException.class)
        .hasMessageContaining("DT_SONAME");
  }

  @Test
  void badClassAndProgramHeaderBeyondFile() throws IOException {
    byte[] b = TestElf.library("l.so").bytes();
    byte[] badClass = b.clone();
    badClass[4] = 7;
    Path f1 = Files.write(tmp.resolve("class"), badClass);
    assertThatThrownBy(() -> ElfFile.read(f1)).isInstanceOf(OsvException.class)
        .hasMessageContaining("ELF class 7");

    byte[] farPhdr = b.clone();
    ByteBuffer.wrap(farPhdr).order(ByteOrder.LITTLE_ENDIAN).putLong(32, 1L << 50);
    Path f2 = Files.write(tmp.resolve("phoff"), farPhdr);
    assertThatThrownBy(() -> ElfFile.read(f2)).isInstanceOf(OsvException.class)
        .hasMessageContaining("program header table");
  }

  @Test
  void readsTheProgramHeaderCountFromSectionZeroWhenItIsPnXnum() throws IOException {
    byte[] plain = TestElf.library("libx.so").needs("liby.so").bytes();
    // append a section header 0 whose sh_info holds the real count (PT_LOAD and PT_DYNAMIC: 2)
    ByteBuffer b = ByteBuffer.allocate(plain.length + 64).order(ByteOrder.LITTLE_ENDIAN);
    b.put(plain);
    b.putInt(plain.length + 44, 2);
    b.putLong(40, plain.length); // e_shoff
    b.putShort(58, (short) 64); // e_shentsize
    b.putShort(56, (short) 0xffff); // e_phnum = PN_XNUM
    Path f = Files.write(tmp.resolve("xnum"), b.array());

    ElfFile elf = ElfFile.read(f);

    assertThat(elf.needed()).containsExactly("liby.so");
    assertThat(elf.soname()).contains("libx.so");
  }

  @Test
  void readsTheJdksOwnLibraries() {
    Path javaHome = Path.of(System.getProperty("java.home"));
    ElfFile libjava = ElfFile.read(javaHome.resolve("lib/libjava.so"));
    assertThat(libjava.soname()).contains("libjava.so");
    assertThat(libjava.needed()).contains("libjvm.so", "libc.so.6");
    assertThat(libjava.isSharedLibrary()).isTrue();
    assertThat(libjava.machine()).isNotEqualTo(ElfMachine.OTHER);

    ElfFile java = ElfFile.read(javaHome.resolve("bin/java"));
    assertThat(java.isExecutable()).isTrue();
    assertThat(java.interpreter()).hasValueSatisfying(i -> assertThat(i).contains("ld-linux"));
    assertThat(java.needed()).contains("libc.so.6");
  }

  @Test
  void readsHostBinariesLikeReadelf() throws Exception {
    ElfFile ls = ElfFile.read(Path.of("/bin/ls"));
    assertThat(ls.needed()).contains("libc.so.6");
    Path libc = hostLibc(ls);
    ElfFile c = ElfFile.read(libc);
    assertThat(c.soname()).contains("libc.so.6");

    Path javaHome = Path.of(System.getProperty("java.home"));
    for (Path f : List.of(Path.of("/bin/ls"), libc, javaHome.resolve("lib/libjava.so"),
        javaHome.resolve("lib/server/libjvm.so"), javaHome.resolve("bin/java"))) {
      Readelf.Dynamic expected = Readelf.dynamic(f);
      ElfFile elf = ElfFile.read(f);
      assertThat(elf.needed()).as("%s NEEDED", f).isEqualTo(expected.needed());
      assertThat(elf.soname()).as("%s SONAME", f).isEqualTo(Optional.ofNullable(expected.soname()));
      assertThat(elf.rpath()).as("%s RPATH", f).isEqualTo(Optional.ofNullable(expected.rpath()));
      assertThat(elf.runpath()).as("%s RUNPATH", f)
          .isEqualTo(Optional.ofNullable(expected.runpath()));
    }
  }

  /** libc.so.6 as the host's dynamic linker finds it, in the usual Debian places. */
  static Path hostLibc(ElfFile forBinary) {
    String triple = forBinary.machine().multiarchTriple();
    for (String dir : List.of("/lib/" + triple, "/usr/lib/" + triple, "/lib64", "/usr/lib64",
        "/lib", "/usr/lib")) {
      Path p = Path.of(dir, "libc.so.6");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new AssertionError("no libc.so.6 on this host");
  }
}
