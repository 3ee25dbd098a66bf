package io.osvmaven.core.build;

import io.osvmaven.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an output was built from: the configuration (including the tool's own version) and every input
 * file's path, size and modification time. An output is up to date when its recorded fingerprint equals
 * the current one; then a rebuild can skip the work. Digests of descriptors, not of contents, keep the
 * check cheap for gigabytes of input (as jib's layer selectors and spotless's index do).
 */
public final class Fingerprint {

  private final Map<String, String> configuration = new TreeMap<>();
  private final Map<String, String> inputs = new TreeMap<>();
  private String digest;

  /** Records a configuration value; order of calls does not matter. */
  public Fingerprint config(String key, Object value) {
    digest = null;
    configuration.put(key, String.valueOf(value));
    return this;
  }

  /** Records an input file (or directory, or missing path) by path, size and mtime. */
  public Fingerprint input(Path path) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      record(path, (a.isDirectory() ? "d" : "f") + a.size() + "@" + a.lastModifiedTime().toMillis());
    } catch (NoSuchFileException e) {
      record(path, "missing");
    }
    return this;
  }

  /**
   * Records a regular input file by the size and mtime seen when it was read (the same record as
   * {@link #input(Path)} makes), which spares a second stat per file of a large tree.
   */
  public Fingerprint inputFile(Path path, long size, long modifiedMillis) {
    return record(path, "f" + size + "@" + modifiedMillis);
  }

  private Fingerprint record(Path path, String state) {
    digest = null;
    inputs.put(path.toAbsolutePath().normalize().toString(), state);
    return this;
  }

  /** SHA-256 over the sorted configuration and inputs, hex. */
  public String digest() {
    if (digest == null) {
      digest = compute();
    }
    return digest;
  }

  private String compute() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> e : configuration.entrySet()) {
        md.update(("c " + e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, String> e : inputs.entrySet()) {
        md.update(("i " + e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True if {@code record} holds this fingerprint and every output exists. */
  public boolean matches(Path record, Path... outputs) throws IOException {
    for (Path out : outputs) {
      if (!Files.exists(out)) {
        return false;
      }
    }
    return Files.isRegularFile(record)
        && Files.readString(record, StandardCharsets.UTF_8).strip().equals(digest());
  }

  /** Records this fingerprint after a successful build. */
  public void save(Path record) throws IOException {
    AtomicFiles.writeIfChanged(record, (digest() + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
