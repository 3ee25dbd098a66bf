package io.osvmaven.core.rofs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The image as it is written: one buffer in front of the output stream that file contents are read
 * straight into and table records are encoded into, little-endian, by hand. A heap ByteBuffer's
 * little-endian puts go through VarHandles, which are very slow until the JIT has compiled them, and
 * a build writes tens of thousands of records from a cold JVM.
 */
final class ImageOutput {

  static final int BUFFER_BYTES = 256 * 1024;

  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;

  ImageOutput(OutputStream out) {
    this.out = out;
  }

  void putLong(long value) throws IOException {
    room(8);
    for (int i = 0; i < 8; i++) {
      buffer[position++] = (byte) (value >>> (8 * i));
    }
  }

  void putShort(int value) throws IOException {
    room(2);
    buffer[position++] = (byte) value;
    buffer[position++] = (byte) (value >>> 8);
  }

  void write(byte[] bytes) throws IOException {
    if (bytes.length > buffer.length - position) {
      flushBuffer();
      if (bytes.length > buffer.length) {
        out.write(bytes);
        return;
      }
    }
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  /** Zeros up to the next multiple of {@link RofsFormat#BLOCK_SIZE}, given the bytes of the last run. */
  void padBlock(long runBytes) throws IOException {
    int tail = (int) (runBytes % RofsFormat.BLOCK_SIZE);
    if (tail != 0) {
      int zeros = RofsFormat.BLOCK_SIZE - tail;
      room(zeros);
      // the buffer is reused: earlier content must not leak into the padding
      Arrays.fill(buffer, position, position + zeros, (byte) 0);
      position += zeros;
    }
  }

  /**
   * Reads a whole small file of {@code size} bytes into the buffer, asking for one byte more to notice a
   * file that grew.
   *
   * @return the bytes read: {@code size} if the file still has its size, less if it shrank, {@code size
   *     + 1} if it grew; only with exactly {@code size} do they count as written
   */
  int readSmallFile(InputStream in, int size) throws IOException {
    int want = size + 1;
    room(want);
    int got = 0;
    while (got < want) {
      int n = in.read(buffer, position + got, want - got);
      if (n < 0) {
        break;
      }
      got += n;
      if (got == size) {
        // a read that returns less than asked of a regular file has reached its end: asking again only
        // to be told so would cost another system call per file
        break;
      }
    }
    if (got == size) {
      position += size;
    }
    return got;
  }

  /**
   * Reads up to {@code max} bytes (at least one if {@code max > 0}) of a streamed file into the buffer.
   *
   * @return the bytes read, or -1 at the end of the stream
   */
  int readChunk(InputStream in, long max) throws IOException {
    if (position == buffer.length) {
      flushBuffer();
    }
    int n = in.read(buffer, position, (int) Math.min(buffer.length - position, max));
    if (n > 0) {
      position += n;
    }
    return n;
  }

  /** Writes out what is buffered and flushes the stream. */
  void flush() throws IOException {
    flushBuffer();
    out.flush();
  }

  private void room(int bytes) throws IOException {
    if (bytes > buffer.length - position) {
      flushBuffer();
    }
  }

  private void flushBuffer() throws IOException {
    if (position > 0) {
      out.write(buffer, 0, position);
      position = 0;
    }
  }
}
