package io.osvmaven.core.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {

  @TempDir
  Path dir;

  private static String read(Path file) throws IOException {
    try (InputStream in = SourceFiles.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsFilesWithAsciiNames() throws IOException {
    assertThat(read(Files.writeString(dir.resolve("plain.txt"), "plain"))).isEqualTo("plain");
  }

  @Test
  void readsFilesWithNonAsciiNames() throws IOException {
    Path name;
    try {
      name = dir.resolve("caf\u00e9.txt");
    } catch (InvalidPathException e) {
      // a JVM in the C locale cannot even name such a file
      assumeTrue(false, "file names cannot hold non-ASCII characters here: " + e.getMessage());
      return;
    }
    // opened through NIO, by the path's own bytes
    assertThat(read(Files.writeString(name, "caf\u00e9"))).isEqualTo("caf\u00e9");
  }

  @Test
  void aMissingFileIsTheNioExceptionNotFileNotFound() {
    assertThatThrownBy(() -> SourceFiles.open(dir.resolve("missing")))
        .isExactlyInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void aDirectoryCannotBeRead() {
    assertThatThrownBy(() -> read(dir)).isInstanceOf(IOException.class);
  }
}
