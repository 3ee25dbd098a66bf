package io.osvmaven.core.qcow2;

import java.io.Closeable;
import java.io.IOException;

/**
 * A raw disk image read by position: a file, or a disk composed on the fly from a boot area and
 * partition images. Reads past {@link #size()} are never requested.
 */
public interface ImageSource extends Closeable {

  /** Length of the raw image in bytes. */
  long size();

  /** Fills {@code buf[off, off + len)} with the image bytes at {@code position}. */
  void read(long position, byte[] buf, int off, int len) throws IOException;

  /** A short name for messages (usually the file name). */
  String name();

  /**
   * A view of {@code length} bytes from {@code offset}, e.g. one partition of a disk. Closing the
   * view closes this source.
   */
  default ImageSource slice(long offset, long length) {
    if (offset < 0 || length < 0 || offset + length > size()) {
      throw new IllegalArgumentException("range " + offset + "+" + length + " lies outside "
          + name() + " (" + size() + " bytes)");
    }
    ImageSource whole = this;
    return new ImageSource() {
      @Override
      public long size() {
        return length;
      }

      @Override
      public void read(long position, byte[] buf, int off, int len) throws IOException {
        if (position < 0 || position + len > length) {
          throw new IndexOutOfBoundsException("read of " + len + " bytes at " + position
              + " beyond " + length);
        }
        whole.read(offset + position, buf, off, len);
      }

      @Override
      public String name() {
        return whole.name() + "@" + offset;
      }

      @Override
      public void close() throws IOException {
        whole.close();
      }
    };
  }

  /** Releases open files; sources without any keep the default. */
  @Override
  default void close() throws IOException {}
}
