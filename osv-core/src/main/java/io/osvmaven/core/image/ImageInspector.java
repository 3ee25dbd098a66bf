package io.osvmaven.core.image;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.disk.AssembledDisk;
import io.osvmaven.core.disk.MbrPartitionEntry;
import io.osvmaven.core.disk.MbrPartitionTable;
import io.osvmaven.core.qcow2.Qcow2Reader;
import io.osvmaven.core.rofs.RofsFormat;
import io.osvmaven.core.rofs.RofsEntry;
import io.osvmaven.core.rofs.RofsInode;
import io.osvmaven.core.rofs.RofsReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens the ROFS of an image for reading: a bare ROFS image, or a raw OSv disk whose partition 2 holds
 * one (found through the MBR, as OSv finds {@code /dev/vblk0.1}).
 */
public final class ImageInspector {

  private ImageInspector() {}

  /**
   * One entry of a listing.
   *
   * @param kind {@code d} directory, {@code f} file, {@code l} symbolic link, {@code ?} unknown mode
   * @param size the file's size in bytes (files only)
   * @param linkTarget the link's target (links only)
   */
  public record Listed(char kind, String path, long size, String linkTarget) {}

  /** An opened filesystem and where it was found. */
  public record Opened(RofsReader rofs, long offset, Optional<String> commandLine) implements AutoCloseable {

    /** Every entry, depth-first from the root. */
    public List<Listed> list() {
      return rofs.list().stream().map(this::listed).toList();
    }

    /** The entries of one directory (or the entry itself, if {@code path} is not a directory). */
    public List<Listed> list(String path) {
      RofsInode inode = rofs.lookup(path).orElseThrow(() -> new OsvException("no such path in the image: " + path));
      if (inode.type() != RofsInode.Type.DIRECTORY) {
        return List.of(listed(new RofsEntry(path, inode)));
      }
      return rofs.children(path, inode).stream().map(this::listed).toList();
    }

    private Listed listed(RofsEntry e) {
      RofsInode inode = e.inode();
      return switch (inode.type()) {
        case DIRECTORY -> new Listed('d', e.path(), 0, null);
        case REGULAR -> new Listed('f', e.path(), inode.count(), null);
        case SYMLINK -> new Listed('l', e.path(), 0, rofs.readlink(inode));
        case UNKNOWN -> new Listed('?', e.path(), 0, null);
      };
    }

    @Override
    public void close() throws IOException {
      rofs.close();
    }
  }

  public static Opened open(Path image) throws IOException {
    if (!Files.isRegularFile(image)) {
      throw new OsvException("no such image: " + image);
    }
    if (Qcow2Reader.isQcow2(image)) {
      throw new OsvException(image + " is a qcow2 image; inspect the raw .img built next to it",
          "or convert it: qemu-img convert -O raw " + image + " disk.img");
    }
    if (startsWithRofsMagic(image)) {
      return new Opened(RofsReader.open(image), 0, Optional.empty());
    }
    MbrPartitionTable table = MbrPartitionTable.read(image);
    MbrPartitionEntry partition = table.osvPartition(2).orElseThrow(() -> new OsvException(
        image + " is neither a ROFS image nor a disk with a partition in MBR slot 2"));
    Optional<String> cmdline = AssembledDisk.read(image).commandLine();
    if (!rofsMagicAt(image, partition.offset())) {
      throw new OsvException("partition 2 of " + image + " holds no ROFS filesystem",
          cmdline.filter(c -> c.contains("--rootfs=zfs")).isPresent() || partition.size() >= 64L << 20
              ? "if it is a ZFS pool, check it with: osv zfs verify " + image
              : null);
    }
    return new Opened(RofsReader.open(image, partition.offset()), partition.offset(), cmdline);
  }

  private static boolean startsWithRofsMagic(Path image) throws IOException {
    return rofsMagicAt(image, 0);
  }

  private static boolean rofsMagicAt(Path image, long offset) throws IOException {
    byte[] head = new byte[8];
    try (InputStream in = Files.newInputStream(image)) {
      in.skipNBytes(offset);
      if (in.readNBytes(head, 0, 8) < 8) {
        return false;
      }
    } catch (java.io.EOFException e) {
      return false;
    }
    return ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getLong() == RofsFormat.MAGIC;
  }
}
