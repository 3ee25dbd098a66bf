package io.osvmaven.core.tree;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads the next small files of an image on other threads while a filesystem writer copies the current
 * one (writers take the files in their walk order):
 * for trees of many small files the time goes into opening and reading files, not into bytes. Files of
 * at most {@link #MAX_BYTES} are read ahead, at most {@link #WINDOW} of them and at most
 * {@link #BUDGET_BYTES} in all, so memory stays small and bounded whatever the tree; larger files are left
 * to the writer to stream.
 */
public final class ReadAhead implements AutoCloseable {

  public static final int MAX_BYTES = 64 * 1024;
  static final int WINDOW = 1024;
  static final long BUDGET_BYTES = 2L * 1024 * 1024;
  /** Reading is bound by open/read/close calls, which run in parallel on a second core. */
  static final int READERS = 2;

  private final List<RegularFile> files;
  private final ExecutorService reader = Executors.newFixedThreadPool(READERS, r -> {
    Thread t = new Thread(r, "osv-read-ahead");
    t.setDaemon(true);
    return t;
  });
  private final Deque<CompletableFuture<byte[]>> pending = new ArrayDeque<>();
  private final Deque<Long> pendingSizes = new ArrayDeque<>();
  private long pendingBytes;
  private int next;

  /** @param files the files in the order the writer will take them */
  public ReadAhead(List<RegularFile> files) {
    this.files = files;
  }

  public static boolean isSmall(RegularFile file) {
    return file.size() <= MAX_BYTES;
  }

  /**
   * The content of file {@code index}, which must be small and asked for in order. The bytes read may
   * differ in length from the recorded size (the file changed): the caller checks. A read error is
   * thrown as it happened, for the caller to name the guest path.
   */
  public byte[] take(int index) throws IOException {
    fill(index);
    CompletableFuture<byte[]> future = pending.poll();
    pendingBytes -= pendingSizes.poll();
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + files.get(index).source(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(cause);
    }
  }

  /** Queues reads of the small files from {@code index} on, up to the window. */
  private void fill(int index) {
    if (next <= index) {
      next = index;
      pending.clear();
      pendingSizes.clear();
      pendingBytes = 0;
    }
    // the file asked for is always queued; further ones while the window and the budget allow
    while (next < files.size() && (pending.isEmpty()
        || pending.size() < WINDOW && pendingBytes + files.get(next).size() <= BUDGET_BYTES)) {
      RegularFile file = files.get(next++);
      if (isSmall(file)) {
        pending.add(CompletableFuture.supplyAsync(() -> read(file), reader));
        pendingSizes.add(file.size());
        pendingBytes += file.size();
      }
    }
  }

  private static byte[] read(RegularFile file) {
    Path source = file.source();
    try (InputStream in = SourceFiles.open(source)) {
      // one byte more than recorded, to notice a file that grew
      return in.readNBytes((int) file.size() + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
