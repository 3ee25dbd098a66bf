package io.osvmaven.core.image;

import io.osvmaven.core.OsvException;
import java.util.Locale;

/**
 * The root filesystems the image builder writes: ROFS (read-only, any OSv kernel) and ZFS (a writable
 * pool {@code osv}, for kernels built with {@code fs=zfs}).
 */
public enum Filesystem {
  ROFS("rofs"),
  ZFS("zfs");

  private final String osvName;

  Filesystem(String osvName) {
    this.osvName = osvName;
  }

  /** The name OSv uses in {@code fs=} and {@code --rootfs=}. */
  public String osvName() {
    return osvName;
  }

  public static Filesystem of(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (Filesystem f : values()) {
      if (f.osvName.equals(n)) {
        return f;
      }
    }
    throw new OsvException("unknown filesystem '" + name + "'", "supported: rofs, zfs");
  }
}
