package io.osvmaven.core.runtime;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.io.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One directory of the runtime cache: {@code runtime/} (the jlink output), {@code key.txt} (the text
 * whose SHA-256 names the directory) and {@code contents.txt} (type, size and SHA-256 of every entry
 * of {@code runtime/}), so that a damaged entry is noticed instead of copied into images.
 */
final class RuntimeCacheEntry {

  static final String RUNTIME = "runtime";
  static final String KEY = "key.txt";
  static final String CONTENTS = "contents.txt";

  private RuntimeCacheEntry() {}

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes key.txt and contents.txt next to a finished {@code runtime/}. */
  static void seal(Path entry, String keyText) throws IOException {
    Files.writeString(entry.resolve(KEY), keyText, StandardCharsets.UTF_8);
    Files.writeString(entry.resolve(CONTENTS), String.join("\n", listing(entry.resolve(RUNTIME))) + "\n",
        StandardCharsets.UTF_8);
  }

  /** Whether the entry is complete, was made for {@code keyText}, and its files are unchanged. */
  static boolean verify(Path entry, String keyText) throws IOException {
    Path key = entry.resolve(KEY);
    Path contents = entry.resolve(CONTENTS);
    if (!Files.isRegularFile(key) || !Files.isRegularFile(contents)
        || !Files.readString(key, StandardCharsets.UTF_8).equals(keyText)) {
      return false;
    }
    List<String> expected = Files.readAllLines(contents, StandardCharsets.UTF_8);
    return expected.equals(listing(entry.resolve(RUNTIME)));
  }

  /** One sorted line per entry: "dir path", "link target path" or "file size sha256 path". */
  private static List<String> listing(Path root) throws IOException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return List.of("missing");
    }
    List<String> lines = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        String rel = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          lines.add("link\t" + Files.readSymbolicLink(p) + "\t" + rel);
        } else if (Files.isDirectory(p)) {
          lines.add("dir\t" + rel);
        } else {
          lines.add("file\t" + Files.size(p) + "\t" + Sha256.of(p) + "\t" + rel);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return lines;
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          if (exc != null) {
            throw exc;
          }
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new OsvException("cannot delete " + dir + ": " + e.getMessage(),
          "delete it by hand", e);
    }
  }
}
