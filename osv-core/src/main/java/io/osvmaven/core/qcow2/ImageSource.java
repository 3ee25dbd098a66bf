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

  /** Releases open files; sources without any keep the default. */
  @Override
  default void close() throws IOException {}
}
