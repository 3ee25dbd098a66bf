package io.osvmaven.core.image;

import io.osvmaven.core.disk.DiskFormat;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an image build needs.
 *
 * @param contents the image's files, in precedence order (later wins)
 * @param filesystem the root filesystem to write
 * @param kernel an OSv x64 {@code loader.img}; without one the disk is kernel-less (filesystem at
 *     byte 512, for direct kernel boot)
 * @param cmdline the application command line; {@code --rootfs=<fs>} is put in front of it
 * @param disks the disk image to write per format (at least one)
 * @param descriptor where the JSON descriptor of the build goes
 * @param imageName base name of the intermediate files (filesystem image, fingerprint)
 * @param workDirectory where intermediate files go ({@code target/osv})
 * @param mtimeSeconds the time every file in the image gets
 * @param diskSize minimum virtual disk size in bytes (0: just large enough)
 * @param filesystemSize size of the filesystem (the ZFS pool) in bytes; 0: computed with headroom
 * @param extraFingerprint configuration that should invalidate the up-to-date check when it changes
 *     (plugin version, drivers selection, ...)
 * @param digest whether the descriptor records each disk's SHA-256 (computed on a second thread while
 *     the raw disk is written; it still costs about 0.65 s of CPU per GB)
 */
public record ImageRequest(List<ImageContent> contents, Filesystem filesystem, Optional<Path> kernel,
    String cmdline, Map<DiskFormat, Path> disks, Path descriptor, String imageName, Path workDirectory,
    long mtimeSeconds, long diskSize, long filesystemSize, String extraFingerprint, boolean digest) {

  public ImageRequest {
    contents = List.copyOf(contents);
    disks = Collections.unmodifiableMap(new EnumMap<>(disks));
    if (disks.isEmpty()) {
      throw new IllegalArgumentException("no disk format");
    }
    cmdline = cmdline == null ? "" : cmdline;
    extraFingerprint = extraFingerprint == null ? "" : extraFingerprint;
  }

  /** A request without disk digests. */
  public ImageRequest(List<ImageContent> contents, Filesystem filesystem, Optional<Path> kernel, String cmdline,
      Map<DiskFormat, Path> disks, Path descriptor, String imageName, Path workDirectory, long mtimeSeconds,
      long diskSize, long filesystemSize, String extraFingerprint) {
    this(contents, filesystem, kernel, cmdline, disks, descriptor, imageName, workDirectory, mtimeSeconds, diskSize,
        filesystemSize, extraFingerprint, false);
  }

  /** The same request, with or without disk digests in the descriptor. */
  public ImageRequest withDigest(boolean digest) {
    return new ImageRequest(contents, filesystem, kernel, cmdline, disks, descriptor, imageName, workDirectory,
        mtimeSeconds, diskSize, filesystemSize, extraFingerprint, digest);
  }

  /** A request whose filesystem size is computed. */
  public ImageRequest(List<ImageContent> contents, Filesystem filesystem, Optional<Path> kernel, String cmdline,
      Map<DiskFormat, Path> disks, Path descriptor, String imageName, Path workDirectory, long mtimeSeconds,
      long diskSize, String extraFingerprint) {
    this(contents, filesystem, kernel, cmdline, disks, descriptor, imageName, workDirectory, mtimeSeconds, diskSize,
        0, extraFingerprint, false);
  }

  /** The usual outputs in a build directory: {@code <dir>/<name>.img}, {@code .qcow2}, {@code .json}. */
  public static Map<DiskFormat, Path> disksIn(Path dir, String name, Set<DiskFormat> formats) {
    Map<DiskFormat, Path> disks = new EnumMap<>(DiskFormat.class);
    for (DiskFormat f : formats) {
      disks.put(f, dir.resolve(name + (f == DiskFormat.QCOW2 ? ".qcow2" : ".img")));
    }
    return disks;
  }
}
