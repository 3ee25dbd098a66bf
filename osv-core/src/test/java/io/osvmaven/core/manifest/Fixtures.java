package io.osvmaven.core.manifest;

import io.osvmaven.core.BuildListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/** Host fixture trees and a listener that remembers what it was told. */
final class Fixtures {

  private Fixtures() {}

  static Path file(Path base, String relative, String content) throws IOException {
    Path path = base.resolve(relative);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, content, StandardCharsets.UTF_8);
  }

  static Path link(Path base, String relative, String target) throws IOException {
    Path path = base.resolve(relative);
    Files.createDirectories(path.getParent());
    return Files.createSymbolicLink(path, Path.of(target));
  }

  /** Sets the host file's modification time, so tests can expect a known value. */
  static Path touch(Path file, long modifiedMillis) throws IOException {
    return Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
  }

  static Path dir(Path base, String relative) throws IOException {
    return Files.createDirectories(base.resolve(relative));
  }

}
