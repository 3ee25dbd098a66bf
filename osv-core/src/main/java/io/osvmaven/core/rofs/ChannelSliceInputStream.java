package io.osvmaven.core.rofs;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads {@code length} bytes of a channel from {@code position} on, without moving the channel. */
final class ChannelSliceInputStream extends InputStream {

  private final FileChannel channel;
  private long position;
  private long remaining;

  ChannelSliceInputStream(FileChannel channel, long position, long length) {
    this.channel = channel;
    this.position = position;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (remaining == 0) {
      return -1;
    }
    ByteBuffer buf = ByteBuffer.wrap(b, off, (int) Math.min(len, remaining));
    int n = channel.read(buf, position);
    if (n < 0) {
      throw new EOFException("image ends inside file data at byte " + position);
    }
    position += n;
    remaining -= n;
    return n;
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, remaining));
    position += skipped;
    remaining -= skipped;
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, remaining);
  }
}
