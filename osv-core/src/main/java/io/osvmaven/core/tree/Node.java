package io.osvmaven.core.tree;

/** One entry of an image's file tree: a directory, a regular file or a symbolic link. */
public sealed interface Node permits Directory, RegularFile, Symlink {

  /** The entry's name inside its parent directory; empty for the root. */
  String name();

  /** Permissions, ownership and modification time the entry gets in the image. */
  Attributes attributes();
}
