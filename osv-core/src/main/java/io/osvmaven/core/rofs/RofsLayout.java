package io.osvmaven.core.rofs;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import io.osvmaven.core.tree.TreeVisitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where everything of a tree goes in a ROFS image, computed from the tree alone (sizes are recorded in
 * it), so the superblock can be written first and file data streamed straight after it.
 *
 * <p>gen-rofs-img.py numbers inodes while descending (pre-order) but appends a directory's entries only
 * once its whole sub-tree is done (post-order). One walk gives both: a directory's inode is allocated in
 * preVisitDirectory, its entries are collected on a stack and flushed to the table in
 * postVisitDirectory.
 */
final class RofsLayout {

  /** One inode; directories get their table position only when they are left. */
  static final class Inode {
    final long mode;
    final long number;
    long dataOffset;
    long count;

    Inode(long mode, long number) {
      this.mode = mode;
      this.number = number;
    }
  }

  record DirEntry(byte[] name, long inode) {}

  /** A file's content and the block it starts at. */
  record Extent(String guestPath, RegularFile file, long firstBlock) {}

  final List<Inode> inodes = new ArrayList<>();
  final List<DirEntry> dirEntries = new ArrayList<>();
  final List<byte[]> symlinks = new ArrayList<>();
  final List<Extent> extents = new ArrayList<>();
  long firstTableBlock;
  long tableBytes;
  long fileBytes;

  private RofsLayout() {}

  /** Lays out {@code tree} in its own child order, or fails on a limit the format cannot hold. */
  static RofsLayout of(FileTree tree) {
    RofsLayout layout = new RofsLayout();
    Planner planner = layout.new Planner();
    try {
      tree.walk(planner);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    layout.firstTableBlock = planner.nextBlock;
    layout.tableBytes = layout.computeTableBytes();
    long imageBlocks = layout.firstTableBlock + layout.tableBlocks();
    if (imageBlocks > RofsFormat.MAX_IMAGE_BLOCKS) {
      throw new OsvException("the ROFS image would have " + imageBlocks + " blocks of 512 bytes, more than "
          + "an MBR partition can address (" + RofsFormat.MAX_IMAGE_BLOCKS + " sectors)",
          "put less data into the image, or large data onto a separate data disk");
    }
    return layout;
  }

  long tableBlocks() {
    return RofsFormat.blocksFor(tableBytes);
  }

  long imageBlocks() {
    return firstTableBlock + tableBlocks();
  }

  private long computeTableBytes() {
    long bytes = 0;
    for (DirEntry e : dirEntries) {
      bytes += RofsFormat.DIR_ENTRY_HEADER_BYTES + e.name().length;
    }
    for (byte[] s : symlinks) {
      bytes += RofsFormat.SYMLINK_HEADER_BYTES + s.length;
    }
    return bytes + (long) RofsFormat.INODE_BYTES * inodes.size();
  }

  private final class Planner implements TreeVisitor {

    private record Frame(Inode inode, List<DirEntry> entries) {}

    private final Deque<Frame> open = new ArrayDeque<>();
    private long nextBlock = 1;

    private Inode allocate(long mode) {
      Inode inode = new Inode(mode, inodes.size() + 1L);
      inodes.add(inode);
      return inode;
    }

    private void enter(String path, String name, Inode inode) {
      open.peek().entries().add(new DirEntry(nameBytes(path, name), inode.number));
    }

    @Override
    public void preVisitDirectory(String path, Directory dir) {
      Inode inode = allocate(RofsFormat.MODE_DIRECTORY);
      if (!open.isEmpty()) {
        enter(path, dir.name(), inode);
      }
      open.push(new Frame(inode, new ArrayList<>()));
    }

    @Override
    public void postVisitDirectory(String path, Directory dir) {
      Frame frame = open.pop();
      frame.inode().dataOffset = dirEntries.size();
      frame.inode().count = frame.entries().size();
      dirEntries.addAll(frame.entries());
    }

    @Override
    public void visitFile(String path, RegularFile file) {
      Inode inode = allocate(RofsFormat.MODE_REGULAR);
      enter(path, file.name(), inode);
      inode.dataOffset = nextBlock;
      inode.count = file.size();
      extents.add(new Extent(path, file, nextBlock));
      nextBlock += RofsFormat.blocksFor(file.size());
      fileBytes += file.size();
    }

    @Override
    public void visitSymlink(String path, Symlink link) {
      Inode inode = allocate(RofsFormat.MODE_SYMLINK);
      enter(path, link.name(), inode);
      byte[] target = link.target().getBytes(StandardCharsets.UTF_8);
      if (target.length > RofsFormat.MAX_NAME_BYTES) {
        throw new OsvException("symlink " + path + ": target is " + target.length
            + " bytes long; ROFS stores at most " + RofsFormat.MAX_NAME_BYTES);
      }
      inode.dataOffset = symlinks.size();
      inode.count = 1;
      symlinks.add(target);
    }

    private byte[] nameBytes(String path, String name) {
      if (name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
        throw new OsvException("guest path " + path + ": '" + name.replace("\0", "\\0")
            + "' cannot be stored as a ROFS entry name");
      }
      byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
      if (bytes.length > RofsFormat.MAX_NAME_BYTES) {
        throw new OsvException("guest path " + path + ": name is " + bytes.length
            + " bytes long; ROFS stores at most " + RofsFormat.MAX_NAME_BYTES);
      }
      return bytes;
    }
  }
}
