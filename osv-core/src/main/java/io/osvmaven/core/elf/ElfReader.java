package io.osvmaven.core.elf;

import io.osvmaven.core.OsvException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the parts of an ELF file the dynamic linker uses, with positional reads of a few bytes at a
 * time: memory does not grow with the file. Follows the program headers (not the section headers),
 * as ld.so does, so stripped files are read the same way as unstripped ones.
 */
final class ElfReader {

  private static final int PT_LOAD = 1;
  private static final int PT_DYNAMIC = 2;
  private static final int PT_INTERP = 3;
  private static final long DT_NULL = 0;
  private static final long DT_NEEDED = 1;
  private static final long DT_STRTAB = 5;
  private static final long DT_STRSZ = 10;
  private static final long DT_SONAME = 14;
  private static final long DT_RPATH = 15;
  private static final long DT_RUNPATH = 29;
  /** e_phnum value meaning "the real count is in section header 0's sh_info". */
  private static final int PN_XNUM = 0xffff;
  /** Longer interpreter paths or dynamic strings mean a corrupt file, not a real one. */
  private static final int MAX_STRING = 64 * 1024;

  private final Path file;
  private final FileChannel channel;
  private final long size;
  private ElfClass elfClass;
  private ByteOrder order;

  private ElfReader(Path file, FileChannel channel) throws IOException {
    this.file = file;
    this.channel = channel;
    this.size = channel.size();
  }

  static boolean hasMagic(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer magic = ByteBuffer.allocate(4);
      while (magic.hasRemaining() && ch.read(magic, magic.position()) > 0) {
        // positional reads until 4 bytes or end of file
      }
      return !magic.hasRemaining() && isMagic(magic.array());
    } catch (IOException e) {
      throw new OsvException("cannot read " + file + ": " + e.getMessage(), "check the file's permissions", e);
    }
  }

  private static boolean isMagic(byte[] b) {
    return b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
  }

  static ElfFile read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return new ElfReader(file, ch).readFile();
    } catch (IOException e) {
      throw new OsvException("cannot read ELF file " + file + ": " + e.getMessage(),
          "check that the file exists and is readable", e);
    }
  }

  private ElfFile readFile() throws IOException {
    if (size < 16) {
      throw corrupt("too short for an ELF header (" + size + " bytes)");
    }
    ByteBuffer ident = readAt(0, 16, "e_ident");
    if (!isMagic(ident.array())) {
      throw new OsvException(file + " is not an ELF file (no \\x7fELF magic)",
          "give an executable or shared library built for the target");
    }
    elfClass = switch (ident.get(4)) {
      case 1 -> ElfClass.ELF32;
      case 2 -> ElfClass.ELF64;
      default -> throw corrupt("unknown ELF class " + ident.get(4));
    };
    order = switch (ident.get(5)) {
      case 1 -> ByteOrder.LITTLE_ENDIAN;
      case 2 -> ByteOrder.BIG_ENDIAN;
      default -> throw corrupt("unknown ELF data encoding " + ident.get(5));
    };
    boolean is64 = elfClass == ElfClass.ELF64;
    ByteBuffer h = readAt(0, is64 ? 64 : 52, "ELF header");
    int type = Short.toUnsignedInt(h.getShort(16));
    int machine = Short.toUnsignedInt(h.getShort(18));
    long phoff = is64 ? h.getLong(32) : Integer.toUnsignedLong(h.getInt(28));
    long shoff = is64 ? h.getLong(40) : Integer.toUnsignedLong(h.getInt(32));
    int phentsize = Short.toUnsignedInt(h.getShort(is64 ? 54 : 42));
    int phnum = Short.toUnsignedInt(h.getShort(is64 ? 56 : 44));
    int shentsize = Short.toUnsignedInt(h.getShort(is64 ? 58 : 46));
    if (phnum == PN_XNUM) {
      phnum = extendedPhnum(shoff, shentsize);
    }
    List<Segment> segments = readProgramHeaders(phoff, phentsize, phnum);

    Optional<String> interpreter = Optional.empty();
    Segment dynamicSegment = null;
    for (Segment s : segments) {
      if (s.type == PT_INTERP && interpreter.isEmpty()) {
        interpreter = Optional.of(readInterpreter(s));
      } else if (s.type == PT_DYNAMIC && dynamicSegment == null) {
        dynamicSegment = s;
      }
    }
    if (dynamicSegment == null) {
      return new ElfFile(file, elfClass, order, ElfType.of(type), machine, interpreter, List.of(),
          Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
    return readDynamic(dynamicSegment, segments, ElfType.of(type), machine, interpreter);
  }

  private record Segment(int type, long offset, long vaddr, long filesz) {}

  private int extendedPhnum(long shoff, int shentsize) throws IOException {
    int minimum = elfClass == ElfClass.ELF64 ? 64 : 40;
    if (shoff == 0 || shentsize < minimum) {
      throw corrupt("e_phnum is PN_XNUM but there is no section header 0 to hold the count");
    }
    ByteBuffer sh0 = readAt(shoff, minimum, "section header 0");
    long info = Integer.toUnsignedLong(sh0.getInt(elfClass == ElfClass.ELF64 ? 44 : 28));
    if (info > Integer.MAX_VALUE) {
      throw corrupt("program header count " + info + " is impossible");
    }
    return (int) info;
  }

  private List<Segment> readProgramHeaders(long phoff, int phentsize, int phnum) throws IOException {
    if (phnum == 0) {
      return List.of();
    }
    boolean is64 = elfClass == ElfClass.ELF64;
    int minimum = is64 ? 56 : 32;
    if (phentsize < minimum) {
      throw corrupt("program header entry size " + phentsize + " is smaller than " + minimum);
    }
    checkRange(phoff, (long) phentsize * phnum, "program header table");
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < phnum; i++) {
      ByteBuffer p = readAt(phoff + (long) i * phentsize, minimum, "program header " + i);
      if (is64) {
        segments.add(new Segment(p.getInt(0), p.getLong(8), p.getLong(16), p.getLong(32)));
      } else {
        segments.add(new Segment(p.getInt(0), u32(p, 4), u32(p, 8), u32(p, 16)));
      }
    }
    return segments;
  }

  private String readInterpreter(Segment s) throws IOException {
    if (s.filesz <= 0 || s.filesz > MAX_STRING) {
      throw corrupt("PT_INTERP size " + s.filesz + " is not plausible");
    }
    checkRange(s.offset, s.filesz, "PT_INTERP");
    byte[] bytes = readAt(s.offset, (int) s.filesz, "PT_INTERP").array();
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  private ElfFile readDynamic(Segment dyn, List<Segment> segments, ElfType type, int machine,
      Optional<String> interpreter) throws IOException {
    boolean is64 = elfClass == ElfClass.ELF64;
    int entsize = is64 ? 16 : 8;
    checkRange(dyn.offset, dyn.filesz, "PT_DYNAMIC");
    long count = dyn.filesz / entsize;
    List<Long> neededOffsets = new ArrayList<>();
    Long soname = null;
    Long rpath = null;
    Long runpath = null;
    Long strtab = null;
    Long strsz = null;
    int chunkEntries = 256;
    boolean ended = false;
    for (long first = 0; first < count && !ended; first += chunkEntries) {
      int n = (int) Math.min(chunkEntries, count - first);
      ByteBuffer b = readAt(dyn.offset + first * entsize, n * entsize, "dynamic section");
      for (int i = 0; i < n; i++) {
        long tag = is64 ? b.getLong(i * entsize) : b.getInt(i * entsize);
        long val = is64 ? b.getLong(i * entsize + 8) : u32(b, i * entsize + 4);
        if (tag == DT_NULL) {
          ended = true;
          break;
        } else if (tag == DT_NEEDED) {
          neededOffsets.add(val);
        } else if (tag == DT_SONAME) {
          soname = val;
        } else if (tag == DT_RPATH) {
          rpath = val;
        } else if (tag == DT_RUNPATH) {
          runpath = val;
        } else if (tag == DT_STRTAB) {
          strtab = val;
        } else if (tag == DT_STRSZ) {
          strsz = val;
        }
      }
    }
    boolean anyString = !neededOffsets.isEmpty() || soname != null || rpath != null || runpath != null;
    if (!anyString) {
      return new ElfFile(file, elfClass, order, type, machine, interpreter, List.of(),
          Optional.empty(), Optional.empty(), Optional.empty(), true);
    }
    if (strtab == null) {
      throw corrupt("dynamic section has names but no DT_STRTAB");
    }
    StringTable strings = new StringTable(fileOffset(strtab, segments), strsz);
    List<String> needed = new ArrayList<>();
    for (long off : neededOffsets) {
      needed.add(strings.get(off, "DT_NEEDED"));
    }
    return new ElfFile(file, elfClass, order, type, machine, interpreter, needed,
        strings.optional(soname, "DT_SONAME"), strings.optional(rpath, "DT_RPATH"),
        strings.optional(runpath, "DT_RUNPATH"), true);
  }

  /** Maps a virtual address (as in DT_STRTAB) to a file offset through the PT_LOAD segments. */
  private long fileOffset(long vaddr, List<Segment> segments) {
    for (Segment s : segments) {
      if (s.type == PT_LOAD && Long.compareUnsigned(vaddr, s.vaddr) >= 0
          && Long.compareUnsigned(vaddr - s.vaddr, s.filesz) < 0) {
        return s.offset + (vaddr - s.vaddr);
      }
    }
    throw corrupt("DT_STRTAB address 0x" + Long.toHexString(vaddr) + " is in no PT_LOAD segment");
  }

  private final class StringTable {
    private final long offset;
    private final long limit;

    StringTable(long offset, Long strsz) {
      if (offset < 0 || offset >= size) {
        throw corrupt("dynamic string table starts beyond the end of the file");
      }
      long available = size - offset;
      if (strsz != null && (strsz < 0 || strsz > available)) {
        throw corrupt("dynamic string table (DT_STRSZ " + Long.toUnsignedString(strsz)
            + ") extends beyond the end of the file");
      }
      this.offset = offset;
      this.limit = strsz == null ? available : strsz;
    }

    Optional<String> optional(Long at, String what) throws IOException {
      return at == null ? Optional.empty() : Optional.of(get(at, what));
    }

    String get(long at, String what) throws IOException {
      if (at < 0 || at >= limit) {
        throw corrupt(what + " string offset " + Long.toUnsignedString(at)
            + " is outside the dynamic string table");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long pos = offset + at;
      long end = offset + limit;
      while (pos < end) {
        int n = (int) Math.min(256, end - pos);
        byte[] chunk = readAt(pos, n, what).array();
        for (int i = 0; i < n; i++) {
          if (chunk[i] == 0) {
            out.write(chunk, 0, i);
            return out.toString(StandardCharsets.UTF_8);
          }
        }
        out.write(chunk, 0, n);
        if (out.size() > MAX_STRING) {
          break;
        }
        pos += n;
      }
      throw corrupt(what + " string at offset " + at + " is not NUL-terminated");
    }
  }

  private void checkRange(long offset, long length, String what) {
    if (offset < 0 || length < 0 || offset > size || length > size - offset) {
      throw corrupt(what + " (offset " + Long.toUnsignedString(offset) + ", "
          + Long.toUnsignedString(length) + " bytes) extends beyond the end of the file ("
          + size + " bytes)");
    }
  }

  private ByteBuffer readAt(long offset, int length, String what) throws IOException {
    checkRange(offset, length, what);
    ByteBuffer b = ByteBuffer.allocate(length);
    while (b.hasRemaining()) {
      if (channel.read(b, offset + b.position()) < 0) {
        throw corrupt(what + " is truncated");
      }
    }
    return b.order(order == null ? ByteOrder.LITTLE_ENDIAN : order);
  }

  private static long u32(ByteBuffer b, int at) {
    return Integer.toUnsignedLong(b.getInt(at));
  }

  private OsvException corrupt(String what) {
    return new OsvException("corrupt or truncated ELF file " + file + ": " + what,
        "the file may be damaged or partly copied; rebuild or reinstall it");
  }
}
