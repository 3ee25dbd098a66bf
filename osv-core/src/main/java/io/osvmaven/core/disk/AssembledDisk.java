package io.osvmaven.core.disk;

import io.osvmaven.core.qcow2.ImageSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an OSv disk holds, read back from a raw or qcow2 image: its size, its MBR partitions and,
 * for a disk that starts with an x64 loader, the command line at byte 512 (what
 * {@code imgedit.py getargs} prints). For {@code inspect} and for readers that open a filesystem
 * inside a full disk image.
 *
 * @param file the disk image
 * @param diskSize the guest-visible size
 * @param partitionTable the four MBR slots
 * @param commandLine the command line, if the disk carries an OSv x64 boot sector
 */
public record AssembledDisk(Path file, long diskSize, MbrPartitionTable partitionTable,
    Optional<String> commandLine) {

  private static final byte[] OSV_BOOT_SIGNATURE = {'V', 'S', 'O', 0};

  public static AssembledDisk read(Path disk) throws IOException {
    try (ImageSource source = DiskImages.open(disk)) {
      MbrPartitionTable table = MbrPartitionTable.read(source);
      return new AssembledDisk(disk, source.size(), table, commandLine(source));
    }
  }

  /**
   * The command line of a disk whose sector 0 is OSv's x64 boot sector (signature "VSO" at 0x1B8);
   * empty for kernel-less disks, where byte 512 already belongs to the first partition.
   */
  public static Optional<String> commandLine(ImageSource disk) throws IOException {
    byte[] sector = new byte[MbrPartitionEntry.SECTOR];
    disk.read(0, sector, 0, sector.length);
    if (!LoaderImage.startsWith(sector, LoaderImage.DISK_SIGNATURE_OFFSET, OSV_BOOT_SIGNATURE)) {
      return Optional.empty();
    }
    int area = (int) Math.min(LoaderImage.BIOS_COMMAND_LINE_BYTES,
        Math.max(0, disk.size() - LoaderImage.COMMAND_LINE_OFFSET));
    byte[] bytes = new byte[area];
    disk.read(LoaderImage.COMMAND_LINE_OFFSET, bytes, 0, area);
    int end = 0;
    while (end < area && bytes[end] != 0) {
      end++;
    }
    return Optional.of(new String(Arrays.copyOf(bytes, end), StandardCharsets.UTF_8));
  }

  /** The partition in MBR slot {@code slot} if OSv would see it, e.g. 2 for {@code vblk0.1}. */
  public Optional<MbrPartitionEntry> partition(int slot) {
    return partitionTable.osvPartition(slot);
  }
}
