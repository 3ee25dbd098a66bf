package io.osvmaven.core.rofs;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.io.AtomicFiles;
import io.osvmaven.core.io.ChannelOutput;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.ReadAhead;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes a {@link FileTree} as an OSv ROFS image, in the tree's own child order, byte for byte as OSv's
 * scripts/gen-rofs-img.py does for the same ordered tree, with two deliberate differences:
 *
 * <ul>
 *   <li>name and link-target lengths are UTF-8 byte counts (the Python tool writes the character count,
 *       which corrupts the tables for non-ASCII names; identical for ASCII);
 *   <li>when the tables end exactly on a block boundary no extra, uncounted block of zeros is appended
 *       (the Python tool always pads with {@code 512 - S % 512} bytes, a whole block in that case).
 * </ul>
 *
 * <p>File content is streamed in chunks, never held whole; the layout is computed from the sizes
 * recorded in the tree before anything is written, so limits fail fast and the superblock comes first.
 */
public final class RofsWriter {

  private static final int CHUNK = 64 * 1024;

  private final BuildListener listener;

  public RofsWriter() {
    this(BuildListener.NONE);
  }

  public RofsWriter(BuildListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Writes the image to {@code image} through a temporary file: on failure no image is left behind. */
  public RofsResult write(FileTree tree, Path image) throws IOException {
    RofsLayout layout = RofsLayout.of(tree);
    RofsResult[] result = new RofsResult[1];
    AtomicFiles.write(image, out -> result[0] = write(layout, out));
    listener.info("ROFS image " + image.getFileName() + ": " + result[0].files() + " files, "
        + result[0].fileBytes() + " bytes of content, " + result[0].imageBytes() + " bytes");
    return result[0];
  }

  /** Writes the image to {@code out} (flushed, not closed). */
  public RofsResult write(FileTree tree, OutputStream out) throws IOException {
    return write(RofsLayout.of(tree), out);
  }

  /**
   * Plans the image of {@code tree} (and checks its limits) without writing: the image size is known
   * before the first byte, so a disk can be laid out around it and the image streamed into place.
   */
  public Planned plan(FileTree tree) {
    return new Planned(RofsLayout.of(tree));
  }

  /** An image planned by {@link #plan}, ready to be written. */
  public final class Planned {
    private final RofsLayout layout;

    private Planned(RofsLayout layout) {
      this.layout = layout;
    }

    /** The image's size in bytes, a whole number of blocks. */
    public long imageBytes() {
      return layout.imageBlocks() * RofsFormat.BLOCK_SIZE;
    }

    /** Writes exactly {@link #imageBytes()} bytes to {@code out} (flushed, not closed). */
    public RofsResult writeTo(OutputStream out) throws IOException {
      RofsResult result = write(layout, out);
      listener.info("ROFS image: " + result.files() + " files, " + result.fileBytes()
          + " bytes of content, " + result.imageBytes() + " bytes");
      return result;
    }
  }

  private RofsResult write(RofsLayout layout, OutputStream target) throws IOException {
    BufferedOutputStream out = new BufferedOutputStream(target, CHUNK);
    RofsSuperblock superblock = RofsSuperblock.of(layout.firstTableBlock, layout.tableBlocks(),
        layout.dirEntries.size(), layout.symlinks.size(), layout.inodes.size());
    out.write(superblock.toBlock());
    byte[] buffer = new byte[CHUNK];
    try (ReadAhead prefetcher = new ReadAhead(layout.extents.stream().map(RofsLayout.Extent::file).toList())) {
      for (int i = 0; i < layout.extents.size(); i++) {
        RofsLayout.Extent extent = layout.extents.get(i);
        listener.debug("ROFS: adding " + extent.guestPath());
        if (ReadAhead.isSmall(extent.file())) {
          writeSmallFile(extent, read(prefetcher, i, extent), out);
        } else if (target instanceof ChannelOutput direct) {
          out.flush();
          transferFile(extent, direct);
          pad(extent.file().size(), out);
        } else {
          copyFile(extent, buffer, out);
        }
      }
    }
    writeTables(layout, out);
    out.flush();
    int files = layout.extents.size();
    return new RofsResult(layout.imageBlocks() * RofsFormat.BLOCK_SIZE, layout.imageBlocks(),
        layout.firstTableBlock - 1, layout.firstTableBlock, layout.tableBlocks(), layout.tableBytes,
        layout.dirEntries.size(), layout.symlinks.size(), layout.inodes.size(), files, layout.fileBytes);
  }

  /** Copies exactly the recorded size and pads the last block; any other size means the file changed. */
  private static byte[] read(ReadAhead prefetcher, int index, RofsLayout.Extent extent) throws IOException {
    try {
      return prefetcher.take(index);
    } catch (NoSuchFileException e) {
      throw new OsvException("host file " + extent.file().source() + " (for " + extent.guestPath()
          + ") disappeared before the ROFS image was written", null, e);
    }
  }

  private static void writeSmallFile(RofsLayout.Extent extent, byte[] content, OutputStream out)
      throws IOException {
    long expected = extent.file().size();
    if (content.length < expected) {
      throw changed(extent, "shrank to " + content.length + " bytes");
    }
    if (content.length > expected) {
      throw changed(extent, "grew beyond " + expected + " bytes");
    }
    out.write(content);
    pad(expected, out);
  }

  private static void pad(long size, OutputStream out) throws IOException {
    int tail = (int) (size % RofsFormat.BLOCK_SIZE);
    if (tail != 0) {
      out.write(new byte[RofsFormat.BLOCK_SIZE - tail]);
    }
  }

  private static void copyFile(RofsLayout.Extent extent, byte[] buffer, OutputStream out)
      throws IOException {
    Path source = extent.file().source();
    long expected = extent.file().size();
    long copied = 0;
    try (InputStream in = Files.newInputStream(source)) {
      while (copied < expected) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, expected - copied));
        if (n < 0) {
          throw changed(extent, "shrank to " + copied + " bytes");
        }
        out.write(buffer, 0, n);
        copied += n;
      }
      if (in.read() >= 0) {
        throw changed(extent, "grew beyond " + expected + " bytes");
      }
    } catch (NoSuchFileException e) {
      throw new OsvException("host file " + source + " (for " + extent.guestPath()
          + ") disappeared before the ROFS image was written", null, e);
    }
    pad(expected, out);
  }

  /** A large file copied by the kernel from its file into the image's (no trip through the JVM). */
  private static void transferFile(RofsLayout.Extent extent, ChannelOutput out) throws IOException {
    Path source = extent.file().source();
    long expected = extent.file().size();
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
      long copied = out.transferFrom(in, expected);
      if (copied < expected) {
        throw changed(extent, "shrank to " + copied + " bytes");
      }
      if (in.size() > expected) {
        throw changed(extent, "grew beyond " + expected + " bytes");
      }
    } catch (NoSuchFileException e) {
      throw new OsvException("host file " + source + " (for " + extent.guestPath()
          + ") disappeared before the ROFS image was written", null, e);
    }
  }

  private static OsvException changed(RofsLayout.Extent extent, String how) {
    return new OsvException("host file " + extent.file().source() + " (for " + extent.guestPath()
        + ") changed while the ROFS image was written: it was " + extent.file().size()
        + " bytes and " + how, "do not modify the inputs during the build");
  }

  private static void writeTables(RofsLayout layout, OutputStream out) throws IOException {
    ByteBuffer record = ByteBuffer.allocate(RofsFormat.INODE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (RofsLayout.DirEntry entry : layout.dirEntries) {
      record.clear();
      record.putLong(entry.inode()).putShort((short) entry.name().length);
      out.write(record.array(), 0, record.position());
      out.write(entry.name());
    }
    for (byte[] target : layout.symlinks) {
      record.clear();
      record.putShort((short) target.length);
      out.write(record.array(), 0, record.position());
      out.write(target);
    }
    for (RofsLayout.Inode inode : layout.inodes) {
      record.clear();
      record.putLong(inode.mode).putLong(inode.number).putLong(inode.dataOffset).putLong(inode.count);
      out.write(record.array(), 0, record.position());
    }
    int tail = (int) (layout.tableBytes % RofsFormat.BLOCK_SIZE);
    if (tail != 0) {
      out.write(new byte[RofsFormat.BLOCK_SIZE - tail]);
    }
  }
}
