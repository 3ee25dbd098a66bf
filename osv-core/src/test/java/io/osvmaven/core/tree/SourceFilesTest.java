package io.osvmaven.core.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    // the build runs in a UTF-8 locale (other tests write non-ASCII names too); opened through NIO
    Path name = dir.resolve("caf\u00e9.txt");
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
