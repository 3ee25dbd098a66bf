package io.osvmaven.core.zfs;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.Node;
import io.osvmaven.core.tree.ReadAhead;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import io.osvmaven.core.tree.TreeVisitor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the ZPL (v4, znodes in bonus buffers) object set of the root dataset: master node, delete
 * queue, then the tree's objects numbered in walk order from the root directory (object 3). File data
 * is streamed block by block.
 */
final class ZplWriter {

  static final int MAX_BLOCK = 128 << 10;
  static final int MAX_NAME = 255;
  static final int MAX_SYMLINK = 1023;
  private static final long MASTER_NODE = 1;
  private static final long DELETE_QUEUE = 2;
  private static final long ROOT = 3;
  private static final int DT_DIR = 4;
  private static final int DT_REG = 8;
  private static final int DT_LNK = 10;
  private static final int INLINE_SYMLINK = Dnode.MAX_BONUS - Znode.SIZE;
  private static final long SALT_PURPOSE = 0x5a17;
  private static final long USERUSED_SALT = -1;
  private static final long GROUPUSED_SALT = -2;

  /** A directory entry: name, object number and directory-entry type. */
  private record Entry(byte[] name, long object, int type) {}

  /**
   * What the first walk learns: every directory's entries (in walk order, consumed by {@link #write})
   * and the sizes.
   */
  static final class Plan {
    private final Deque<List<Entry>> directories = new ArrayDeque<>();
    private long maxObject = ROOT;
    private long bytes;

    long maxObject() {
      return maxObject;
    }

    /**
     * Bytes of the object set's blocks if no file block is a hole; the space the allocator skips at
     * 128K boundaries comes on top.
     */
    long bytes() {
      return bytes;
    }
  }

  private final PoolImage image;
  private final Map<Long, Long> userUsed = new TreeMap<>();
  private final Map<Long, Long> groupUsed = new TreeMap<>();
  private final long seed;
  private final long ctime;
  private final int zplVersion;

  ZplWriter(PoolImage image, long seed, long ctime, int zplVersion) {
    this.image = image;
    this.seed = seed;
    this.ctime = ctime;
    this.zplVersion = zplVersion;
  }

  private static long salt(long seed, long object) {
    return Seeds.derive(seed, SALT_PURPOSE, object);
  }

  static Plan plan(FileTree tree, long seed) throws IOException {
    Plan plan = new Plan();
    Deque<List<Entry>> open = new ArrayDeque<>();
    Deque<Long> openObjects = new ArrayDeque<>();
    tree.walk(new TreeVisitor() {
      @Override
      public void preVisitDirectory(String path, Directory dir) {
        List<Entry> entries = new ArrayList<>(dir.size());
        long object = open.isEmpty() ? ROOT : entry(path, dir, DT_DIR);
        open.push(entries);
        openObjects.push(object);
        plan.directories.add(entries);
      }

      @Override
      public void postVisitDirectory(String path, Directory dir) {
        List<Entry> entries = open.pop();
        long object = openObjects.pop();
        try {
          plan.bytes += ZapObject.bytes(salt(seed, object), zapEntries(entries), 1);
        } catch (IllegalArgumentException e) {
          throw new OsvException("directory " + path + " has " + entries.size() + " entries, more than "
              + "this ZFS writer can index (" + e.getMessage() + ")", "split the directory");
        }
      }

      @Override
      public void visitFile(String path, RegularFile file) {
        entry(path, file, DT_REG);
        plan.bytes += fileBytes(file.size());
      }

      @Override
      public void visitSymlink(String path, Symlink link) {
        entry(path, link, DT_LNK);
        int length = link.target().getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_SYMLINK) {
          throw new OsvException("symlink " + path + ": target is " + length + " bytes, ZFS allows "
              + MAX_SYMLINK, "shorten the link target");
        }
        if (length > INLINE_SYMLINK) {
          plan.bytes += roundUp(length, PoolImage.SECTOR);
        }
      }

      private long entry(String path, Node node, int type) {
        byte[] name = node.name().getBytes(StandardCharsets.UTF_8);
        if (name.length > MAX_NAME || node.name().indexOf('\0') >= 0) {
          throw new OsvException("entry " + path + ": a ZFS name has at most " + MAX_NAME
              + " bytes and no NUL (this one has " + name.length + ")", "rename the entry");
        }
        long object = ++plan.maxObject;
        open.peek().add(new Entry(name, object, type));
        return object;
      }
    });
    plan.bytes += 4 * PoolImage.SECTOR + ObjectSetWriter.metaBytes(plan.maxObject, true)
        + ObjectSetWriter.OBJSET_SIZE;
    return plan;
  }

  static long fileBytes(long size) {
    if (size == 0) {
      return 0;
    }
    if (size <= MAX_BLOCK) {
      return roundUp(size, PoolImage.SECTOR);
    }
    long blocks = (size + MAX_BLOCK - 1) / MAX_BLOCK;
    return blocks * MAX_BLOCK
        + BlockTree.indirectBlocksFor(blocks, BlockTree.levelsFor(blocks, 1)) * BlockTree.INDIRECT_SIZE;
  }

  private static long roundUp(long n, long to) {
    return (n + to - 1) / to * to;
  }

  private static List<ZapEntry> zapEntries(List<Entry> entries) {
    List<ZapEntry> zap = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      zap.add(ZapEntry.of(e.name, e.object | ((long) e.type << 60)));
    }
    return zap;
  }

  /** Writes every object and the objset block; returns the objset's block pointer. */
  BlockPointer write(FileTree tree, Plan plan) throws IOException {
    ObjectSetWriter objset = new ObjectSetWriter(image, plan.maxObject, true);
    objset.add(MASTER_NODE, ZapObject.write(image, DmuType.MASTER_NODE, salt(seed, MASTER_NODE), List.of(
        ZapEntry.of("VERSION", zplVersion), ZapEntry.of("ROOT", ROOT),
        ZapEntry.of("DELETE_QUEUE", DELETE_QUEUE), ZapEntry.of("normalization", 0),
        ZapEntry.of("utf8only", 0), ZapEntry.of("casesensitivity", 0))).accounted());
    objset.add(DELETE_QUEUE, ZapObject.write(image, DmuType.UNLINKED_SET, salt(seed, DELETE_QUEUE),
        List.of()).accounted());
    Deque<Long> parents = new ArrayDeque<>();
    long[] next = {ROOT};
    List<RegularFile> files = new ArrayList<>();
    tree.walk(new TreeVisitor() {
      @Override
      public void visitFile(String path, RegularFile file) {
        files.add(file);
      }
    });
    int[] fileIndex = {0};
    try (ReadAhead readAhead = new ReadAhead(files)) {
      tree.walk(new TreeVisitor() {
        @Override
        public void preVisitDirectory(String path, Directory dir) throws IOException {
          long object = next[0]++;
          long parent = parents.isEmpty() ? object : parents.peek();
          List<Entry> entries = plan.directories.poll();
          long subdirs = entries.stream().filter(e -> e.type == DT_DIR).count();
          byte[] znode = Znode.build(Znode.S_IFDIR | dir.attributes().mode(), entries.size() + 2, parent,
              subdirs + 2, dir.attributes().uid(), dir.attributes().gid(), dir.attributes().mtimeSeconds(),
              ctime, new byte[0]);
          objset.add(object, charge(ZapObject.write(image, DmuType.DIRECTORY_CONTENTS, salt(seed, object),
              zapEntries(entries), DmuType.ZNODE, znode), dir));
          parents.push(object);
        }

        @Override
        public void postVisitDirectory(String path, Directory dir) {
          parents.pop();
        }

        @Override
        public void visitFile(String path, RegularFile file) throws IOException {
          long object = next[0]++;
          byte[] znode = Znode.build(Znode.S_IFREG | file.attributes().mode(), file.size(), parents.peek(),
              1, file.attributes().uid(), file.attributes().gid(), file.attributes().mtimeSeconds(), ctime,
              new byte[0]);
          Dnode dnode = new Dnode(DmuType.PLAIN_FILE_CONTENTS, DmuType.ZNODE, znode.length).bonus(znode);
          int index = fileIndex[0]++;
          if (ReadAhead.isSmall(file)) {
            byte[] content;
            try {
              content = readAhead.take(index);
            } catch (IOException e) {
              throw new OsvException("cannot read " + file.source() + " (for " + path + "): " + e, null, e);
            }
            writeSmallFileData(path, file, content, dnode);
          } else {
            writeFileData(path, file, dnode);
          }
          objset.add(object, charge(dnode, file));
        }

        @Override
        public void visitSymlink(String path, Symlink link) throws IOException {
          long object = next[0]++;
          byte[] target = link.target().getBytes(StandardCharsets.UTF_8);
          boolean inline = target.length <= INLINE_SYMLINK;
          byte[] znode = Znode.build(Znode.S_IFLNK | link.attributes().mode(), target.length, parents.peek(),
              1, link.attributes().uid(), link.attributes().gid(), link.attributes().mtimeSeconds(), ctime,
              inline ? target : new byte[0]);
          Dnode dnode = new Dnode(DmuType.PLAIN_FILE_CONTENTS, DmuType.ZNODE, znode.length).bonus(znode);
          if (inline) {
            dnode.empty(PoolImage.SECTOR);
          } else {
            ByteBuffer block = PoolImage.newBlock((int) roundUp(target.length, PoolImage.SECTOR));
            block.put(0, target);
            BlockPointer bp = image.write(block, DmuType.PLAIN_FILE_CONTENTS, 0, 1);
            dnode.blocks(block.limit(), 1, 0, bp.size(), new BlockPointer[] {bp});
          }
          objset.add(object, charge(dnode, link));
        }
      });
    }
    Dnode users = ZapObject.write(image, DmuType.USERGROUP_USED, salt(seed, USERUSED_SALT), usage(userUsed));
    Dnode groups = ZapObject.write(image, DmuType.USERGROUP_USED, salt(seed, GROUPUSED_SALT),
        usage(groupUsed));
    return objset.finish(ObjectSetWriter.OST_ZFS, users, groups);
  }

  /**
   * Counts a znode object in the user and group space accounting as ZFS does: its dnode plus its
   * blocks, under the owner's and group's ids (ZAP keys in lowercase hex).
   */
  private Dnode charge(Dnode dnode, Node node) {
    long bytes = Dnode.SIZE + dnode.used();
    userUsed.merge(Integer.toUnsignedLong(node.attributes().uid()), bytes, Long::sum);
    groupUsed.merge(Integer.toUnsignedLong(node.attributes().gid()), bytes, Long::sum);
    return dnode.accounted();
  }

  private static List<ZapEntry> usage(Map<Long, Long> byId) {
    List<ZapEntry> entries = new ArrayList<>();
    byId.forEach((id, bytes) -> entries.add(ZapEntry.of(Long.toHexString(id), bytes)));
    return entries;
  }

  /** A file of at most one block whose bytes were read ahead. */
  private void writeSmallFileData(String path, RegularFile file, byte[] content, Dnode dnode)
      throws IOException {
    if (content.length != file.size()) {
      throw new OsvException(file.source() + " (for " + path + ") changed size while the image was "
          + "written (expected " + file.size() + " bytes)", "rebuild once the file is stable");
    }
    if (content.length == 0) {
      dnode.empty(PoolImage.SECTOR);
      return;
    }
    int blockSize = (int) Math.max(PoolImage.SECTOR, roundUp(file.size(), PoolImage.SECTOR));
    ByteBuffer block = PoolImage.newBlock(blockSize);
    block.put(0, content);
    BlockTree tree = new BlockTree(image, DmuType.PLAIN_FILE_CONTENTS, BlockTree.levelsFor(1, 1), 1);
    tree.add(isZero(block, blockSize) ? BlockPointer.HOLE
        : image.write(block.position(0), DmuType.PLAIN_FILE_CONTENTS, 0, 1));
    dnode.blocks(blockSize, 0, tree.finish());
  }

  private void writeFileData(String path, RegularFile file, Dnode dnode) throws IOException {
    long size = file.size();
    int blockSize = size <= MAX_BLOCK ? (int) Math.max(PoolImage.SECTOR, roundUp(size, PoolImage.SECTOR))
        : MAX_BLOCK;
    long blocks = (size + blockSize - 1) / blockSize;
    try (SourceFile in = new SourceFile(path, file)) {
      if (size == 0) {
        dnode.empty(blockSize);
        in.expectEnd();
        return;
      }
      BlockTree tree = new BlockTree(image, DmuType.PLAIN_FILE_CONTENTS, BlockTree.levelsFor(blocks, 1), 1);
      ByteBuffer block = PoolImage.newBlock(blockSize);
      for (long i = 0; i < blocks; i++) {
        int length = (int) Math.min(blockSize, size - i * blockSize);
        block.clear();
        in.readFully(block, length);
        tree.add(isZero(block, blockSize) ? BlockPointer.HOLE
            : image.write(block.position(0), DmuType.PLAIN_FILE_CONTENTS, 0, 1));
      }
      in.expectEnd();
      dnode.blocks(blockSize, blocks - 1, tree.finish());
    }
  }

  /** A tree file's host source; read errors and size changes become {@link OsvException}s. */
  private static final class SourceFile implements AutoCloseable {
    private final String path;
    private final RegularFile file;
    private final FileChannel channel;

    SourceFile(String path, RegularFile file) {
      this.path = path;
      this.file = file;
      try {
        this.channel = FileChannel.open(file.source(), StandardOpenOption.READ);
      } catch (IOException e) {
        throw unreadable(e);
      }
    }

    /** Reads {@code length} bytes into the block and zeroes the rest of it. */
    void readFully(ByteBuffer block, int length) {
      block.limit(length);
      try {
        while (block.hasRemaining()) {
          if (channel.read(block) < 0) {
            throw changed();
          }
        }
      } catch (IOException e) {
        throw unreadable(e);
      }
      block.limit(block.capacity());
      for (int j = length; j < block.capacity(); j++) {
        block.put(j, (byte) 0);
      }
    }

    void expectEnd() {
      try {
        if (channel.read(ByteBuffer.allocate(1)) > 0) {
          throw changed();
        }
      } catch (IOException e) {
        throw unreadable(e);
      }
    }

    private OsvException changed() {
      return new OsvException(file.source() + " (for " + path + ") changed size while the image was "
          + "written (expected " + file.size() + " bytes)", "rebuild once the file is stable");
    }

    private OsvException unreadable(IOException e) {
      return new OsvException("cannot read " + file.source() + " (for " + path + "): " + e, null, e);
    }

    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        throw unreadable(e);
      }
    }
  }

  private static boolean isZero(ByteBuffer block, int length) {
    int j = 0;
    for (; j + 8 <= length; j += 8) {
      if (block.getLong(j) != 0) {
        return false;
      }
    }
    for (; j < length; j++) {
      if (block.get(j) != 0) {
        return false;
      }
    }
    return true;
  }
}
