package io.osvmaven.core.qcow2;

import io.osvmaven.core.io.AtomicFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A random-access output that becomes visible only on {@link #commit()}: bytes go to a temporary
 * sibling of the target, which is renamed over it at the end. Closing without committing deletes the
 * temporary file, so a failed build leaves no partial image. Unwritten ranges stay holes (sparse).
 */
public final class AtomicOutputFile implements AutoCloseable {

  private final Path target;
  private final Path tmp;
  private final RandomAccessFile file;
  private boolean committed;

  private AtomicOutputFile(Path target, Path tmp, RandomAccessFile file) {
    this.target = target;
    this.tmp = tmp;
    this.file = file;
  }

  public static AtomicOutputFile create(Path target) throws IOException {
    Path tmp = AtomicFiles.createTempSibling(target);
    try {
      return new AtomicOutputFile(target, tmp, new RandomAccessFile(tmp.toFile(), "rw"));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  public FileChannel channel() {
    return file.getChannel();
  }

  /** Writes all of {@code buf} at {@code position}. */
  public void write(long position, ByteBuffer buf) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      pos += file.getChannel().write(buf, pos);
    }
  }

  public void write(long position, byte[] bytes, int off, int len) throws IOException {
    write(position, ByteBuffer.wrap(bytes, off, len));
  }

  /** Sets the final length; growing leaves a hole rather than writing zeros. */
  public void setLength(long length) throws IOException {
    file.setLength(length);
  }

  /** Closes the temporary file and renames it over the target. */
  public void commit() throws IOException {
    file.close();
    AtomicFiles.move(tmp, target);
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        file.close();
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
