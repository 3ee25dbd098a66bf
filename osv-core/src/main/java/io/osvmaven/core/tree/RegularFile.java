package io.osvmaven.core.tree;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A regular file whose bytes come from a host file. The tree records the size it had when the tree was
 * built; writers stream the content and fail if the file changed size meanwhile.
 */
public record RegularFile(String name, Path source, long size, Attributes attributes) implements Node {

  public RegularFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(attributes, "attributes");
    if (size < 0) {
      throw new IllegalArgumentException("negative size for " + name);
    }
  }
}
