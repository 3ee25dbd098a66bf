package io.osvmaven.core.zfs;

/**
 * The ZAP name hash: CRC-64 (ECMA polynomial, reflected) seeded with the ZAP's salt, of which only the top
 * 28 bits are kept; the low bits are left for the collision differentiator.
 */
final class ZapHash {

  private static final long POLY = 0xC96C5795D7870F42L;
  private static final int HASH_BITS = 28;
  private static final long[] TABLE = new long[256];

  static {
    for (int i = 0; i < 256; i++) {
      long ct = i;
      for (int j = 0; j < 8; j++) {
        ct = (ct >>> 1) ^ (-(ct & 1) & POLY);
      }
      TABLE[i] = ct;
    }
  }

  private ZapHash() {}

  /** Hash of a name given as its bytes without the terminating NUL. */
  static long of(long salt, byte[] name) {
    long h = salt;
    for (byte b : name) {
      h = (h >>> 8) ^ TABLE[(int) ((h ^ b) & 0xff)];
    }
    return h & ~((1L << (64 - HASH_BITS)) - 1);
  }
}
