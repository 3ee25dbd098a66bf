package io.osvmaven.core.disk;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.qcow2.FileImageSource;
import io.osvmaven.core.qcow2.ImageSource;
import io.osvmaven.core.qcow2.Qcow2Reader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a disk image for reading whatever its container: qcow2 by its magic, raw otherwise. */
public final class DiskImages {

  private DiskImages() {}

  /** The guest-visible bytes of {@code disk}; close the result when done. */
  public static ImageSource open(Path disk) throws IOException {
    if (!Files.isRegularFile(disk)) {
      throw new OsvException("disk image " + disk + " does not exist or is not a file");
    }
    return Qcow2Reader.isQcow2(disk) ? Qcow2Reader.open(disk) : FileImageSource.open(disk);
  }
}
