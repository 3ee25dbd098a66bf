package io.osvmaven.core.disk;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.qcow2.ImageSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The four primary partition slots of a raw disk's sector 0, read the way OSv reads them at boot:
 * only when bytes 510-511 are {@code 55 AA}.
 *
 * @param entries the four slots in order (slot 1 first), empty ones included
 */
public record MbrPartitionTable(List<MbrPartitionEntry> entries) {

  public static final int SIGNATURE_OFFSET = 0x1FE;

  public MbrPartitionTable {
    entries = List.copyOf(entries);
  }

  /** Reads sector 0 of the disk image {@code disk}, raw or qcow2. */
  public static MbrPartitionTable read(Path disk) throws IOException {
    try (ImageSource source = DiskImages.open(disk)) {
      return read(source);
    }
  }

  /** Reads sector 0 of an open disk image. */
  public static MbrPartitionTable read(ImageSource disk) throws IOException {
    if (disk.size() < MbrPartitionEntry.SECTOR) {
      throw new OsvException(disk.name() + " is not a partitioned disk image: it is only "
          + disk.size() + " bytes, shorter than one 512-byte sector");
    }
    byte[] sector = new byte[MbrPartitionEntry.SECTOR];
    disk.read(0, sector, 0, sector.length);
    return parse(sector, disk.name());
  }

  /**
   * Decodes a 512-byte sector 0.
   *
   * @param name what the sector came from, for the error message
   */
  public static MbrPartitionTable parse(byte[] sector0, String name) {
    if (sector0.length < MbrPartitionEntry.SECTOR) {
      throw new IllegalArgumentException("sector 0 must be 512 bytes");
    }
    if ((sector0[SIGNATURE_OFFSET] & 0xFF) != 0x55 || (sector0[SIGNATURE_OFFSET + 1] & 0xFF) != 0xAA) {
      throw new OsvException(name + " has no MBR partition table: bytes 510-511 are not 55 AA",
          "give a disk assembled for OSv (usr.img or disk.img), raw or qcow2");
    }
    List<MbrPartitionEntry> entries = new ArrayList<>();
    for (int slot = 1; slot <= 4; slot++) {
      entries.add(MbrPartitionEntry.parse(sector0, slot));
    }
    return new MbrPartitionTable(entries);
  }

  /** Slot {@code slot} (1..4), whatever it holds. */
  public MbrPartitionEntry slot(int slot) {
    MbrPartitionEntry.slotOffset(slot);
    return entries.get(slot - 1);
  }

  /** Slot {@code slot} if OSv would create a device for it. */
  public Optional<MbrPartitionEntry> osvPartition(int slot) {
    MbrPartitionEntry e = slot(slot);
    return e.isSeenByOsv() ? Optional.of(e) : Optional.empty();
  }

  /** The slots OSv creates devices for, in slot order. */
  public List<MbrPartitionEntry> osvPartitions() {
    return entries.stream().filter(MbrPartitionEntry::isSeenByOsv).toList();
  }
}
