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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
  /** The digest being computed on another thread; no more changes are allowed then. */
  private FutureTask<String> pending;

  /** Records a configuration value; order of calls does not matter. */
  public Fingerprint config(String key, Object value) {
    checkNotPending();
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

  private Fingerprint record(Path path, String state) {
    checkNotPending();
    digest = null;
    inputs.put(path.toAbsolutePath().normalize().toString(), state);
    return this;
  }

  /** SHA-256 over the sorted configuration and inputs, hex. */
  public String digest() {
    if (digest == null) {
      digest = pending != null ? await(pending) : compute();
    }
    return digest;
  }

  /**
   * Starts computing the digest on another thread, for a caller with other work to do before it needs
   * it: a build that is not up to date hashes its configuration (for an image, megabytes of tree text)
   * while it writes, and {@link #save} waits for it. The fingerprint cannot change after this.
   */
  public Fingerprint digestInBackground() {
    if (digest == null && pending == null) {
      pending = new FutureTask<>(this::compute);
      Thread thread = new Thread(pending, "osv-fingerprint");
      thread.setDaemon(true);
      thread.start();
    }
    return this;
  }

  private static String await(FutureTask<String> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing the fingerprint", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("computing the fingerprint failed", e.getCause());
    }
  }

  private void checkNotPending() {
    if (pending != null) {
      throw new IllegalStateException("the fingerprint is being digested and cannot change");
    }
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
