package io.osvmaven.core.disk;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link DiskAssembler} wrote.
 *
 * @param output the disk file
 * @param format its container
 * @param diskSize the size of the disk as a guest sees it
 * @param fileSize the length of the file (smaller than diskSize for qcow2 with zero clusters)
 * @param partitionOffset where the first partition starts (kernel_end, or 512 without a loader)
 * @param partitions the MBR entries written, in the order of the spec
 * @param commandLine the command line written at byte 512, if any
 * @param sha256 the SHA-256 of the file, hex, when it was asked for
 */
public record DiskResult(Path output, DiskFormat format, long diskSize, long fileSize,
    long partitionOffset, List<MbrPartitionEntry> partitions, Optional<String> commandLine, Optional<String> sha256) {

  public DiskResult {
    partitions = List.copyOf(partitions);
  }
}
