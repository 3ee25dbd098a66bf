package io.osvmaven.core.disk;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.qcow2.FileImageSource;
import io.osvmaven.core.qcow2.ImageSource;
import io.osvmaven.core.qcow2.Qcow2Reader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a disk image for reading whatever its container: qcow2 by its magic, raw otherwise. */
public final class DiskImages {

  private DiskImages() {}

  /** The guest-visible bytes of {@code disk}; close the result when done. */
  public static ImageSource open(Path disk) throws IOException {
    if (!Files.isRegularFile(disk)) {
      throw new OsvException("disk image " + disk + " does not exist or is not a file");
    }
    return Qcow2Reader.isQcow2(disk) ? Qcow2Reader.open(disk) : FileImageSource.open(disk);
  }

  /**
   * The bytes of the partition in MBR slot {@code slot} of {@code disk} (raw or qcow2), e.g. slot 2
   * for the root filesystem OSv mounts from {@code /dev/vblk0.1}. Close the result when done.
   *
   * @throws OsvException if the disk has no partition table, or OSv would not see that slot
   */
  public static ImageSource openPartition(Path disk, int slot) throws IOException {
    ImageSource source = open(disk);
    try {
      MbrPartitionEntry entry = MbrPartitionTable.read(source).osvPartition(slot)
          .orElseThrow(() -> new OsvException(disk + " has no partition in MBR slot " + slot));
      if (entry.offset() + entry.size() > source.size()) {
        throw new OsvException("partition " + slot + " of " + disk + " (offset " + entry.offset()
            + ", " + entry.size() + " bytes) runs past the end of the disk (" + source.size()
            + " bytes)");
      }
      return source.slice(entry.offset(), entry.size());
    } catch (IOException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  /**
   * Copies the partition in MBR slot {@code slot} of {@code disk} (raw or qcow2) to {@code out}, leaving
   * all-zero 64 KiB chunks as holes, so tools that want the filesystem alone (zdb, grub-fstest) can read it.
   */
  public static void extractPartition(Path disk, int slot, Path out) throws IOException {
    try (ImageSource part = openPartition(disk, slot);
        RandomAccessFile file = new RandomAccessFile(out.toFile(), "rw")) {
      file.setLength(0);
      byte[] buf = new byte[64 * 1024];
      long size = part.size();
      for (long pos = 0; pos < size; pos += buf.length) {
        int n = (int) Math.min(buf.length, size - pos);
        part.read(pos, buf, 0, n);
        if (!allZero(buf, n)) {
          file.seek(pos);
          file.write(buf, 0, n);
        }
      }
      file.setLength(size);
    }
  }

  private static boolean allZero(byte[] buf, int n) {
    for (int i = 0; i < n; i++) {
      if (buf[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** True if {@code file} starts with an MBR whose slot 2 OSv would mount (a disk, not a bare filesystem). */
  public static boolean isOsvDisk(Path file) throws IOException {
    byte[] sector = new byte[MbrPartitionEntry.SECTOR];
    try (java.io.InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(sector, 0, sector.length) < sector.length) {
        return false;
      }
    }
    return (sector[510] & 0xff) == 0x55 && (sector[511] & 0xff) == 0xAA
        && MbrPartitionTable.parse(sector, file.toString()).osvPartition(2).isPresent();
  }
}
