package io.osvmaven.core.elf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes minimal ELF files for tests, laid out by hand from the ELF specification: header, program
 * headers (PT_LOAD over the whole file, optional PT_INTERP, PT_DYNAMIC), interpreter string, dynamic
 * string table and, last, the dynamic section. Every byte after the header is something the reader must
 * read, so any truncation must be detected.
 */
public final class TestElf {

  public static final int EM_X86_64 = 62;
  public static final int EM_AARCH64 = 183;
  public static final int ET_EXEC = 2;
  public static final int ET_DYN = 3;
  /** Virtual address of file offset 0 in the single PT_LOAD segment. */
  public static final long BASE = 0x400000;

  private boolean is64 = true;
  private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
  private int type = ET_DYN;
  private int machine = EM_X86_64;
  private String interpreter;
  private final List<String> needed = new ArrayList<>();
  private String soname;
  private String rpath;
  private String runpath;
  private boolean dynamic = true;
  private Long strtabOverride;
  private Long strszOverride;

  public static TestElf library(String soname) {
    TestElf e = new TestElf();
    e.soname = soname;
    return e;
  }

  public static TestElf executable() {
    TestElf e = new TestElf();
    e.type = ET_DYN;
    e.interpreter = "/lib64/ld-linux-x86-64.so.2";
    return e;
  }

  public TestElf elf32() {
    is64 = false;
    return this;
  }

  public TestElf bigEndian() {
    order = ByteOrder.BIG_ENDIAN;
    return this;
  }

  public TestElf type(int t) {
    type = t;
    return this;
  }

  public TestElf machine(int m) {
    machine = m;
    return this;
  }

  public TestElf interpreter(String i) {
    interpreter = i;
    return this;
  }

  public TestElf needs(String... names) {
    needed.addAll(List.of(names));
    return this;
  }

  public TestElf rpath(String r) {
    rpath = r;
    return this;
  }

  public TestElf runpath(String r) {
    runpath = r;
    return this;
  }

  public TestElf noDynamic() {
    dynamic = false;
    return this;
  }

  public TestElf strtab(long vaddr) {
    strtabOverride = vaddr;
    return this;
  }

  public TestElf strsz(long size) {
    strszOverride = size;
    return this;
  }

  public Path writeTo(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, bytes());
    return file;
  }

  public byte[] bytes() {
    int ehsize = is64 ? 64 : 52;
    int phentsize = is64 ? 56 : 32;
    int dynentsize = is64 ? 16 : 8;
    int phnum = 1 + (interpreter != null ? 1 : 0) + (dynamic ? 1 : 0);

    // dynamic string table: offset 0 is the empty string, as linkers write it
    ByteArrayOutputStream strtab = new ByteArrayOutputStream();
    strtab.write(0);
    List<long[]> dyn = new ArrayList<>();
    for (String n : needed) {
      dyn.add(new long[] {1, add(strtab, n)});
    }
    if (soname != null) {
      dyn.add(new long[] {14, add(strtab, soname)});
    }
    if (rpath != null) {
      dyn.add(new long[] {15, add(strtab, rpath)});
    }
    if (runpath != null) {
      dyn.add(new long[] {29, add(strtab, runpath)});
    }
    byte[] interp = interpreter == null ? new byte[0]
        : (interpreter + "\0").getBytes(StandardCharsets.UTF_8);
    byte[] strings = dynamic ? strtab.toByteArray() : new byte[0];

    int interpOff = ehsize + phnum * phentsize;
    int strOff = interpOff + interp.length;
    int dynOff = strOff + strings.length;
    dyn.add(new long[] {5, strtabOverride != null ? strtabOverride : BASE + strOff});
    dyn.add(new long[] {10, strszOverride != null ? strszOverride : strings.length});
    dyn.add(new long[] {0, 0});
    int dynSize = dynamic ? dyn.size() * dynentsize : 0;
    int total = dynOff + dynSize;

    ByteBuffer b = ByteBuffer.allocate(total).order(order);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1),
        (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1, 0});
    b.position(16);
    b.putShort((short) type).putShort((short) machine).putInt(1);
    if (is64) {
      b.putLong(0).putLong(ehsize).putLong(0).putInt(0);
    } else {
      b.putInt(0).putInt(ehsize).putInt(0).putInt(0);
    }
    b.putShort((short) ehsize).putShort((short) phentsize).putShort((short) phnum)
        .putShort((short) 0).putShort((short) 0).putShort((short) 0);
    b.position(ehsize);
    phdr(b, 1, 0, BASE, total);
    if (interpreter != null) {
      phdr(b, 3, interpOff, BASE + interpOff, interp.length);
    }
    if (dynamic) {
      phdr(b, 2, dynOff, BASE + dynOff, dynSize);
    }
    b.put(interp).put(strings);
    if (dynamic) {
      for (long[] d : dyn) {
        if (is64) {
          b.putLong(d[0]).putLong(d[1]);
        } else {
          b.putInt((int) d[0]).putInt((int) d[1]);
        }
      }
    }
    return b.array();
  }

  private void phdr(ByteBuffer b, int ptype, long offset, long vaddr, long size) {
    if (is64) {
      b.putInt(ptype).putInt(4).putLong(offset).putLong(vaddr).putLong(vaddr)
          .putLong(size).putLong(size).putLong(8);
    } else {
      b.putInt(ptype).putInt((int) offset).putInt((int) vaddr).putInt((int) vaddr)
          .putInt((int) size).putInt((int) size).putInt(4).putInt(4);
    }
  }

  private static long add(ByteArrayOutputStream table, String s) {
    long at = table.size();
    table.writeBytes((s + "\0").getBytes(StandardCharsets.UTF_8));
    return at;
  }
}
