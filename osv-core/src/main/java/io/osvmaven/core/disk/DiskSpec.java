package io.osvmaven.core.disk;

import io.osvmaven.core.OsvException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to put on a disk: the boot area (an x64 {@code loader.img}, or none for the kernel-less
 * {@code disk.img} form whose sector 0 is just an empty MBR), the partitions in order, the minimum
 * disk size ({@code fs_size} of scripts/build; the disk grows if the partitions need more) and the
 * command line written at byte 512 (loader disks only). Immutable; the {@code with*} methods return
 * a modified copy.
 */
public record DiskSpec(Optional<LoaderImage> loader, List<PartitionSpec> partitions,
    long minimumSize, Optional<OsvCommandLine> commandLine) {

  /** The kernel-less disk starts its first partition right after sector 0. */
  public static final long KERNELLESS_PARTITION_OFFSET = 512;

  public DiskSpec {
    Objects.requireNonNull(loader);
    Objects.requireNonNull(commandLine);
    partitions = List.copyOf(partitions);
    for (int i = 0; i < partitions.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (partitions.get(i).slot() == partitions.get(j).slot()) {
          throw new OsvException("MBR slot " + partitions.get(i).slot() + " is used by two "
              + "partitions (" + partitions.get(j) + " and " + partitions.get(i) + ")");
        }
      }
    }
    if (minimumSize < 0 || minimumSize % MbrPartitionEntry.SECTOR != 0) {
      throw new OsvException("disk size " + minimumSize + " is not a whole number of 512-byte "
          + "sectors", "use a multiple of 512 (scripts/build rounds fs_size down to one)");
    }
    if (loader.isEmpty() && commandLine.isPresent()) {
      throw new OsvException("a kernel-less disk has no command line area (its partition starts "
          + "at byte 512)", "give the command line to the VMM (QEMU -append, Firecracker boot_args)");
    }
  }

  /** A BIOS-bootable disk: loader.img, then partitions from {@code loader.kernelEnd()}. */
  public static DiskSpec withLoader(LoaderImage loader) {
    return new DiskSpec(Optional.of(loader), List.of(), 0, Optional.empty());
  }

  /**
   * scripts/build's {@code --create-disk} form (used for aarch64 and direct-boot VMMs): OSv's
   * {@code disk.bin} sector 0 (zeros and {@code 55 AA}), partitions from byte 512, no command line.
   */
  public static DiskSpec kernelless() {
    return new DiskSpec(Optional.empty(), List.of(), 0, Optional.empty());
  }

  public DiskSpec withPartition(PartitionSpec partition) {
    List<PartitionSpec> all = new ArrayList<>(partitions);
    all.add(partition);
    return new DiskSpec(loader, all, minimumSize, commandLine);
  }

  /** The disk is at least {@code bytes} long (a multiple of 512). */
  public DiskSpec withMinimumSize(long bytes) {
    return new DiskSpec(loader, partitions, bytes, commandLine);
  }

  /** Writes {@code cmdline} at byte 512, as {@code imgedit.py setargs} does. */
  public DiskSpec withCommandLine(OsvCommandLine cmdline) {
    return new DiskSpec(loader, partitions, minimumSize, Optional.of(cmdline));
  }

  /** Where the first partition starts: the loader's kernel_end, or 512 without a loader. */
  public long partitionOffset() {
    return loader.map(LoaderImage::kernelEnd).orElse(KERNELLESS_PARTITION_OFFSET);
  }
}
