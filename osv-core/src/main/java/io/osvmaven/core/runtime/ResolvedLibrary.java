package io.osvmaven.core.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * A host library the image must carry.
 *
 * @param name the DT_NEEDED name the guest's linker will look for
 * @param guestPath where it goes in the image: {@code /usr/lib/<name>}
 * @param hostPath the file found on the host, symlinks resolved
 * @param neededBy the files that need it, sorted
 */
public record ResolvedLibrary(String name, String guestPath, Path hostPath, List<Path> neededBy) {

  public ResolvedLibrary {
    neededBy = List.copyOf(neededBy);
  }

  /** The OSv manifest line ({@code guest: host}, osv-formats.md section 2.1). */
  public String manifestLine() {
    return guestPath + ": " + hostPath;
  }
}
