package io.osvmaven.core.image;

import io.osvmaven.core.disk.DiskFormat;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an image build produced.
 *
 * @param disks the disk image of each requested format
 * @param filesystemImage the file holding the filesystem: the raw disk (at its partition offset), or a
 *     bare image in the work directory when no raw disk was asked for
 * @param filesystemOffset where the filesystem starts in that file
 * @param filesystemSize the filesystem's size in bytes
 * @param manifest the composed manifest of the image's files
 * @param descriptor the JSON descriptor written next to the disk images
 * @param files number of entries in the image (directories, files and links)
 * @param fileBytes total bytes of the regular files
 * @param commandLine the full OSv command line, as written into the disk (or to pass at boot)
 * @param upToDate true if nothing was written because the outputs were current
 */
public record ImageResult(Map<DiskFormat, Path> disks, Path filesystemImage, long filesystemOffset,
    long filesystemSize, Path manifest, Path descriptor,
    int files, long fileBytes, String commandLine, boolean bootable, boolean upToDate) {

  public ImageResult {
    disks = Map.copyOf(disks);
  }
}
