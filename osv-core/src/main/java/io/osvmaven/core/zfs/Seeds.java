package io.osvmaven.core.zfs;

/**
 * Deterministic stand-ins for the random numbers ZFS draws (GUIDs, ZAP salts): a SplitMix64 stream keyed
 * by a seed the caller derives from the pool's inputs, so equal inputs give equal images.
 */
final class Seeds {

  private Seeds() {}

  /** A non-zero 64-bit value for {@code (seed, purpose, index)}. */
  static long derive(long seed, long purpose, long index) {
    long z = seed + purpose * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return z == 0 ? 1 : z;
  }
}
