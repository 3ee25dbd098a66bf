package io.osvmaven.core.manifest;

import io.osvmaven.core.BuildListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  static Path dir(Path base, String relative) throws IOException {
    return Files.createDirectories(base.resolve(relative));
  }

}
