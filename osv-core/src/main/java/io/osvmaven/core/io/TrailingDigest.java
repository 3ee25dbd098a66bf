package io.osvmaven.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a file computed on a second thread while the file is still being written: the writer
 * says how far the file is final ({@link #advance}), the hasher reads that far back (from the page
 * cache) and hashes it. A gigabyte costs the writer nothing but the calls to {@code advance}, instead of
 * a second pass of ~0.65 s after the write. The writer must not change bytes below the mark it gave.
 */
public final class TrailingDigest implements AutoCloseable {

  private static final int CHUNK = 1 << 20;
  private static final byte[] ZEROS = new byte[CHUNK];

  private final FileChannel channel;
  private final Thread thread;
  private final Object lock = new Object();
  private long mark;
  /** Written once, by finish(); read by the hasher outside the lock too. */
  private volatile long end = -1;
  private boolean cancelled;
  private String result;
  private Throwable failure;

  private TrailingDigest(FileChannel channel) {
    this.channel = channel;
    this.thread = new Thread(this::run, "osv-sha256");
    thread.setDaemon(true);
  }

  /** Starts hashing {@code channel} from byte 0 as it becomes final. */
  public static TrailingDigest start(FileChannel channel) {
    TrailingDigest d = new TrailingDigest(channel);
    d.thread.start();
    return d;
  }

  /** Bytes {@code [0, position)} are final and may be hashed. */
  public void advance(long position) {
    synchronized (lock) {
      if (position > mark) {
        mark = position;
        lock.notifyAll();
      }
    }
  }

  /**
   * The hex SHA-256 of the first {@code size} bytes of the file (holes read as zeros), once every one of
   * them is final; waits for the hasher to catch up.
   */
  public String finish(long size) throws IOException {
    synchronized (lock) {
      if (size < mark) {
        throw new IllegalArgumentException("finish(" + size + ") below the mark " + mark);
      }
      mark = Math.max(mark, size);
      end = size;
      lock.notifyAll();
      while (result == null && failure == null) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while hashing", e);
        }
      }
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure != null) {
      throw new IOException("hashing failed: " + failure, failure);
    }
    return result;
  }

  /** Stops the hasher if {@link #finish} was not reached (a failed build). */
  @Override
  public void close() {
    synchronized (lock) {
      cancelled = true;
      lock.notifyAll();
    }
  }

  private void run() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
      long hashed = 0;
      while (true) {
        long limit = awaitBeyond(hashed);
        if (limit < 0) {
          // cancelled, or interrupted: either way finish() must not wait for a result that never comes
          publish(null, new IOException("hashing stopped before the end"));
          return;
        }
        if (hashed == end) {
          publish(HexFormat.of().formatHex(md.digest()), null);
          return;
        }
        buffer.clear().limit((int) Math.min(CHUNK, limit - hashed));
        int n = channel.read(buffer, hashed);
        if (n <= 0) {
          // past the end of the file as it is now: the rest of the disk is a hole, zeros
          n = (int) Math.min(CHUNK, limit - hashed);
          md.update(ZEROS, 0, n);
        } else {
          md.update(buffer.flip());
        }
        hashed += n;
      }
    } catch (IOException e) {
      publish(null, e);
    } catch (NoSuchAlgorithmException | RuntimeException | Error e) {
      publish(null, e instanceof UncheckedIOException u ? u.getCause() : e);
    }
  }

  /** Waits until there is something beyond {@code hashed} to hash (or the end is reached): the mark. */
  private long awaitBeyond(long hashed) {
    synchronized (lock) {
      while (!cancelled && mark <= hashed && end != hashed) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          return -1;
        }
      }
      return cancelled ? -1 : end >= 0 ? Math.min(mark, end) : mark;
    }
  }

  private void publish(String hex, Throwable error) {
    synchronized (lock) {
      result = hex;
      failure = error;
      lock.notifyAll();
    }
  }
}
