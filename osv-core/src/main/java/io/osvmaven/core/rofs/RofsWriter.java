package io.osvmaven.core.rofs;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.io.AtomicFiles;
import io.osvmaven.core.io.ChannelOutput;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.ReadAhead;
import io.osvmaven.core.tree.SourceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
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
 * <p>File content is streamed in chunks, never held whole (small files are read whole into the image
 * buffer); the layout is computed from the sizes recorded in the tree before anything is written, so
 * limits fail fast and the superblock comes first. Files are read one after the other on the calling
 * thread: for trees of many small files the time goes into open/read/close calls, and reading ahead on
 * other threads measured slower in a fresh JVM (the compiler threads hold the other cores, and per-file
 * futures and buffers cost more than they hide).
 */
public final class RofsWriter {

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
    ImageOutput out = new ImageOutput(target);
    RofsSuperblock superblock = RofsSuperblock.of(layout.firstTableBlock, layout.tableBlocks(),
        layout.dirEntries.size(), layout.symlinks.size(), layout.inodes.size());
    out.write(superblock.toBlock());
    // the message is built only for a listener that shows it: one string per file adds up
    boolean debug = listener.debugEnabled();
    for (RofsLayout.Extent extent : layout.extents) {
      if (debug) {
        listener.debug("ROFS: adding " + extent.guestPath());
      }
      if (ReadAhead.isSmall(extent.file())) {
        writeSmallFile(extent, out);
      } else if (target instanceof ChannelOutput direct) {
        out.flush();
        transferFile(extent, direct);
        out.padBlock(extent.file().size());
      } else {
        copyFile(extent, out);
      }
    }
    writeTables(layout, out);
    out.flush();
    int files = layout.extents.size();
    return new RofsResult(layout.imageBlocks() * RofsFormat.BLOCK_SIZE, layout.imageBlocks(),
        layout.firstTableBlock - 1, layout.firstTableBlock, layout.tableBlocks(), layout.tableBytes,
        layout.dirEntries.size(), layout.symlinks.size(), layout.inodes.size(), files, layout.fileBytes);
  }

  /** Reads the file whole into the image buffer; any size but the recorded one means it changed. */
  private static void writeSmallFile(RofsLayout.Extent extent, ImageOutput out) throws IOException {
    int expected = (int) extent.file().size();
    int read;
    try (InputStream in = SourceFiles.open(extent.file().source())) {
      read = out.readSmallFile(in, expected);
    } catch (NoSuchFileException e) {
      throw disappeared(extent, e);
    }
    if (read < expected) {
      throw changed(extent, "shrank to " + read + " bytes");
    }
    if (read > expected) {
      throw changed(extent, "grew beyond " + expected + " bytes");
    }
    out.padBlock(expected);
  }

  /** Streams exactly the recorded size in chunks and pads the last block. */
  private static void copyFile(RofsLayout.Extent extent, ImageOutput out) throws IOException {
    long expected = extent.file().size();
    long copied = 0;
    try (InputStream in = SourceFiles.open(extent.file().source())) {
      while (copied < expected) {
        int n = out.readChunk(in, expected - copied);
        if (n < 0) {
          throw changed(extent, "shrank to " + copied + " bytes");
        }
        copied += n;
      }
      if (in.read() >= 0) {
        throw changed(extent, "grew beyond " + expected + " bytes");
      }
    } catch (NoSuchFileException e) {
      throw disappeared(extent, e);
    }
    out.padBlock(expected);
  }

  /** A large file copied by the kernel from its file into the image's (no trip through the JVM). */
  private static void transferFile(RofsLayout.Extent extent, ChannelOutput out) throws IOException {
    long expected = extent.file().size();
    try (FileChannel in = FileChannel.open(extent.file().source(), StandardOpenOption.READ)) {
      long copied = out.transferFrom(in, expected);
      if (copied < expected) {
        throw changed(extent, "shrank to " + copied + " bytes");
      }
      if (in.size() > expected) {
        throw changed(extent, "grew beyond " + expected + " bytes");
      }
    } catch (NoSuchFileException e) {
      throw disappeared(extent, e);
    }
  }

  private static OsvException disappeared(RofsLayout.Extent extent, NoSuchFileException e) {
    return new OsvException("host file " + extent.file().source() + " (for " + extent.guestPath()
        + ") disappeared before the ROFS image was written", null, e);
  }

  private static OsvException changed(RofsLayout.Extent extent, String how) {
    return new OsvException("host file " + extent.file().source() + " (for " + extent.guestPath()
        + ") changed while the ROFS image was written: it was " + extent.file().size()
        + " bytes and " + how, "do not modify the inputs during the build");
  }

  private static void writeTables(RofsLayout layout, ImageOutput out) throws IOException {
    for (RofsLayout.DirEntry entry : layout.dirEntries) {
      out.putLong(entry.inode());
      out.putShort(entry.name().length);
      out.write(entry.name());
    }
    for (byte[] target : layout.symlinks) {
      out.putShort(target.length);
      out.write(target);
    }
    for (RofsLayout.Inode inode : layout.inodes) {
      out.putLong(inode.mode);
      out.putLong(inode.number);
      out.putLong(inode.dataOffset);
      out.putLong(inode.count);
    }
    out.padBlock(layout.tableBytes);
  }
}
