package io.osvmaven.core.disk;

import io.osvmaven.core.OsvException;

/**
 * One 16-byte slot of a master boot record partition table, as OSv writes and reads it.
 *
 * @param slot 1 to 4, as numbered by {@code imgedit.py setpartition}; OSv names slot k's device
 *     {@code vblk0.(k-1)}
 * @param bootFlag byte 0 (OSv never sets it)
 * @param startHead byte 1
 * @param startCylinderSector bytes 2-3, little-endian, {@code (cylinder << 6) | sector}
 * @param systemId byte 4 (OSv writes 0x83)
 * @param endHead byte 5, of the sector just past the partition (imgedit's convention)
 * @param endCylinderSector bytes 6-7
 * @param startLba bytes 8-11, little-endian u32
 * @param sectorCount bytes 12-15, little-endian u32
 */
public record MbrPartitionEntry(int slot, int bootFlag, int startHead, int startCylinderSector,
    int systemId, int endHead, int endCylinderSector, long startLba, long sectorCount) {

  public static final int SECTOR = 512;
  public static final int TABLE_OFFSET = 0x1BE;
  public static final int ENTRY_SIZE = 16;
  public static final int LINUX_SYSTEM_ID = 0x83;
  public static final long MAX_U32 = 0xFFFF_FFFFL;

  public MbrPartitionEntry {
    checkSlot(slot);
  }

  /** Byte offset of slot {@code slot} (1..4) within sector 0. */
  public static int slotOffset(int slot) {
    checkSlot(slot);
    return TABLE_OFFSET + ENTRY_SIZE * (slot - 1);
  }

  private static void checkSlot(int slot) {
    if (slot < 1 || slot > 4) {
      throw new IllegalArgumentException("MBR slot must be 1 to 4, got " + slot);
    }
  }

  /**
   * The entry {@code imgedit.py setpartition <img> <slot> <start> <size>} writes, for byte offsets
   * that are whole sectors. The boot flag is 0, as in OSv's boot sectors (imgedit leaves it alone).
   *
   * @throws OsvException if the partition does not fit the 32-bit sector fields of an MBR entry
   */
  public static MbrPartitionEntry forOsv(int slot, long startBytes, long sizeBytes) {
    if (startBytes % SECTOR != 0 || sizeBytes % SECTOR != 0 || startBytes < 0 || sizeBytes < 0) {
      throw new IllegalArgumentException("partition start " + startBytes + " and size " + sizeBytes
          + " must be non-negative multiples of " + SECTOR);
    }
    long startLba = startBytes / SECTOR;
    long sectors = sizeBytes / SECTOR;
    if (startLba > MAX_U32 || sectors > MAX_U32) {
      throw new OsvException("partition " + slot + " (start " + startBytes + ", size " + sizeBytes
          + " bytes) does not fit an MBR entry: start and length are limited to " + MAX_U32
          + " sectors of 512 bytes (2 TiB)", "use a smaller filesystem image or disk size");
    }
    Chs start = Chs.ofLba(startLba);
    Chs end = Chs.ofLba(startLba + sectors);
    return new MbrPartitionEntry(slot, 0, start.head(), start.packed(), LINUX_SYSTEM_ID, end.head(),
        end.packed(), startLba, sectors);
  }

  /** Decodes slot {@code slot} of a 512-byte sector 0. */
  public static MbrPartitionEntry parse(byte[] sector0, int slot) {
    int p = slotOffset(slot);
    return new MbrPartitionEntry(slot, u8(sector0, p), u8(sector0, p + 1), u16(sector0, p + 2),
        u8(sector0, p + 4), u8(sector0, p + 5), u16(sector0, p + 6), u32(sector0, p + 8),
        u32(sector0, p + 12));
  }

  /**
   * Writes the fields imgedit writes (bytes 1 to 15 of the slot) into sector 0; the boot flag byte is
   * left as it was, as imgedit does.
   */
  public void writeTo(byte[] sector0) {
    int p = slotOffset(slot);
    sector0[p + 1] = (byte) startHead;
    putU16(sector0, p + 2, startCylinderSector);
    sector0[p + 4] = (byte) systemId;
    sector0[p + 5] = (byte) endHead;
    putU16(sector0, p + 6, endCylinderSector);
    putU32(sector0, p + 8, startLba);
    putU32(sector0, p + 12, sectorCount);
  }

  /** Byte offset of the partition on the disk. */
  public long offset() {
    return startLba * SECTOR;
  }

  /** Partition length in bytes. */
  public long size() {
    return sectorCount * SECTOR;
  }

  /** True if every byte of the slot is zero. */
  public boolean isEmpty() {
    return bootFlag == 0 && startHead == 0 && startCylinderSector == 0 && systemId == 0
        && endHead == 0 && endCylinderSector == 0 && startLba == 0 && sectorCount == 0;
  }

  /**
   * Whether OSv creates a device for this slot: it skips slots whose system id is 0 or whose 6-bit
   * start-sector field is 0 ({@code fs/devfs/device.cc}).
   */
  public boolean isSeenByOsv() {
    return systemId != 0 && (startCylinderSector & 0x3F) != 0;
  }

  /** The device name OSv gives this partition on its first disk, e.g. {@code vblk0.1}. */
  public String osvDeviceName() {
    return "vblk0." + (slot - 1);
  }

  static int u8(byte[] b, int p) {
    return b[p] & 0xFF;
  }

  static int u16(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  static long u32(byte[] b, int p) {
    return (u16(b, p) | (long) u16(b, p + 2) << 16) & MAX_U32;
  }

  static void putU16(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
  }

  static void putU32(byte[] b, int p, long v) {
    putU16(b, p, (int) v);
    putU16(b, p + 2, (int) (v >>> 16));
  }
}
