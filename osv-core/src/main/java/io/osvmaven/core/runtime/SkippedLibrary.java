package io.osvmaven.core.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * A needed library that is deliberately not copied into the image.
 *
 * @param name the DT_NEEDED name
 * @param reason why it is skipped
 * @param neededBy the files that need it, sorted
 */
public record SkippedLibrary(String name, Reason reason, List<Path> neededBy) {

  public enum Reason {
    /** The OSv kernel provides it (libc, libm, the dynamic linker, ...). */
    PROVIDED_BY_OSV,
    /** The caller excluded it. */
    EXCLUDED
  }

  public SkippedLibrary {
    neededBy = List.copyOf(neededBy);
  }
}
