package io.osvmaven.core.tree;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A regular file whose bytes come from a host file. The tree records the size it had when the tree was
 * built; writers stream the content and fail if the file changed size meanwhile.
 *
 * @param modifiedMillis the host file's modification time (milliseconds since the epoch) read together
 *     with its size, or -1 when unknown; for up-to-date checks only, the image gets {@code attributes}
 */
public record RegularFile(String name, Path source, long size, Attributes attributes,
    long modifiedMillis) implements Node {

  public RegularFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(attributes, "attributes");
    if (size < 0) {
      throw new IllegalArgumentException("negative size for " + name);
    }
  }

  /** A file whose modification time was not recorded. */
  public RegularFile(String name, Path source, long size, Attributes attributes) {
    this(name, source, size, attributes, -1);
  }
}
