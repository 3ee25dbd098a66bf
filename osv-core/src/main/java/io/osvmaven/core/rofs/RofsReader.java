package io.osvmaven.core.rofs;

import io.osvmaven.core.OsvException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a ROFS image, the way OSv's kernel mounts it (fs/rofs/rofs_vfsops.cc): the superblock is checked,
 * then the three tables are parsed with bounds checks. The image may be a partition inside a larger disk
 * image: give the byte offset where the partition starts.
 */
public final class RofsReader implements Closeable {

  /** A directory entry as stored: the name and the inode number it points to. */
  record StoredEntry(long inode, String name) {}

  private final Path image;
  private final long start;
  private final FileChannel channel;
  private final RofsSuperblock superblock;
  private final List<StoredEntry> entries;
  private final List<String> symlinks;
  private final List<RofsInode> inodes;
  private final long[] storedInodeNumbers;

  private RofsReader(Path image, long start, FileChannel channel) throws IOException {
    this.image = image;
    this.start = start;
    this.channel = channel;
    long available = channel.size() - start;
    if (available < RofsFormat.BLOCK_SIZE) {
      throw invalid("too small to hold a superblock (" + Math.max(available, 0) + " bytes)");
    }
    this.superblock = RofsSuperblock.decode(readAt(0, RofsFormat.SUPERBLOCK_BYTES));
    validateSuperblock(available);
    ByteBuffer tables = readAt(superblock.firstTableBlock() * RofsFormat.BLOCK_SIZE,
        (int) (superblock.tableBlocks() * RofsFormat.BLOCK_SIZE));
    int entryCount = (int) superblock.dirEntriesCount();
    this.entries = new ArrayList<>(entryCount);
    for (int i = 0; i < entryCount; i++) {
      long inode = need(tables, 10, "directory entry " + i).getLong();
      int length = Short.toUnsignedInt(tables.getShort());
      entries.add(new StoredEntry(inode, utf8(need(tables, length, "directory entry " + i), length)));
    }
    int symlinkCount = (int) superblock.symlinksCount();
    this.symlinks = new ArrayList<>(symlinkCount);
    for (int i = 0; i < symlinkCount; i++) {
      int length = Short.toUnsignedInt(need(tables, 2, "symlink " + i).getShort());
      symlinks.add(utf8(need(tables, length, "symlink " + i), length));
    }
    int inodeCount = (int) superblock.inodesCount();
    this.inodes = new ArrayList<>(inodeCount);
    this.storedInodeNumbers = new long[inodeCount];
    for (int i = 0; i < inodeCount; i++) {
      need(tables, RofsFormat.INODE_BYTES, "inode " + (i + 1));
      long mode = tables.getLong();
      storedInodeNumbers[i] = tables.getLong();
      inodes.add(new RofsInode(i + 1L, mode, tables.getLong(), tables.getLong()));
    }
  }

  /** Opens an image file that holds just the filesystem. */
  public static RofsReader open(Path image) throws IOException {
    return open(image, 0);
  }

  /**
   * Opens the filesystem that starts {@code startOffset} bytes into {@code image} (a partition).
   *
   * @throws OsvException if the superblock or the tables are invalid
   */
  public static RofsReader open(Path image, long startOffset) throws IOException {
    if (startOffset < 0) {
      throw new IllegalArgumentException("negative start offset " + startOffset);
    }
    FileChannel channel = FileChannel.open(image, StandardOpenOption.READ);
    try {
      return new RofsReader(image, startOffset, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private void validateSuperblock(long available) {
    RofsSuperblock sb = superblock;
    if (sb.magic() != RofsFormat.MAGIC) {
      throw invalid("bad magic 0x" + Long.toHexString(sb.magic()) + " (expected 0xdeadbead)");
    }
    if (sb.version() != RofsFormat.VERSION) {
      throw invalid("unsupported version " + Long.toUnsignedString(sb.version()));
    }
    if (sb.blockSize() != RofsFormat.BLOCK_SIZE) {
      throw invalid("block size " + Long.toUnsignedString(sb.blockSize()) + " (OSv only reads 512)");
    }
    long blocks = available / RofsFormat.BLOCK_SIZE;
    if (sb.firstTableBlock() < 1 || Long.compareUnsigned(sb.firstTableBlock(), blocks) >= 0) {
      throw invalid("first table block " + Long.toUnsignedString(sb.firstTableBlock())
          + " is outside the image (" + blocks + " blocks)");
    }
    if (sb.tableBlocks() <= 0 || sb.tableBlocks() > blocks - sb.firstTableBlock()) {
      throw invalid("table block count " + Long.toUnsignedString(sb.tableBlocks())
          + " does not fit in the image (" + blocks + " blocks, tables start at block "
          + sb.firstTableBlock() + ")");
    }
    if (sb.tableBlocks() > (Integer.MAX_VALUE - RofsFormat.BLOCK_SIZE) / RofsFormat.BLOCK_SIZE) {
      throw invalid("tables of " + sb.tableBlocks() + " blocks are too large to read");
    }
    long limit = sb.tableBlocks() * RofsFormat.BLOCK_SIZE;
    checkCount("directory entries", sb.dirEntriesCount(), RofsFormat.DIR_ENTRY_HEADER_BYTES, limit);
    checkCount("symlinks", sb.symlinksCount(), RofsFormat.SYMLINK_HEADER_BYTES, limit);
    checkCount("inodes", sb.inodesCount(), RofsFormat.INODE_BYTES, limit);
    if (sb.inodesCount() < 1) {
      throw invalid("no inodes (the root directory is inode 1)");
    }
  }

  /** Rejects counts that could not possibly fit in the tables before allocating anything for them. */
  private void checkCount(String what, long count, int minBytes, long limit) {
    if (count < 0 || count > limit / minBytes) {
      throw invalid(Long.toUnsignedString(count) + " " + what + " cannot fit in " + limit
          + " bytes of tables");
    }
  }

  private ByteBuffer need(ByteBuffer tables, int bytes, String what) {
    if (tables.remaining() < bytes) {
      throw invalid(what + " runs past the end of the tables (" + tables.capacity() + " bytes)");
    }
    return tables;
  }

  private static String utf8(ByteBuffer buf, int length) {
    byte[] bytes = new byte[length];
    buf.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private ByteBuffer readAt(long offset, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    long position = start + offset;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, position + buf.position());
      if (n < 0) {
        throw invalid("ends before byte " + (offset + length));
      }
    }
    return buf.flip();
  }

  private OsvException invalid(String problem) {
    return new OsvException(where() + " is not a valid ROFS image: " + problem);
  }

  private String where() {
    return start == 0 ? image.toString() : image + " (at offset " + start + ")";
  }

  public RofsSuperblock superblock() {
    return superblock;
  }

  /** All inodes in table order: element i is inode i + 1. */
  public List<RofsInode> inodes() {
    return Collections.unmodifiableList(inodes);
  }

  public RofsInode root() {
    return inodes.get(0);
  }

  /** The entries of the directory at {@code dirPath}, in stored order. */
  public List<RofsEntry> children(String dirPath) {
    return children(dirPath, require(dirPath, RofsInode.Type.DIRECTORY));
  }

  /** The entries of a directory in stored order, with paths below {@code dirPath}. */
  public List<RofsEntry> children(String dirPath, RofsInode dir) {
    String prefix = dirPath.equals("/") ? "/" : dirPath + "/";
    List<RofsEntry> result = new ArrayList<>();
    for (StoredEntry entry : storedChildren(dirPath, dir)) {
      result.add(new RofsEntry(prefix + entry.name(), inode(entry.inode(), prefix + entry.name())));
    }
    return result;
  }

  private List<StoredEntry> storedChildren(String dirPath, RofsInode dir) {
    if (dir.type() != RofsInode.Type.DIRECTORY) {
      throw new OsvException(where() + ": " + dirPath + " is not a directory");
    }
    if (dir.dataOffset() < 0 || dir.count() < 0
        || dir.dataOffset() > entries.size() - dir.count()) {
      throw invalid("directory " + dirPath + " has entries " + dir.dataOffset() + "+" + dir.count()
          + " beyond the " + entries.size() + " in the table");
    }
    return entries.subList((int) dir.dataOffset(), (int) (dir.dataOffset() + dir.count()));
  }

  private RofsInode inode(long number, String path) {
    if (number < 1 || number > inodes.size()) {
      throw invalid(path + " refers to inode " + Long.toUnsignedString(number) + " of "
          + inodes.size());
    }
    return inodes.get((int) (number - 1));
  }

  /** Every entry, root first, depth-first in stored order (directories before their contents). */
  public List<RofsEntry> list() {
    List<RofsEntry> result = new ArrayList<>();
    Set<Long> seenDirs = new HashSet<>();
    Deque<RofsEntry> pending = new ArrayDeque<>();
    pending.push(new RofsEntry("/", root()));
    while (!pending.isEmpty()) {
      RofsEntry entry = pending.pop();
      result.add(entry);
      if (entry.inode().type() == RofsInode.Type.DIRECTORY) {
        if (!seenDirs.add(entry.inode().number())) {
          throw invalid("directory inode " + entry.inode().number() + " is reachable twice (at "
              + entry.path() + ")");
        }
        List<RofsEntry> kids = children(entry.path(), entry.inode());
        for (int i = kids.size() - 1; i >= 0; i--) {
          pending.push(kids.get(i));
        }
      }
    }
    return result;
  }

  /** The inode at an absolute guest path (symlinks are not followed), if there is one. */
  public Optional<RofsInode> lookup(String path) {
    RofsInode node = root();
    String at = "/";
    for (String part : path.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (node.type() != RofsInode.Type.DIRECTORY) {
        return Optional.empty();
      }
      RofsInode next = null;
      String childPath = at.equals("/") ? "/" + part : at + "/" + part;
      for (StoredEntry entry : storedChildren(at, node)) {
        if (entry.name().equals(part)) {
          next = inode(entry.inode(), childPath);
          break;
        }
      }
      if (next == null) {
        return Optional.empty();
      }
      node = next;
      at = childPath;
    }
    return Optional.of(node);
  }

  private RofsInode require(String path, RofsInode.Type type) {
    RofsInode inode = lookup(path)
        .orElseThrow(() -> new OsvException(where() + ": no entry " + path));
    if (inode.type() != type) {
      throw new OsvException(where() + ": " + path + " is a " + inode.type() + ", not a " + type);
    }
    return inode;
  }

  /** The target of the symlink at {@code path}. */
  public String readlink(String path) {
    return readlink(require(path, RofsInode.Type.SYMLINK));
  }

  public String readlink(RofsInode link) {
    if (link.type() != RofsInode.Type.SYMLINK) {
      throw new OsvException(where() + ": inode " + link.number() + " is not a symlink");
    }
    if (link.dataOffset() < 0 || link.dataOffset() >= symlinks.size()) {
      throw invalid("symlink inode " + link.number() + " points at symlink " + link.dataOffset()
          + " of " + symlinks.size());
    }
    return symlinks.get((int) link.dataOffset());
  }

  /** Streams the content of the file at {@code path}; close the stream, the reader stays open. */
  public InputStream openFile(String path) {
    return openFile(require(path, RofsInode.Type.REGULAR));
  }

  public InputStream openFile(RofsInode file) {
    if (file.type() != RofsInode.Type.REGULAR) {
      throw new OsvException(where() + ": inode " + file.number() + " is not a regular file");
    }
    if (file.count() > 0 && (file.dataOffset() < 1
        || file.dataOffset() > superblock.firstTableBlock() - file.dataBlocks())) {
      throw invalid("file inode " + file.number() + " has data blocks " + file.dataOffset() + "+"
          + file.dataBlocks() + " outside the data area (blocks 1 to "
          + (superblock.firstTableBlock() - 1) + ")");
    }
    return new ChannelSliceInputStream(channel, start + file.dataOffset() * RofsFormat.BLOCK_SIZE,
        file.count());
  }

  /**
   * Checks what the kernel relies on but the mount does not check: inode numbers, table indexes, data
   * extents inside the data area and not overlapping, every inode reachable exactly once, names that a
   * lookup can find.
   *
   * @return one message per problem; empty for a sound image
   */
  public List<String> verify() {
    return new RofsVerifier(superblock, entries, symlinks.size(), inodes, storedInodeNumbers).verify();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
