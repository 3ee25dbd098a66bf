package io.osvmaven.core.disk;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One partition of a disk to assemble: which MBR slot describes it, which filesystem image (if any)
 * fills its start, and how long it is. Partitions are placed one after the other in the order they
 * are added to the {@link DiskSpec}, the first at the disk's partition offset, as scripts/build does.
 *
 * <p>How OSv's fs types map (osv-formats.md §5.6): {@code rofs} and {@code ext} ⇒
 * {@code ofImage(2, img)}; {@code zfs} ⇒ {@code imageToEndOfDisk(2, pool)} or
 * {@code ofImage(2, pool)} with a pool sized to the partition; {@code ramfs}/{@code virtiofs} ⇒
 * {@code empty(2, 0)}; {@code rofs_with_zfs}/{@code rofs_with_ext} ⇒ {@code ofImage(2, rofs)} then
 * slot 3 ({@code imageToEndOfDisk(3, data)} or {@code toEndOfDisk(3)}).
 */
public final class PartitionSpec {

  private final int slot;
  private final Path image;
  private final long size;
  private final boolean toEndOfDisk;

  private PartitionSpec(int slot, Path image, long size, boolean toEndOfDisk) {
    MbrPartitionEntry.slotOffset(slot);
    if (size < -1) {
      throw new IllegalArgumentException("negative partition size " + size);
    }
    this.slot = slot;
    this.image = image;
    this.size = size;
    this.toEndOfDisk = toEndOfDisk;
  }

  /** A partition exactly as long as {@code image} (which must be whole 512-byte sectors). */
  public static PartitionSpec ofImage(int slot, Path image) {
    return new PartitionSpec(slot, Objects.requireNonNull(image), -1, false);
  }

  /** A partition of {@code size} bytes starting with {@code image}; the rest reads as zeros. */
  public static PartitionSpec ofImage(int slot, Path image, long size) {
    return new PartitionSpec(slot, Objects.requireNonNull(image), size, false);
  }

  /** A partition of {@code size} zero bytes (size 0 is what OSv writes for ramfs and virtiofs). */
  public static PartitionSpec empty(int slot, long size) {
    return new PartitionSpec(slot, null, size, false);
  }

  /** A zero-filled partition that runs to the end of the disk (must be the last one). */
  public static PartitionSpec toEndOfDisk(int slot) {
    return new PartitionSpec(slot, null, -1, true);
  }

  /** A partition starting with {@code image} that runs to the end of the disk (must be last). */
  public static PartitionSpec imageToEndOfDisk(int slot, Path image) {
    return new PartitionSpec(slot, Objects.requireNonNull(image), -1, true);
  }

  /** MBR slot, 1 to 4. */
  public int slot() {
    return slot;
  }

  /** The filesystem image written at the partition start, if any. */
  public Optional<Path> image() {
    return Optional.ofNullable(image);
  }

  /** The requested size, if fixed (absent: the image's size, or up to the end of the disk). */
  public OptionalLong size() {
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /** Whether the partition extends to the end of the disk. */
  public boolean toEndOfDisk() {
    return toEndOfDisk;
  }

  @Override
  public String toString() {
    return "slot " + slot + (image == null ? "" : " " + image)
        + (toEndOfDisk ? " to end of disk" : size < 0 ? "" : " size " + size);
  }
}
