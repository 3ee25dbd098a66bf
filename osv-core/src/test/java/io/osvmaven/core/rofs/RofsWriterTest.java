package io.osvmaven.core.rofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.tree.Attributes;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RofsWriterTest {

  @TempDir
  Path dir;

  private RegularFile file(String name, byte[] content) throws IOException {
    Path host = Files.write(dir.resolve("host-" + Integer.toHexString(name.hashCode()) + "-"
        + content.length), content);
    return new RegularFile(name, host, content.length, Attributes.FILE);
  }

  private static Symlink link(String name, String target) {
    return new Symlink(name, target, Attributes.SYMLINK);
  }

  private static byte[] write(FileTree tree) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new RofsWriter().write(tree, out);
    return out.toByteArray();
  }

  /** The tree of spec §3.7 in manifest (dictionary insertion) order. */
  private FileTree workedExampleTree() throws IOException {
    FileTree tree = new FileTree();
    Directory etc = tree.mkdirs("/etc", Attributes.DIRECTORY);
    etc.put(file("hosts", WorkedExample.HOSTS));
    Directory data = tree.mkdirs("/data", Attributes.DIRECTORY);
    data.put(file("b.bin", WorkedExample.binContent()));
    data.put(file("empty", new byte[0]));
    etc.put(link("mnttab", "/proc/mounts"));
    tree.mkdirs("/dev", Attributes.DIRECTORY);
    tree.mkdirs("/x/sub", Attributes.DIRECTORY).put(file("b.bin", WorkedExample.binContent()));
    return tree;
  }

  @Test
  void reproducesTheWorkedExampleOfTheSpecByteForByte() throws IOException {
    assertThat(write(workedExampleTree())).isEqualTo(WorkedExample.expectedImage());
  }

  @Test
  void reportsTheLayoutOfTheWorkedExample() throws IOException {
    RofsResult result = new RofsWriter().write(workedExampleTree(), new ByteArrayOutputStream());

    assertThat(result).isEqualTo(new RofsResult(3584, 7, 5, 6, 1, 506, 10, 1, 11, 4, 1206));
  }

  @Test
  void emptyTreeIsASuperblockAndTheRootInode() throws IOException {
    ImageBytes expected = new ImageBytes(1024).superblock(1, 1, 0, 0, 1);
    expected.at(512).inode(ImageBytes.DIR, 1, 0, 0);

    assertThat(write(new FileTree())).isEqualTo(expected.array());
  }

  @Test
  void tablesEndingOnABlockBoundaryGetNoExtraBlock() throws IOException {
    // S = (10 + 438) + 2 * 32 = 512 exactly; gen-rofs-img.py would append 512 uncounted zero bytes.
    String name = "a".repeat(438);
    FileTree tree = new FileTree();
    tree.root().put(file(name, new byte[0]));
    ImageBytes expected = new ImageBytes(1024).superblock(1, 1, 1, 0, 2);
    expected.at(512).dirEntry(2, name)
        .inode(ImageBytes.DIR, 1, 0, 1)
        .inode(ImageBytes.REG, 2, 1, 0);
    assertThat(expected.position()).isEqualTo(1024);

    assertThat(write(tree)).isEqualTo(expected.array());
  }

  @Test
  void nestedDirectoriesNumberInodesPreOrderAndListEntriesPostOrder() throws IOException {
    FileTree tree = new FileTree();
    Directory b = tree.mkdirs("/a/b", Attributes.DIRECTORY);
    tree.mkdirs("/a/b/c", Attributes.DIRECTORY).put(file("f", "xyz".getBytes(StandardCharsets.US_ASCII)));
    b.put(new Directory("e", Attributes.DIRECTORY));
    ((Directory) tree.lookup("/a")).put(link("z", "../t"));

    // inodes: 1 /, 2 /a, 3 /a/b, 4 /a/b/c, 5 /a/b/c/f, 6 /a/b/e, 7 /a/z
    ImageBytes expected = new ImageBytes(1536).superblock(2, 1, 6, 1, 7);
    expected.at(512).bytes("xyz".getBytes(StandardCharsets.US_ASCII));
    expected.at(1024)
        .dirEntry(5, "f")
        .dirEntry(4, "c").dirEntry(6, "e")
        .dirEntry(3, "b").dirEntry(7, "z")
        .dirEntry(2, "a")
        .symlink("../t")
        .inode(ImageBytes.DIR, 1, 5, 1)
        .inode(ImageBytes.DIR, 2, 3, 2)
        .inode(ImageBytes.DIR, 3, 1, 2)
        .inode(ImageBytes.DIR, 4, 0, 1)
        .inode(ImageBytes.REG, 5, 1, 3)
        .inode(ImageBytes.DIR, 6, 1, 0)
        .inode(ImageBytes.LINK, 7, 0, 1);
    assertThat(expected.position()).isEqualTo(1024 + 296);

    assertThat(write(tree)).isEqualTo(expected.array());
  }

  @Test
  void nonAsciiNamesAndTargetsCarryTheirUtf8ByteLength() throws IOException {
    FileTree tree = new FileTree();
    tree.root().put(file("\u00e9", "hi".getBytes(StandardCharsets.US_ASCII)));
    tree.root().put(link("l", "/\u00fc"));

    ImageBytes expected = new ImageBytes(1536).superblock(2, 1, 2, 1, 3);
    expected.at(512).bytes(new byte[] {'h', 'i'});
    expected.at(1024)
        .u64(2).u16(2).bytes(new byte[] {(byte) 0xC3, (byte) 0xA9})
        .u64(3).u16(1).bytes(new byte[] {'l'})
        .u16(3).bytes(new byte[] {'/', (byte) 0xC3, (byte) 0xBC})
        .inode(ImageBytes.DIR, 1, 0, 2)
        .inode(ImageBytes.REG, 2, 1, 2)
        .inode(ImageBytes.LINK, 3, 0, 1);

    assertThat(write(tree)).isEqualTo(expected.array());
  }

  @Test
  void fileOfExactlyOneBlockTakesOneBlockAndEmptyFilesNone() throws IOException {
    FileTree tree = new FileTree();
    tree.root().put(file("a", new byte[512]));
    tree.root().put(file("b", new byte[0]));
    tree.root().put(file("c", new byte[513]));

    RofsResult result = new RofsWriter().write(tree, new ByteArrayOutputStream());

    // a: block 1; b: no block (offset 2); c: blocks 2-3; tables from block 4
    assertThat(result.firstTableBlock()).isEqualTo(4);
    assertThat(result.dataBlocks()).isEqualTo(3);
  }

  @Test
  void writesAPathAtomicallyAndReturnsTheSameBytes() throws IOException {
    Path image = dir.resolve("out/rofs.img");

    RofsResult result = new RofsWriter().write(workedExampleTree(), image);

    assertThat(Files.readAllBytes(image)).isEqualTo(WorkedExample.expectedImage());
    assertThat(result.imageBytes()).isEqualTo(Files.size(image));
    try (var files = Files.list(image.getParent())) {
      assertThat(files).containsExactly(image);
    }
  }

  @Test
  void nameLongerThan65535Utf8BytesIsRejectedBeforeWriting() {
    FileTree tree = new FileTree();
    // 32768 characters, but 65536 bytes in UTF-8
    tree.root().put(link("\u00e9".repeat(32768), "x"));
    Path image = dir.resolve("long.img");

    assertThatThrownBy(() -> new RofsWriter().write(tree, image))
        .isInstanceOf(OsvException.class)
        .hasMessageContaining("65536 bytes").hasMessageContaining("65535");
    assertThat(image).doesNotExist();
  }

  @Test
  void nameOf65535BytesFits() throws IOException {
    FileTree tree = new FileTree();
    tree.root().put(link("n".repeat(65535), "x"));

    RofsResult result = new RofsWriter().write(tree, new ByteArrayOutputStream());

    assertThat(result.tableBytes()).isEqualTo(10 + 65535 + 2 + 1 + 64);
  }

  @Test
  void symlinkTargetLongerThan65535BytesIsRejected() {
    FileTree tree = new FileTree();
    tree.mkdirs("/etc", Attributes.DIRECTORY).put(link("far", "/" + "t".repeat(65535)));

    assertThatThrownBy(() -> write(tree))
        .isInstanceOf(OsvException.class)
        .hasMessageContaining("/etc/far").hasMessageContaining("65536 bytes");
  }

  @Test
  void dotNamesAreRejected() {
    FileTree tree = new FileTree();
    tree.root().put(link("..", "x"));

    assertThatThrownBy(() -> write(tree)).isInstanceOf(OsvException.class)
        .hasMessageContaining("'..'");
  }

  @Test
  void imageBeyondWhatAnMbrPartitionAddressesIsRejectedBeforeReadingAnything() {
    FileTree tree = new FileTree();
    // 2^32 - 1 data blocks: with superblock and tables that is more than 2^32 - 1 sectors.
    long size = 0xFFFF_FFFFL * 512;
    tree.root().put(new RegularFile("huge", dir.resolve("does-not-exist"), size, Attributes.FILE));
    Path image = dir.resolve("huge.img");

    assertThatThrownBy(() -> new RofsWriter().write(tree, image))
        .isInstanceOf(OsvException.class)
        .hasMessageContaining("MBR partition");
    assertThat(image).doesNotExist();
  }

  @Test
  void fileThatShrankAfterTheTreeWasBuiltFailsWithoutOutput() throws IOException {
    Path host = Files.write(dir.resolve("shrinks"), new byte[5]);
    FileTree tree = new FileTree();
    tree.mkdirs("/lib", Attributes.DIRECTORY).put(new RegularFile("x.so", host, 10, Attributes.FILE));
    Path image = dir.resolve("img/rofs.img");

    assertThatThrownBy(() -> new RofsWriter().write(tree, image))
        .isInstanceOf(OsvException.class)
        .hasMessageContaining("/lib/x.so").hasMessageContaining("changed")
        .hasMessageContaining("shrank to 5 bytes");
    try (var files = Files.list(image.getParent())) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void fileThatGrewAfterTheTreeWasBuiltFails() throws IOException {
    Path host = Files.write(dir.resolve("grows"), new byte[1000]);
    FileTree tree = new FileTree();
    tree.root().put(new RegularFile("g", host, 999, Attributes.FILE));
    Path image = Files.write(dir.resolve("previous.img"), new byte[] {42});

    assertThatThrownBy(() -> new RofsWriter().write(tree, image))
        .isInstanceOf(OsvException.class)
        .hasMessageContaining("grew beyond 999 bytes");
    assertThat(Files.readAllBytes(image)).containsExactly(42);
  }

  @Test
  void largeFilesCopiedByTheKernelAreCheckedForChangesToo() throws IOException {
    int large = 3 * 1024 * 1024 + 7; // beyond what is read ahead whole: copied with transferTo
    Path shrinks = Files.write(dir.resolve("shrinks"), new byte[large - 100]);
    FileTree shrank = new FileTree();
    shrank.root().put(new RegularFile("s", shrinks, large, Attributes.FILE));
    assertThatThrownBy(() -> new RofsWriter().write(shrank, dir.resolve("a.img")))
        .isInstanceOf(OsvException.class).hasMessageContaining("/s").hasMessageContaining("shrank to " + (large - 100));
    assertThat(dir.resolve("a.img")).doesNotExist();

    Path grows = Files.write(dir.resolve("grows"), new byte[large + 1]);
    FileTree grew = new FileTree();
    grew.root().put(new RegularFile("g", grows, large, Attributes.FILE));
    assertThatThrownBy(() -> new RofsWriter().write(grew, dir.resolve("b.img")))
        .isInstanceOf(OsvException.class).hasMessageContaining("grew beyond " + large + " bytes");
    assertThat(dir.resolve("b.img")).doesNotExist();
  }

  @Test
  void aLargeFileCopiedByTheKernelEqualsOneStreamedThroughTheJvm() throws IOException {
    byte[] content = new byte[3 * 1024 * 1024 + 7];
    new java.util.Random(5).nextBytes(content);
    Path big = Files.write(dir.resolve("big"), content);
    Path small = Files.writeString(dir.resolve("small"), "tail");
    FileTree tree = new FileTree();
    tree.root().put(new RegularFile("big", big, content.length, Attributes.FILE));
    tree.root().put(new RegularFile("small", small, 4, Attributes.FILE));
    Path viaKernel = dir.resolve("kernel.img");
    new RofsWriter().write(tree, viaKernel);
    java.io.ByteArrayOutputStream viaJvm = new java.io.ByteArrayOutputStream();
    new RofsWriter().write(tree, viaJvm);
    assertThat(viaKernel).hasBinaryContent(viaJvm.toByteArray());
    try (RofsReader r = RofsReader.open(viaKernel, 0); java.io.InputStream in = r.openFile("/big")) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void fileThatDisappearedAfterTheTreeWasBuiltFailsNamingIt() {
    FileTree tree = new FileTree();
    tree.mkdirs("/etc", Attributes.DIRECTORY)
        .put(new RegularFile("gone", dir.resolve("gone"), 3, Attributes.FILE));
    Path image = dir.resolve("gone.img");

    assertThatThrownBy(() -> new RofsWriter().write(tree, image))
        .isInstanceOf(OsvException.class)
        .hasMessageContaining("/etc/gone").hasMessageContaining("disappeared");
    assertThat(image).doesNotExist();
  }

  @Test
  void largeFilesAreStreamedAcrossBufferBoundariesAndPadded() throws IOException {
    // larger than the image buffer, not a multiple of 512: streamed in chunks, then padded
    byte[] big = new byte[300_001];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + (i >>> 9));
    }
    FileTree tree = new FileTree();
    tree.root().put(file("big", big));
    tree.root().put(file("small", "after".getBytes(StandardCharsets.US_ASCII)));

    byte[] image = write(tree);

    // block 0 is the superblock; "big" fills blocks 1..586 (300,001 bytes = 585 blocks + 481 bytes)
    byte[] data = java.util.Arrays.copyOfRange(image, 512, 512 + big.length);
    assertThat(data).isEqualTo(big);
    int padEnd = 587 * 512;
    assertThat(java.util.Arrays.copyOfRange(image, 512 + big.length, padEnd)).containsOnly(0);
    assertThat(new String(image, padEnd, 5, StandardCharsets.US_ASCII)).isEqualTo("after");
    assertThat(java.util.Arrays.copyOfRange(image, padEnd + 5, padEnd + 512)).containsOnly(0);
  }
}
