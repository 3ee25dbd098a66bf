package io.osvmaven.core.tree;

import java.util.Objects;

/** A symbolic link; {@code target} is stored verbatim, never resolved on the host. */
public record Symlink(String name, String target, Attributes attributes) implements Node {

  public Symlink {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(attributes, "attributes");
  }
}
