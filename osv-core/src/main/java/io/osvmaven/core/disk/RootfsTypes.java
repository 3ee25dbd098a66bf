package io.osvmaven.core.disk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The root filesystem names OSv's build accepts, from {@code rootfs-types.txt}. */
final class RootfsTypes {

  static final List<String> ALL = load();

  private RootfsTypes() {}

  private static List<String> load() {
    try (InputStream in = RootfsTypes.class.getResourceAsStream("rootfs-types.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource rootfs-types.txt missing from the classpath");
      }
      List<String> names = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
      return List.copyOf(names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
