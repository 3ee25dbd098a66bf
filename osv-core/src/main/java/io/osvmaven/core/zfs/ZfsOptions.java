package io.osvmaven.core.zfs;

import io.osvmaven.core.OsvException;

/**
 * Settings of a ZFS pool image.
 *
 * @param poolName pool name; OSv mounts only a pool named {@code osv}
 * @param poolSize bytes of the device (the OSv partition), or 0 to size the pool from the tree with
 *     headroom; at least 64 MiB, the smallest device ZFS accepts
 * @param timestampSeconds creation time recorded in the uberblock, the DSL and the znodes' ctime
 * @param spaVersion pool version (only 23 is supported: it is what zfs-fuse and OSv both read)
 * @param zplVersion filesystem version (only 4 is supported)
 * @param vdevPath device path recorded in the labels; OSv's ZFS opens {@code /dev/vblk0.1}
 */
public record ZfsOptions(String poolName, long poolSize, long timestampSeconds, int spaVersion,
    int zplVersion, String vdevPath) {

  public static final String DEFAULT_POOL = "osv";
  public static final String DEFAULT_VDEV_PATH = "/dev/vblk0.1";
  public static final int SPA_VERSION = 23;
  public static final int ZPL_VERSION = 4;

  public ZfsOptions {
    if (poolName == null || !poolName.matches("[A-Za-z][A-Za-z0-9_.:-]{0,254}")) {
      throw new OsvException("invalid ZFS pool name '" + poolName + "'",
          "a pool name starts with a letter and has letters, digits, '_', '-', '.' and ':'");
    }
    if (poolSize != 0 && poolSize < VdevLayout.MIN_DEVICE) {
      throw new OsvException("ZFS pool size " + poolSize + " is below the 64 MiB ZFS requires",
          "set the pool size to at least " + VdevLayout.MIN_DEVICE + " bytes, or 0 to compute it");
    }
    if (spaVersion != SPA_VERSION || zplVersion != ZPL_VERSION) {
      throw new OsvException("ZFS pool version " + spaVersion + " / ZPL version " + zplVersion
          + " is not supported", "use pool version " + SPA_VERSION + " with ZPL version " + ZPL_VERSION);
    }
    if (vdevPath == null || !vdevPath.startsWith("/")) {
      throw new OsvException("ZFS vdev path '" + vdevPath + "' must be absolute", null);
    }
    if (timestampSeconds < 0) {
      throw new OsvException("ZFS image timestamp must not be negative: " + timestampSeconds, null);
    }
  }

  /** Pool {@code osv} v23/ZPL4 on {@code /dev/vblk0.1}, sized from the tree. */
  public static ZfsOptions defaults(long timestampSeconds) {
    return new ZfsOptions(DEFAULT_POOL, 0, timestampSeconds, SPA_VERSION, ZPL_VERSION, DEFAULT_VDEV_PATH);
  }

  public ZfsOptions withPoolSize(long bytes) {
    return new ZfsOptions(poolName, bytes, timestampSeconds, spaVersion, zplVersion, vdevPath);
  }

  public ZfsOptions withPoolName(String name) {
    return new ZfsOptions(name, poolSize, timestampSeconds, spaVersion, zplVersion, vdevPath);
  }
}
