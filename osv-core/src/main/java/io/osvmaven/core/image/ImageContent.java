package io.osvmaven.core.image;

import io.osvmaven.core.manifest.ResolvedEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One source of the image's files. Sources are applied in order: a later source overrides an earlier
 * one at the same guest path (the build log says so).
 */
public sealed interface ImageContent {

  /** An OSv manifest file; relative host paths resolve against {@code baseDirectory}. */
  record Manifest(Path file, Path baseDirectory, Map<String, String> variables) implements ImageContent {
    public Manifest {
      variables = Map.copyOf(variables);
    }
  }

  /** A host directory copied recursively below {@code guestDirectory} (sorted walk). */
  record Directory(Path hostDirectory, String guestDirectory, String origin) implements ImageContent {}

  /** Entries the caller resolved itself: the project's artifacts, inline files from the POM. */
  record Entries(List<ResolvedEntry> entries) implements ImageContent {
    public Entries {
      entries = List.copyOf(entries);
    }
  }
}
