package io.osvmaven.core.xen;

import io.osvmaven.core.BuildListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared test helpers: the fake Xen tree and a listener that records. */
final class Fixtures {

  private Fixtures() {}

  static Path fakeXen() {
    try {
      return Path.of(Fixtures.class.getResource("fake-xen").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of the fake tree under {@code dir}/fake-xen, to be changed by a test. */
  static Path copyOfFakeXen(Path dir) {
    Path from = fakeXen();
    Path to = dir.resolve("fake-xen");
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  static void replace(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      if (!text.contains(from)) {
        throw new IllegalStateException(file + " does not contain " + from);
      }
      Files.writeString(file, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
