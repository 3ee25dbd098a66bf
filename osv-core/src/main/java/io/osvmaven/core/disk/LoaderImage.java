package io.osvmaven.core.disk;

import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An OSv x64 {@code loader.img}: the BIOS boot sector, the command line area at byte 512 and the
 * compressed kernel ({@code lzloader.elf}) from byte 0x10000 (osv-formats.md §5.1). Only the first
 * 64 KiB are held in memory; the kernel bytes are streamed from the file when a disk is written.
 */
public final class LoaderImage {

  /** The command line is a C string at byte 512 (imgedit.py {@code args_offset}). */
  public static final int COMMAND_LINE_OFFSET = 0x200;
  /** {@code lzloader.elf} is copied at 128 sectors; everything before it is boot sector and cmdline. */
  public static final int KERNEL_OFFSET = 0x10000;
  /** The BIOS code reads 63 sectors from LBA 1 as the command line, NUL included. */
  public static final int BIOS_COMMAND_LINE_BYTES = 63 * 512;
  /** scripts/build starts the first partition at the loader size rounded up to 2 MiB. */
  public static final long PARTITION_ALIGNMENT = 2L * 1024 * 1024;

  static final int CHUNK_COUNT_OFFSET = 0x10;
  static final int CHUNK_BYTES = 32 * 1024;
  static final int KERNEL_PACKET_OFFSET = 0x12;
  static final int KERNEL_PACKET_LBA_OFFSET = 0x1A;
  static final int DISK_SIGNATURE_OFFSET = 0x1B8;
  private static final byte[] DISK_SIGNATURE = {'V', 'S', 'O', 0, 0, 0};
  private static final byte[] ELF_MAGIC = {0x7F, 'E', 'L', 'F'};
  private static final byte[] QCOW_MAGIC = {'Q', 'F', 'I', (byte) 0xFB};
  private static final byte[] ARM64_MAGIC = {'A', 'R', 'M', 0x64};
  private static final int ARM64_MAGIC_OFFSET = 0x38;
  private static final byte[] LINUX_SETUP_MAGIC = {'H', 'd', 'r', 'S'};
  private static final int LINUX_SETUP_MAGIC_OFFSET = 0x202;
  private static final String HINT =
      "use the loader.img that OSv's build leaves in build/<mode>.x64/ (or build/last/)";

  private final Path file;
  private final long size;
  private final byte[] head;
  private final int chunkCount;
  private final String commandLine;

  private LoaderImage(Path file, long size, byte[] head, int chunkCount, String commandLine) {
    this.file = file;
    this.size = size;
    this.head = head;
    this.chunkCount = chunkCount;
    this.commandLine = commandLine;
  }

  /**
   * Reads and validates {@code file}.
   *
   * @throws OsvException if the file is missing or is not an x64 OSv loader image (the message says
   *     what it looks like instead: qcow2 disk, ELF kernel, aarch64 image, bzImage, ...)
   */
  public static LoaderImage read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new OsvException("loader image " + file + " does not exist or is not a file", HINT);
    }
    long size = Files.size(file);
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(KERNEL_OFFSET + ELF_MAGIC.length + 1);
    }
    checkKind(file, size, head);
    int chunkCount = MbrPartitionEntry.u16(head, CHUNK_COUNT_OFFSET);
    if (chunkCount == 0) {
      throw notLoader(file, "its boot sector loads 0 kernel chunks (u16 at byte 0x10)");
    }
    long kernelBytes = size - KERNEL_OFFSET;
    if ((long) chunkCount * CHUNK_BYTES < kernelBytes) {
      throw notLoader(file, "its boot sector loads " + chunkCount + " chunks of 32 KiB ("
          + (long) chunkCount * CHUNK_BYTES + " bytes) but the file holds " + kernelBytes
          + " bytes after 0x10000; is it an assembled disk (usr.img) rather than loader.img?");
    }
    String commandLine = readCommandLine(file, head);
    return new LoaderImage(file, size, Arrays.copyOf(head, KERNEL_OFFSET), chunkCount, commandLine);
  }

  private static void checkKind(Path file, long size, byte[] head) {
    if (size < MbrPartitionEntry.SECTOR) {
      throw notLoader(file, "it is only " + size + " bytes, shorter than a boot sector");
    }
    if (startsWith(head, 0, QCOW_MAGIC)) {
      throw notLoader(file, "it is a qcow2 image (a disk such as usr.img?)");
    }
    if (startsWith(head, 0, ELF_MAGIC)) {
      throw notLoader(file, "it is an ELF file (loader.elf or loader-stripped.elf?); those boot "
          + "directly through a VMM, a BIOS-bootable disk needs loader.img");
    }
    if (startsWith(head, ARM64_MAGIC_OFFSET, ARM64_MAGIC)) {
      throw new OsvException(file + " is an aarch64 loader.img; it is booted with -kernel and is "
          + "not part of the disk", "build a kernel-less disk (DiskSpec.kernelless()) for aarch64");
    }
    if ((head[MbrPartitionTable.SIGNATURE_OFFSET] & 0xFF) != 0x55
        || (head[MbrPartitionTable.SIGNATURE_OFFSET + 1] & 0xFF) != 0xAA) {
      throw notLoader(file, "bytes 510-511 are not the boot signature 55 AA");
    }
    if (!startsWith(head, DISK_SIGNATURE_OFFSET, DISK_SIGNATURE)) {
      if (startsWith(head, LINUX_SETUP_MAGIC_OFFSET, LINUX_SETUP_MAGIC)) {
        throw notLoader(file, "it is a Linux boot protocol image (vmlinuz.bin?)");
      }
      throw notLoader(file, "its boot sector lacks OSv's signature 'VSO' at byte 0x1B8");
    }
    if ((head[KERNEL_PACKET_OFFSET] & 0xFF) != 0x10
        || MbrPartitionEntry.u32(head, KERNEL_PACKET_LBA_OFFSET) != KERNEL_OFFSET / 512
        || MbrPartitionEntry.u32(head, KERNEL_PACKET_LBA_OFFSET + 4) != 0) {
      throw notLoader(file, "its boot sector does not read the kernel from sector 128 (byte 0x10000)");
    }
    if (size <= KERNEL_OFFSET) {
      throw notLoader(file, "it is " + size + " bytes and holds no kernel after byte 0x10000");
    }
    if (!startsWith(head, KERNEL_OFFSET, ELF_MAGIC) || head[KERNEL_OFFSET + 4] != 1) {
      throw notLoader(file, "there is no 32-bit ELF (lzloader.elf) at byte 0x10000");
    }
  }

  private static String readCommandLine(Path file, byte[] head) {
    int end = COMMAND_LINE_OFFSET;
    while (end < KERNEL_OFFSET && head[end] != 0) {
      end++;
    }
    if (end == KERNEL_OFFSET) {
      throw notLoader(file, "its command line at byte 512 has no terminating NUL before 0x10000");
    }
    return new String(head, COMMAND_LINE_OFFSET, end - COMMAND_LINE_OFFSET, StandardCharsets.UTF_8);
  }

  private static OsvException notLoader(Path file, String why) {
    return new OsvException(file + " is not an OSv x64 loader image: " + why, HINT);
  }

  static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    if (bytes.length < offset + prefix.length) {
      return false;
    }
    return Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  public Path file() {
    return file;
  }

  /** File size in bytes. */
  public long size() {
    return size;
  }

  /** {@code kernel_end} of scripts/build: the size rounded up to 2 MiB, where partition 2 starts. */
  public long kernelEnd() {
    return (size + PARTITION_ALIGNMENT - 1) / PARTITION_ALIGNMENT * PARTITION_ALIGNMENT;
  }

  /** How many 32 KiB chunks the boot sector reads (u16 at 0x10, set by imgedit setsize). */
  public int chunkCount() {
    return chunkCount;
  }

  /** The command line currently stored at byte 512 (empty for a fresh x64 build). */
  public String commandLine() {
    return commandLine;
  }

  /** The partition table in the loader's boot sector (all slots are zero in a fresh build). */
  public MbrPartitionTable partitionTable() {
    return MbrPartitionTable.parse(head, file.toString());
  }

  /** A copy of bytes [0, 0x10000): boot sector and command line area. */
  byte[] bootArea() {
    return head.clone();
  }
}
