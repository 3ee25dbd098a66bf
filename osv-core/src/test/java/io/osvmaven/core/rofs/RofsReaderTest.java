package io.osvmaven.core.rofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.tree.Attributes;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import io.osvmaven.core.tree.TreeVisitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RofsReaderTest {

  @TempDir
  Path dir;

  private int hostFiles;

  private RegularFile file(String name, byte[] content) throws IOException {
    Path host = Files.write(dir.resolve("host" + hostFiles++), content);
    return new RegularFile(name, host, content.length, Attributes.FILE);
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private FileTree sampleTree() throws IOException {
    FileTree tree = new FileTree();
    Directory lib = tree.mkdirs("/usr/lib", Attributes.DIRECTORY);
    lib.put(file("big.so", random(100_000, 1)));
    lib.put(file("one-block", random(512, 2)));
    lib.put(file("block-and-a-byte", random(513, 3)));
    lib.put(new Symlink("libz.so.1", "big.so", Attributes.SYMLINK));
    tree.mkdirs("/etc", Attributes.DIRECTORY).put(file("empty", new byte[0]));
    tree.mkdirs("/etc", Attributes.DIRECTORY).put(new Symlink("mnttab", "/proc/mounts", Attributes.SYMLINK));
    tree.mkdirs("/dev", Attributes.DIRECTORY);
    tree.mkdirs("/a/b/c/d", Attributes.DIRECTORY).put(file("\u65e5\u672c", random(7, 4)));
    tree.root().put(file("tiny", random(1, 5)));
    return tree;
  }

  /** One line per entry: path, type, and size plus content or link target, in walk order. */
  private static List<String> describe(FileTree tree) throws IOException {
    List<String> lines = new ArrayList<>();
    tree.walk(new TreeVisitor() {
      @Override
      public void preVisitDirectory(String path, Directory d) {
        lines.add(path + " DIRECTORY " + d.size());
      }

      @Override
      public void visitFile(String path, RegularFile f) throws IOException {
        lines.add(path + " REGULAR " + f.size() + " " + hex(Files.readAllBytes(f.source())));
      }

      @Override
      public void visitSymlink(String path, Symlink link) {
        lines.add(path + " SYMLINK " + link.target());
      }
    });
    return lines;
  }

  private static List<String> describe(RofsReader reader) throws IOException {
    List<String> lines = new ArrayList<>();
    for (RofsEntry entry : reader.list()) {
      RofsInode inode = entry.inode();
      switch (inode.type()) {
        case DIRECTORY -> lines.add(entry.path() + " DIRECTORY " + inode.count());
        case REGULAR -> {
          try (InputStream in = reader.openFile(inode)) {
            lines.add(entry.path() + " REGULAR " + inode.count() + " " + hex(in.readAllBytes()));
          }
        }
        case SYMLINK -> lines.add(entry.path() + " SYMLINK " + reader.readlink(inode));
        default -> lines.add(entry.path() + " " + inode.type());
      }
    }
    return lines;
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }

  private Path writeImage(FileTree tree) throws IOException {
    Path image = dir.resolve("rofs-" + hostFiles++ + ".img");
    new RofsWriter().write(tree, image);
    return image;
  }

  @Test
  void readsBackWhatWasWritten() throws IOException {
    FileTree tree = sampleTree();
    Path image = writeImage(tree);

    try (RofsReader reader = RofsReader.open(image)) {
      assertThat(describe(reader)).isEqualTo(describe(tree));
      assertThat(reader.verify()).isEmpty();
    }
  }

  @Test
  void readsBackASortedTreeInSortedOrder() throws IOException {
    FileTree tree = sampleTree().sorted();
    Path image = writeImage(tree);

    try (RofsReader reader = RofsReader.open(image)) {
      assertThat(describe(reader)).isEqualTo(describe(tree));
    }
  }

  @Test
  void looksUpPathsReadsFilesAndLinks() throws IOException {
    Path image = dir.resolve("example.img");
    Files.write(image, WorkedExample.expectedImage());

    try (RofsReader reader = RofsReader.open(image)) {
      assertThat(reader.superblock()).isEqualTo(
          new RofsSuperblock(0xDEADBEADL, 1, 512, 6, 1, 10, 1, 11));
      assertThat(reader.lookup("/x/sub/b.bin")).contains(new RofsInode(11, 0x8000, 4, 600));
      assertThat(reader.lookup("/x/sub/nope")).isEmpty();
      assertThat(reader.lookup("/etc/hosts/deeper")).isEmpty();
      assertThat(reader.readlink("/etc/mnttab")).isEqualTo("/proc/mounts");
      try (InputStream in = reader.openFile("/data/b.bin")) {
        assertThat(in.readAllBytes()).isEqualTo(WorkedExample.binContent());
      }
      try (InputStream in = reader.openFile("/data/empty")) {
        assertThat(in.readAllBytes()).isEmpty();
      }
      assertThat(reader.children("/x/sub")).extracting(RofsEntry::path).containsExactly("/x/sub/b.bin");
      assertThat(reader.children("/", reader.root())).extracting(RofsEntry::path)
          .containsExactly("/etc", "/data", "/dev", "/x");
      assertThatThrownBy(() -> reader.openFile("/etc")).isInstanceOf(OsvException.class)
          .hasMessageContaining("/etc is a DIRECTORY");
      assertThat(reader.verify()).isEmpty();
    }
  }

  @Test
  void opensAPartitionAtAnOffsetInsideADiskImage() throws IOException {
    byte[] fs = WorkedExample.expectedImage();
    byte[] disk = new byte[2048 + fs.length + 4096];
    java.util.Arrays.fill(disk, 0, 2048, (byte) 0xFF);
    System.arraycopy(fs, 0, disk, 2048, fs.length);
    Path image = Files.write(dir.resolve("disk.img"), disk);

    try (RofsReader reader = RofsReader.open(image, 2048)) {
      try (InputStream in = reader.openFile("/etc/hosts")) {
        assertThat(in.readAllBytes()).isEqualTo(WorkedExample.HOSTS);
      }
      assertThat(reader.verify()).isEmpty();
    }
    assertThatThrownBy(() -> RofsReader.open(image)).isInstanceOf(OsvException.class)
        .hasMessageContaining("bad magic 0xffffffffffffffff");
  }

  private Path patched(java.util.function.Consumer<ByteBuffer> patch) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(WorkedExample.expectedImage()).order(ByteOrder.LITTLE_ENDIAN);
    patch.accept(buf);
    return Files.write(dir.resolve("patched" + hostFiles++ + ".img"), buf.array());
  }

  @Test
  void rejectsWrongVersionAndBlockSize() throws IOException {
    Path version = patched(b -> b.putLong(0x08, 2));
    Path blockSize = patched(b -> b.putLong(0x10, 4096));

    assertThatThrownBy(() -> RofsReader.open(version)).isInstanceOf(OsvException.class)
        .hasMessageContaining("unsupported version 2");
    assertThatThrownBy(() -> RofsReader.open(blockSize)).isInstanceOf(OsvException.class)
        .hasMessageContaining("block size 4096");
  }

  @Test
  void rejectsTablesOutsideTheImage() throws IOException {
    Path noTables = patched(b -> b.putLong(0x20, 0));
    Path pastEnd = patched(b -> b.putLong(0x20, 2));
    Path truncated = Files.write(dir.resolve("truncated.img"),
        java.util.Arrays.copyOf(WorkedExample.expectedImage(), 3072));

    assertThatThrownBy(() -> RofsReader.open(noTables)).isInstanceOf(OsvException.class)
        .hasMessageContaining("table block count 0");
    assertThatThrownBy(() -> RofsReader.open(pastEnd)).isInstanceOf(OsvException.class)
        .hasMessageContaining("table block count 2 does not fit");
    assertThatThrownBy(() -> RofsReader.open(truncated)).isInstanceOf(OsvException.class)
        .hasMessageContaining("first table block 6 is outside the image (6 blocks)");
  }

  @Test
  void rejectsCountsWhoseRecordsRunPastTheTables() throws IOException {
    // 12 inodes instead of 11: the twelfth would start at 0xC9A + 352 = 0xDFA and end past 0xE00.
    Path oneInodeTooMany = patched(b -> b.putLong(0x38, 12));
    Path hugeCount = patched(b -> b.putLong(0x28, 1L << 40));

    assertThatThrownBy(() -> RofsReader.open(oneInodeTooMany)).isInstanceOf(OsvException.class)
        .hasMessageContaining("inode 12 runs past the end of the tables (512 bytes)");
    assertThatThrownBy(() -> RofsReader.open(hugeCount)).isInstanceOf(OsvException.class)
        .hasMessageContaining("1099511627776 directory entries cannot fit in 512 bytes");
  }

  @Test
  void verifyReportsAnEntryPointingPastTheInodeTable() throws IOException {
    // entry 0 ("hosts", inode 3) is at 0xC00; make it point at inode 99
    Path image = patched(b -> b.putLong(0xC00, 99));

    try (RofsReader reader = RofsReader.open(image)) {
      assertThat(reader.verify()).containsExactly(
          "directory entry 0 ('hosts') refers to inode 99 of 11",
          "inode 3 cannot be reached from the root directory");
      assertThatThrownBy(reader::list).isInstanceOf(OsvException.class)
          .hasMessageContaining("/etc/hosts refers to inode 99 of 11");
    }
  }

  @Test
  void verifyReportsOverlappingDataAndWrongInodeNumbers() throws IOException {
    int inodeTable = 0xC9A;
    // inode 11 (/x/sub/b.bin) data_offset 4 -> 3, overlapping /data/b.bin (blocks 2-3);
    // inode 7 stores number 70.
    Path image = patched(b -> {
      b.putLong(inodeTable + 10 * 32 + 16, 3);
      b.putLong(inodeTable + 6 * 32 + 8, 70);
    });

    try (RofsReader reader = RofsReader.open(image)) {
      assertThat(reader.verify()).containsExactly(
          "inode 7 stores inode number 70",
          "data of file inode 11 (blocks 3+2) overlaps file inode 6 (blocks 2+2)");
    }
  }

  @Test
  void verifyReportsDataOutsideTheDataAreaAndBadDirectoryRanges() throws IOException {
    int inodeTable = 0xC9A;
    Path image = patched(b -> {
      b.putLong(inodeTable + 2 * 32 + 16, 6); // /etc/hosts data at block 6 = the tables
      b.putLong(inodeTable + 4 * 32 + 24, 9); // /data claims 9 entries from index 2
    });

    try (RofsReader reader = RofsReader.open(image)) {
      assertThat(reader.verify()).containsExactly(
          "file inode 3 has data blocks 6+1 outside the data area (blocks 1 to 5)",
          "directory inode 5 has entries 2+9 beyond the 10 in the table",
          "directory entry 2 ('b.bin') belongs to no directory",
          "directory entry 3 ('empty') belongs to no directory",
          "inode 6 cannot be reached from the root directory",
          "inode 7 cannot be reached from the root directory");
    }
  }

  @Test
  void verifyReportsHardLinksAndDuplicateNames() throws IOException {
    // root entry "x" (last entry, at 0xC00 + 140 - 11) -> inode 8 (/dev), which "dev" also names;
    // /x (9) and below become unreachable
    Path image = patched(b -> b.putLong(0xC00 + 140 - 11, 8));

    try (RofsReader reader = RofsReader.open(image)) {
      assertThat(reader.verify()).containsExactly(
          "inode 8 is the target of 2 directory entries (ROFS has no hard links)",
          "inode 9 cannot be reached from the root directory",
          "inode 10 cannot be reached from the root directory",
          "inode 11 cannot be reached from the root directory");
    }
    // /data's entries are "b.bin" (at 0xC00 + 31) and "empty" (at 0xC00 + 46, name 10 bytes later)
    Path duplicate = patched(b -> b.position(0xC00 + 56).put("b.bin".getBytes()));
    try (RofsReader reader = RofsReader.open(duplicate)) {
      assertThat(reader.verify()).containsExactly("directory inode 5 has the name 'b.bin' twice");
    }
  }
}
