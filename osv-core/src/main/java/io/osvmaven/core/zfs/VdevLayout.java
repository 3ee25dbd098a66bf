package io.osvmaven.core.zfs;

/**
 * Geometry of the single disk vdev: where the four labels go, the allocatable size ({@code asize}) and
 * its division into metaslabs, computed as ZFS does from the device size.
 */
record VdevLayout(long deviceSize, long asize, int metaslabShift, int metaslabCount) {

  static final long LABEL_SIZE = 256 << 10;
  static final long END_LABELS = 2 * LABEL_SIZE;
  /** ZFS refuses devices smaller than SPA_MINDEVSIZE. */
  static final long MIN_DEVICE = 64L << 20;
  private static final int MAX_METASLABS = 200;
  private static final int MIN_METASLAB_SHIFT = 17;

  static VdevLayout forDevice(long deviceSize) {
    if (deviceSize < MIN_DEVICE) {
      throw new IllegalArgumentException("device smaller than 64 MiB");
    }
    long aligned = alignedSize(deviceSize);
    long asize = aligned - PoolImage.ALLOC_START - END_LABELS;
    int shift = MIN_METASLAB_SHIFT;
    while ((asize >> shift) > MAX_METASLABS) {
      shift++;
    }
    return new VdevLayout(deviceSize, asize, shift, (int) (asize >> shift));
  }

  private static long alignedSize(long deviceSize) {
    return deviceSize & ~(LABEL_SIZE - 1);
  }

  long metaslabSize() {
    return 1L << metaslabShift;
  }

  /** Bytes of the allocatable area that fall into whole metaslabs. */
  long usable() {
    return (long) metaslabCount << metaslabShift;
  }

  /** Absolute offset of label {@code index} (0..3). */
  long labelOffset(int index) {
    return index < 2 ? index * LABEL_SIZE : alignedSize(deviceSize) - (4 - index) * LABEL_SIZE;
  }
}
