package io.osvmaven.core.runtime;

import java.util.List;

/**
 * The result of {@link LibraryResolver#resolve}: the host libraries to copy into the image, sorted by
 * guest path, and the needed libraries that were skipped, sorted by name.
 */
public record LibraryClosure(List<ResolvedLibrary> libraries, List<SkippedLibrary> skipped) {

  public LibraryClosure {
    libraries = List.copyOf(libraries);
    skipped = List.copyOf(skipped);
  }

  /** The manifest lines for {@link #libraries()}, in order. */
  public List<String> manifestLines() {
    return libraries.stream().map(ResolvedLibrary::manifestLine).toList();
  }
}
