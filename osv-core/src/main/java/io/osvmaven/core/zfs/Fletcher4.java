package io.osvmaven.core.zfs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The fletcher4 checksum ZFS puts in block pointers: four running sums over little-endian 32-bit words. */
final class Fletcher4 {

  private Fletcher4() {}

  /** Checksums the buffer's remaining bytes (a multiple of 4) without moving its position. */
  static long[] of(ByteBuffer data) {
    ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    long a = 0;
    long s = 0;
    long c = 0;
    long d = 0;
    int end = b.limit();
    for (int i = b.position(); i < end; i += 4) {
      a += b.getInt(i) & 0xffffffffL;
      s += a;
      c += s;
      d += c;
    }
    return new long[] {a, s, c, d};
  }
}
