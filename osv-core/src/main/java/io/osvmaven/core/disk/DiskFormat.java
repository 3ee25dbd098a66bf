package io.osvmaven.core.disk;

/** The container of an assembled disk. */
public enum DiskFormat {
  /** Plain bytes (sparse where zero); what Firecracker needs. */
  RAW,
  /** qcow2 version 3, what OSv's scripts/build produces as usr.img. */
  QCOW2
}
