package io.osvmaven.core.rofs;

import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads the next small files of an image on a second thread while the writer copies the current one:
 * for trees of many small files the time goes into opening and reading files, not into bytes. Files of
 * at most {@link #MAX_BYTES} are read ahead, at most {@link #WINDOW} of them and at most
 * {@link #BUDGET_BYTES} in all, so memory stays small and bounded whatever the tree; larger files are left
 * to the writer to stream.
 */
final class SmallFilePrefetcher implements AutoCloseable {

  static final int MAX_BYTES = 64 * 1024;
  static final int WINDOW = 1024;
  static final long BUDGET_BYTES = 2L * 1024 * 1024;
  /** Reading is bound by open/read/close calls, which run in parallel on a second core. */
  static final int READERS = 2;

  private final List<RofsLayout.Extent> extents;
  private final ExecutorService reader = Executors.newFixedThreadPool(READERS, r -> {
    Thread t = new Thread(r, "rofs-prefetch");
    t.setDaemon(true);
    return t;
  });
  private final Deque<CompletableFuture<byte[]>> pending = new ArrayDeque<>();
  private final Deque<Long> pendingSizes = new ArrayDeque<>();
  private long pendingBytes;
  private int next;

  SmallFilePrefetcher(List<RofsLayout.Extent> extents) {
    this.extents = extents;
  }

  static boolean isSmall(RofsLayout.Extent extent) {
    return extent.file().size() <= MAX_BYTES;
  }

  /**
   * The content of extent {@code index}, which must be small and asked for in order. The bytes read may
   * differ in length from the recorded size: the caller checks.
   */
  byte[] take(int index) throws IOException {
    fill(index);
    CompletableFuture<byte[]> future = pending.poll();
    pendingBytes -= pendingSizes.poll();
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + extents.get(index).file().source(), e);
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
    while (next < extents.size() && (pending.isEmpty()
        || pending.size() < WINDOW && pendingBytes + extents.get(next).file().size() <= BUDGET_BYTES)) {
      RofsLayout.Extent extent = extents.get(next++);
      if (isSmall(extent)) {
        pending.add(CompletableFuture.supplyAsync(() -> read(extent), reader));
        pendingSizes.add(extent.file().size());
        pendingBytes += extent.file().size();
      }
    }
  }

  private static byte[] read(RofsLayout.Extent extent) {
    Path source = extent.file().source();
    try (InputStream in = Files.newInputStream(source)) {
      // one byte more than recorded, to notice a file that grew
      return in.readNBytes((int) extent.file().size() + 1);
    } catch (NoSuchFileException e) {
      throw new OsvException("host file " + source + " (for " + extent.guestPath()
          + ") disappeared before the ROFS image was written", null, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
