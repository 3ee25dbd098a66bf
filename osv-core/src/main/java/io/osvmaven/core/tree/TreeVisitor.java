package io.osvmaven.core.tree;

import java.io.IOException;

/**
 * Callbacks of {@link FileTree#walk}: every filesystem writer is one visitor over the same walk. Paths are
 * absolute guest paths ("/" for the root, "/etc/hosts" for a file).
 */
public interface TreeVisitor {

  /** Called before the directory's children. */
  default void preVisitDirectory(String path, Directory dir) throws IOException {}

  /** Called after all of the directory's children (and their sub-trees). */
  default void postVisitDirectory(String path, Directory dir) throws IOException {}

  default void visitFile(String path, RegularFile file) throws IOException {}

  default void visitSymlink(String path, Symlink link) throws IOException {}
}
