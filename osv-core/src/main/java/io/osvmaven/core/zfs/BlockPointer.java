package io.osvmaven.core.zfs;

import java.nio.ByteBuffer;

/**
 * A single-copy, uncompressed, fletcher4-checksummed block pointer on vdev 0 ({@code blkptr_t}, 128
 * bytes). Offsets are relative to the allocatable area that starts 4 MiB into the vdev.
 */
record BlockPointer(long offset, int size, int type, int level, long birth, long fill, long[] checksum) {

  static final int BYTES = 128;
  private static final long COMPRESS_OFF = 2;
  private static final long CHECKSUM_FLETCHER4 = 7;

  static final BlockPointer HOLE = new BlockPointer(0, 0, 0, 0, 0, 0, new long[4]);

  boolean isHole() {
    return size == 0;
  }

  /** Writes the 128 bytes at the buffer's absolute index {@code at} (little-endian buffer). */
  void writeTo(ByteBuffer buf, int at) {
    for (int i = 0; i < BYTES; i += 8) {
      buf.putLong(at + i, 0);
    }
    if (isHole()) {
      return;
    }
    long sectors = size >> 9;
    buf.putLong(at, sectors);
    buf.putLong(at + 8, offset >>> 9);
    long prop = (sectors - 1) | ((sectors - 1) << 16) | (COMPRESS_OFF << 32) | (CHECKSUM_FLETCHER4 << 40)
        | ((long) type << 48) | ((long) level << 56) | (1L << 63);
    buf.putLong(at + 48, prop);
    buf.putLong(at + 80, birth);
    buf.putLong(at + 88, fill);
    for (int i = 0; i < 4; i++) {
      buf.putLong(at + 96 + 8 * i, checksum[i]);
    }
  }
}
