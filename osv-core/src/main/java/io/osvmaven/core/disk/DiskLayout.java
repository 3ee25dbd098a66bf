package io.osvmaven.core.disk;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.qcow2.ImageSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A disk described as a few byte ranges (the patched boot area, the rest of the loader, filesystem
 * images) over zeros. It is read by position, so the raw and qcow2 writers stream it without ever
 * materialising the disk. Files are opened by {@link #open()} and checked against the sizes planned.
 */
final class DiskLayout implements ImageSource {

  /** A stretch of the disk: in-memory bytes, or a region of a file. */
  record Segment(long offset, long length, byte[] bytes, Path file, long fileOffset, long fileSize) {

    static Segment ofBytes(long offset, byte[] bytes) {
      return new Segment(offset, bytes.length, bytes, null, 0, 0);
    }

    static Segment ofFile(long offset, Path file, long fileOffset, long length, long fileSize) {
      return new Segment(offset, length, null, file, fileOffset, fileSize);
    }

    long end() {
      return offset + length;
    }
  }

  private final String name;
  private final long size;
  private final List<Segment> segments;
  private final List<FileChannel> channels = new ArrayList<>();

  DiskLayout(String name, long size, List<Segment> segments) {
    this.name = name;
    this.size = size;
    this.segments = List.copyOf(segments);
  }

  List<Segment> segments() {
    return segments;
  }

  /** Opens the files of the file segments; each must still have the size seen when planning. */
  DiskLayout open() throws IOException {
    for (Segment s : segments) {
      if (s.file() == null) {
        channels.add(null);
        continue;
      }
      FileChannel channel = FileChannel.open(s.file(), StandardOpenOption.READ);
      channels.add(channel);
      if (channel.size() != s.fileSize()) {
        throw new OsvException(s.file() + " changed while the disk was being built (it was "
            + s.fileSize() + " bytes, now " + channel.size() + ")", "build again");
      }
    }
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void read(long position, byte[] buf, int off, int len) throws IOException {
    Arrays.fill(buf, off, off + len, (byte) 0);
    long end = position + len;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      long from = Math.max(position, s.offset());
      long to = Math.min(end, s.end());
      if (from >= to) {
        continue;
      }
      int dst = off + (int) (from - position);
      int n = (int) (to - from);
      if (s.bytes() != null) {
        System.arraycopy(s.bytes(), (int) (from - s.offset()), buf, dst, n);
      } else {
        readFully(channels.get(i), s, s.fileOffset() + (from - s.offset()), buf, dst, n);
      }
    }
  }

  private static void readFully(FileChannel channel, Segment s, long position, byte[] buf, int off,
      int len) throws IOException {
    ByteBuffer dst = ByteBuffer.wrap(buf, off, len);
    long pos = position;
    while (dst.hasRemaining()) {
      int n = channel.read(dst, pos);
      if (n < 0) {
        throw new OsvException(s.file() + " changed while the disk was being built (it ended at "
            + pos + " bytes, expected " + s.fileSize() + ")", "build again");
      }
      pos += n;
    }
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (FileChannel c : channels) {
      if (c == null) {
        continue;
      }
      try {
        c.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    channels.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
