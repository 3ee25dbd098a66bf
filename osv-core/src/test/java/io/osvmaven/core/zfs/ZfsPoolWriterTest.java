package io.osvmaven.core.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.tree.Attributes;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of the writer that needs no external reader: determinism, sizing and input errors. */
class ZfsPoolWriterTest {

  @TempDir Path src;
  @TempDir Path out;

  private FileTree sampleTree() throws Exception {
    Files.write(src.resolve("a.txt"), "alpha".getBytes(StandardCharsets.UTF_8));
    Files.write(src.resolve("b.bin"), new byte[200_000]);
    Files.createDirectories(src.resolve("dir/sub"));
    Files.write(src.resolve("dir/sub/c.txt"), "gamma".getBytes(StandardCharsets.UTF_8));
    return HostTrees.of(src);
  }

  @Test
  void identicalInputsGiveIdenticalImages() throws Exception {
    FileTree tree = sampleTree();
    ZfsOptions options = ZfsOptions.defaults(1_700_000_000L);

    ZfsResult first = ZfsPoolWriter.write(tree, options, out.resolve("one.img"), BuildListener.NONE);
    ZfsResult second = ZfsPoolWriter.write(tree, options, out.resolve("two.img"), BuildListener.NONE);

    assertThat(Files.mismatch(first.image(), second.image())).isEqualTo(-1L);
    assertThat(first.poolGuid()).isEqualTo(second.poolGuid());
  }

  @Test
  void anotherTimestampGivesAnotherImage() throws Exception {
    FileTree tree = sampleTree();

    ZfsResult first = ZfsPoolWriter.write(tree, ZfsOptions.defaults(1_700_000_000L), out.resolve("one.img"),
        BuildListener.NONE);
    ZfsResult second = ZfsPoolWriter.write(tree, ZfsOptions.defaults(1_700_000_001L), out.resolve("two.img"),
        BuildListener.NONE);

    assertThat(Files.mismatch(first.image(), second.image())).isNotEqualTo(-1L);
    assertThat(first.poolGuid()).isNotEqualTo(second.poolGuid());
  }

  @Test
  void resultDescribesTheImage() throws Exception {
    List<String> messages = new ArrayList<>();
    BuildListener listener = new BuildListener() {
      @Override
      public void info(String message) {
        messages.add(message);
      }

      @Override
      public void warn(String message) {
        messages.add(message);
      }
    };

    ZfsResult result = ZfsPoolWriter.write(sampleTree(), ZfsOptions.defaults(1L), out.resolve("p.img"),
        listener);

    // master node, delete queue, root, a.txt, b.bin, dir, dir/sub, dir/sub/c.txt
    assertThat(result.objects()).isEqualTo(8);
    assertThat(result.deviceSize()).isEqualTo(64L << 20);
    // b.bin: 200,000 zero bytes = two 128K holes; the rest is metadata well below 1 MiB
    assertThat(result.allocatedBytes()).isBetween(100_000L, 1L << 20);
    assertThat(messages).singleElement().asString().contains("8 objects");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("p.img");
    }
  }

  @Test
  void computedSizeKeepsZfsReserveAndHeadroom() {
    assertThat(ZfsPoolWriter.computedSize(0)).isEqualTo(64L << 20);
    long zpl = 100L << 20;
    long size = ZfsPoolWriter.computedSize(zpl);
    long needed = zpl + (2L << 20);
    // labels 4.5 MiB + needed + 32 MiB ZFS reserve + 25% headroom, rounded up to a MiB
    long expected = ((9L << 19) + needed + (32L << 20) + needed / 4 + (1L << 20) - 1) >> 20 << 20;
    assertThat(size).isEqualTo(expected);
  }

  @Test
  void tooSmallPoolFailsBeforeWritingAnything() throws Exception {
    Files.write(src.resolve("big.bin"), new byte[0]);
    Path big = src.resolve("big.bin");
    try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), (70L << 20) - 1);
    }
    FileTree tree = HostTrees.of(src);

    assertThatThrownBy(() -> ZfsPoolWriter.write(tree, ZfsOptions.defaults(1L).withPoolSize(64L << 20),
        out.resolve("p.img"), BuildListener.NONE))
        .isInstanceOf(OsvException.class)
        .hasMessageContaining("too small")
        .satisfies(e -> assertThat(((OsvException) e).hint()).get().asString().contains("at least"));
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void nearlyFullGivenPoolIsWrittenWithAWarning() throws Exception {
    byte[] data = new byte[20 << 20];
    new java.util.Random(1).nextBytes(data);
    Files.write(src.resolve("data.bin"), data);
    List<String> warnings = new ArrayList<>();
    BuildListener listener = new BuildListener() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {
        warnings.add(message);
      }
    };

    // 64 MiB: 62,390,272 usable, about 41 MiB free after 20 MiB, below 32 MiB reserve + 16 MiB
    ZfsResult result = ZfsPoolWriter.write(HostTrees.of(src), ZfsOptions.defaults(1L).withPoolSize(64L << 20),
        out.resolve("p.img"), listener);

    assertThat(result.deviceSize()).isEqualTo(64L << 20);
    assertThat(warnings).singleElement().asString().contains("ZFS keeps 33554432");
  }

  @Test
  void poolBelowZfsMinimumIsRejected() {
    assertThatThrownBy(() -> ZfsOptions.defaults(1L).withPoolSize(32L << 20))
        .isInstanceOf(OsvException.class).hasMessageContaining("64 MiB");
  }

  @Test
  void unsupportedVersionIsRejected() {
    assertThatThrownBy(() -> new ZfsOptions("osv", 0, 1, 28, 5, "/dev/vblk0.1"))
        .isInstanceOf(OsvException.class).hasMessageContaining("28");
  }

  @Test
  void fileThatChangedSizeFailsWithoutOutput() throws Exception {
    Path f = src.resolve("moving.txt");
    Files.write(f, "1234".getBytes(StandardCharsets.UTF_8));
    FileTree tree = new FileTree();
    tree.root().put(new RegularFile("moving.txt", f, 10, Attributes.FILE));

    assertThatThrownBy(() -> ZfsPoolWriter.write(tree, ZfsOptions.defaults(1L), out.resolve("p.img"),
        BuildListener.NONE))
        .isInstanceOf(OsvException.class).hasMessageContaining("/moving.txt").hasMessageContaining("changed");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void missingSourceFileFailsWithoutOutput() {
    FileTree tree = new FileTree();
    tree.mkdirs("/app", Attributes.DIRECTORY)
        .put(new RegularFile("gone.jar", src.resolve("gone.jar"), 3, Attributes.FILE));

    assertThatThrownBy(() -> ZfsPoolWriter.write(tree, ZfsOptions.defaults(1L), out.resolve("p.img"),
        BuildListener.NONE))
        .isInstanceOf(OsvException.class).hasMessageContaining("cannot read")
        .hasMessageContaining("gone.jar").hasMessageContaining("/app/gone.jar");
    assertThat(out.resolve("p.img")).doesNotExist();
  }

  @Test
  void nameLongerThan255BytesIsRejected() {
    FileTree tree = new FileTree();
    tree.mkdirs("/etc", Attributes.DIRECTORY).put(new Symlink("é".repeat(128), "x", Attributes.SYMLINK));

    assertThatThrownBy(() -> ZfsPoolWriter.write(tree, ZfsOptions.defaults(1L), out.resolve("p.img"),
        BuildListener.NONE))
        .isInstanceOf(OsvException.class).hasMessageContaining("/etc/" + "é".repeat(128))
        .hasMessageContaining("256");
  }

  @Test
  void directoryBeyondTheEmbeddedZapPointerTableIsRejected() {
    // 300,000 names of 40 bytes take 4 chunks each: 1.2M chunks > 1024 leaves * 638 chunks
    FileTree tree = new FileTree();
    var dir = tree.mkdirs("/huge", Attributes.DIRECTORY);
    for (int i = 0; i < 300_000; i++) {
      dir.put(new Symlink(String.format("%040d", i), "t", Attributes.SYMLINK));
    }

    assertThatThrownBy(() -> ZfsPoolWriter.write(tree, ZfsOptions.defaults(1L), out.resolve("p.img"),
        BuildListener.NONE))
        .isInstanceOf(OsvException.class).hasMessageContaining("/huge").hasMessageContaining("300000");
    assertThat(out.resolve("p.img")).doesNotExist();
  }

  @Test
  void symlinkTargetLongerThan1023BytesIsRejected() {
    FileTree tree = new FileTree();
    tree.root().put(new Symlink("l", "t".repeat(1024), Attributes.SYMLINK));

    assertThatThrownBy(() -> ZfsPoolWriter.write(tree, ZfsOptions.defaults(1L), out.resolve("p.img"),
        BuildListener.NONE))
        .isInstanceOf(OsvException.class).hasMessageContaining("/l").hasMessageContaining("1024");
  }
}
