package io.osvmaven.core.image;

import io.osvmaven.core.disk.DiskFormat;
import java.nio.file.Path;
import java.util.List;
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
 * @param formats the disk formats to write (at least one)
 * @param outputDirectory where the disk images go ({@code target})
 * @param imageName file name of the images without extension
 * @param workDirectory where intermediate files go ({@code target/osv})
 * @param mtimeSeconds the time every file in the image gets
 * @param diskSize minimum virtual disk size in bytes (0: just large enough)
 * @param extraFingerprint configuration that should invalidate the up-to-date check when it changes
 *     (plugin version, drivers selection, ...)
 */
public record ImageRequest(List<ImageContent> contents, Filesystem filesystem, Optional<Path> kernel,
    String cmdline, Set<DiskFormat> formats, Path outputDirectory, String imageName, Path workDirectory,
    long mtimeSeconds, long diskSize, String extraFingerprint) {

  public ImageRequest {
    contents = List.copyOf(contents);
    formats = Set.copyOf(formats);
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("no disk format");
    }
    cmdline = cmdline == null ? "" : cmdline;
    extraFingerprint = extraFingerprint == null ? "" : extraFingerprint;
  }

  /** The disk image file of a format: {@code <outputDirectory>/<imageName>.img} or {@code .qcow2}. */
  public Path diskFile(DiskFormat format) {
    return outputDirectory.resolve(imageName + (format == DiskFormat.QCOW2 ? ".qcow2" : ".img"));
  }
}
