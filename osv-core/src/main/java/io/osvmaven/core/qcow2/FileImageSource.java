package io.osvmaven.core.qcow2;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A raw image file read through a channel; the size is fixed when it is opened. */
public final class FileImageSource implements ImageSource {

  private final Path file;
  private final FileChannel channel;
  private final long size;

  private FileImageSource(Path file, FileChannel channel) throws IOException {
    this.file = file;
    this.channel = channel;
    this.size = channel.size();
  }

  public static FileImageSource open(Path file) throws IOException {
    return new FileImageSource(file, FileChannel.open(file, StandardOpenOption.READ));
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public void read(long position, byte[] buf, int off, int len) throws IOException {
    ByteBuffer dst = ByteBuffer.wrap(buf, off, len);
    long pos = position;
    while (dst.hasRemaining()) {
      int n = channel.read(dst, pos);
      if (n < 0) {
        // The file shrank while we were reading it: refuse rather than write a torn image.
        throw new EOFException(file + " ended at " + pos + " bytes while reading it (it was "
            + size + " bytes when opened)");
      }
      pos += n;
    }
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
