package io.osvmaven.core.tree;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the host files of a tree for filesystem writers, which read tens of thousands of them per image. */
public final class SourceFiles {

  private SourceFiles() {}

  /**
   * An unbuffered stream of the file's bytes, as {@link Files#newInputStream} gives, with the same
   * exceptions ({@link java.nio.file.NoSuchFileException} for a missing file).
   *
   * <p>A {@link FileInputStream} costs far less per file than an NIO channel while the JVM is still
   * cold, but opens the file by its name re-encoded from the path's string. That finds the same file
   * only for a path on the default filesystem whose string is ASCII (a non-ASCII name may have been
   * decoded with loss); other paths, and any failure to open, go through NIO, which also gives the
   * precise exception.
   */
  public static InputStream open(Path source) throws IOException {
    if (source.getFileSystem() == FileSystems.getDefault()) {
      String name = source.toString();
      if (isAscii(name)) {
        try {
          return new FileInputStream(name);
        } catch (FileNotFoundException e) {
          // fall through: NIO says why (missing, not permitted, a directory, ...)
        }
      }
    }
    return Files.newInputStream(source);
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
