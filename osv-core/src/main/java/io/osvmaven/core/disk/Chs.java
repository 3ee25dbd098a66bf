package io.osvmaven.core.disk;

/**
 * A cylinder/head/sector address as OSv's {@code imgedit.py} computes it for MBR entries: 63 sectors
 * per track, 255 heads, sectors counted from 1, and every address past cylinder 1023 clamped to
 * (1023, 254, 63).
 */
public record Chs(int cylinder, int head, int sector) {

  static final int SECTORS_PER_TRACK = 63;
  static final int HEADS = 255;
  static final int MAX_CYLINDER = 1023;

  public static Chs ofLba(long lba) {
    if (lba < 0) {
      throw new IllegalArgumentException("negative LBA " + lba);
    }
    long track = lba / SECTORS_PER_TRACK;
    long cylinder = track / HEADS;
    if (cylinder > MAX_CYLINDER) {
      return new Chs(MAX_CYLINDER, HEADS - 1, SECTORS_PER_TRACK);
    }
    return new Chs((int) cylinder, (int) (track % HEADS), (int) (lba % SECTORS_PER_TRACK) + 1);
  }

  /**
   * The 16-bit word imgedit stores after the head byte: {@code (cylinder << 6) | sector}. This is
   * OSv's own packing (its partition reader decodes the same bit-field), not the classic MBR layout
   * that keeps the cylinder's high bits in the sector byte.
   */
  public int packed() {
    return (cylinder << 6) | sector;
  }
}
