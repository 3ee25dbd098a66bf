package io.osvmaven.core.zfs;

import static io.osvmaven.core.zfs.ZfsImageChecks.assertGrubReads;
import static io.osvmaven.core.zfs.ZfsImageChecks.assertImportedEquals;
import static io.osvmaven.core.zfs.ZfsImageChecks.assertZdbClean;
import static io.osvmaven.core.zfs.ZfsImageChecks.build;
import static io.osvmaven.core.zfs.ZfsImageChecks.regularFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import io.osvmaven.core.tree.Attributes;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images checked by real ZFS readers: zfs-fuse's zdb (checksums of every block, space maps against the
 * blocks), GRUB's ZFS driver (file contents) and, where FUSE is available, a zfs-fuse import and mount.
 * Needs the Debian packages zfs-fuse and grub-common, and root for the zfs-fuse daemon.
 */
class ZfsPoolWriterVerifyTest {

  @TempDir static Path daemonDir;
  @TempDir Path src;
  @TempDir Path work;

  @BeforeAll
  static void startDaemon() throws Exception {
    ZfsTools.ensureDaemon(daemonDir);
  }

  @AfterAll
  static void stopDaemon() throws Exception {
    ZfsTools.stopDaemon();
  }

  @Test
  void emptyTreeIsAValidPool() throws Exception {
    ZfsResult result = build(src, work);

    ZfsTools.Run zdb = assertZdbClean(result.image(), work);
    assertThat(result.deviceSize()).isEqualTo(64L << 20);
    assertThat(Files.size(result.image())).isEqualTo(64L << 20);
    assertThat(zdb.output()).contains("SPA allocated:").contains("bp count:");
    assertThat(ZfsTools.grub(result.image(), "ls", "/").output()).contains("@/");
    ZfsTools.Run labels = ZfsTools.run(List.of("zdb", "-l", result.image().toString()));
    assertThat(labels.output()).contains("LABEL 3").contains("version: 23").contains("name: 'osv'")
        .contains("type: 'disk'").contains("path: '/dev/vblk0.1'").contains("asize: 62390272")
        .contains("metaslab_shift: 19").doesNotContain("failed to unpack");
    assertThat(Pattern.compile("version: 23").matcher(labels.output()).results().count()).isEqualTo(4);
  }

  @Test
  void mixedTreeReadsBackIdentically() throws Exception {
    Random random = new Random(42);
    write(src.resolve("etc/hosts"), "127.0.0.1 localhost\n".getBytes(StandardCharsets.UTF_8));
    write(src.resolve("usr/lib/empty.txt"), new byte[0]);
    write(src.resolve("usr/lib/one-sector.bin"), bytes(random, 512));
    write(src.resolve("usr/lib/odd.bin"), bytes(random, 1000));
    write(src.resolve("usr/lib/exact128k.bin"), bytes(random, 128 << 10));
    write(src.resolve("usr/lib/128k-plus-1.bin"), bytes(random, (128 << 10) + 1));
    write(src.resolve("usr/lib/zeros.bin"), new byte[300_000]);
    write(src.resolve("usr/lib/small-zeros.bin"), new byte[1000]);
    write(src.resolve("usr/lib/random.bin"), bytes(random, 3_000_000));
    byte[] sparse = new byte[5_000_004];
    sparse[4_980_736] = 'X';
    sparse[sparse.length - 1] = 'Y';
    write(src.resolve("usr/lib/sparse.bin"), sparse);
    write(src.resolve("usr/lib/jvm/" + "n".repeat(71) + ".jar"), new byte[0]);
    write(src.resolve("usr/lib/" + "L".repeat(255)), "max name".getBytes(StandardCharsets.UTF_8));
    write(src.resolve("ünïcödé/日本語/ファイル.txt"), "héllo wörld".getBytes(StandardCharsets.UTF_8));
    Path deep = src;
    for (int i = 0; i < 40; i++) {
      deep = deep.resolve("d" + i);
    }
    write(deep.resolve("bottom.txt"), "deep".getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(src.resolve("empty-dir"));
    Files.createSymbolicLink(src.resolve("usr/lib/short-link"), Path.of("/usr/lib/random.bin"));
    Files.createSymbolicLink(src.resolve("usr/lib/link-56"), Path.of("/" + "a".repeat(55)));
    Files.createSymbolicLink(src.resolve("usr/lib/link-57"), Path.of("/" + "b".repeat(56)));
    Files.createSymbolicLink(src.resolve("usr/lib/long-link"), Path.of("/x/".repeat(200) + "end"));
    Files.setPosixFilePermissions(src.resolve("etc/hosts"), PosixFilePermissions.fromString("rw-r-----"));
    Files.setPosixFilePermissions(src.resolve("usr/lib/odd.bin"), PosixFilePermissions.fromString("rwxr-xr-x"));

    ZfsResult result = build(src, work);

    assertZdbClean(result.image(), work);
    assertGrubReads(result.image(), src, regularFiles(src));
    // zdb decodes every object of the pool and walks each znode's parents back to the root
    ZfsTools.Run dump = ZfsTools.zdbArgs(result.image(), work, "-dddddd", "osv");
    assertThat(dump.exitCode()).as(dump.output()).isZero();
    Set<String> paths = Pattern.compile("\n\tpath\t(.*)").matcher(dump.output()).results()
        .map(m -> m.group(1)).collect(Collectors.toSet());
    Set<String> expected;
    try (Stream<Path> all = Files.walk(src)) {
      expected = all.map(p -> "/" + src.relativize(p)).collect(Collectors.toSet());
    }
    assertThat(paths).isEqualTo(expected);
    assertThat(ZfsImageChecks.assertDnodeUsedMatchesBlocks(dump.output())).isGreaterThan(expected.size());
    assertThat(ZfsTools.grub(result.image(), "ls", "/@/usr/lib/").output())
        .contains("short-link", "long-link", "link-56", "link-57", "jvm/", "sparse.bin");
  }

  @Test
  void mixedTreeImportsWithZfsFuse() throws Exception {
    assertThat(Path.of("/dev/fuse")).as("zfs-fuse needs /dev/fuse (load the fuse module)").exists();
    Random random = new Random(7);
    write(src.resolve("etc/hosts"), "127.0.0.1 localhost\n".getBytes(StandardCharsets.UTF_8));
    write(src.resolve("usr/lib/big.bin"), bytes(random, 1_000_000));
    write(src.resolve("usr/lib/jvm/" + "n".repeat(71) + ".jar"), bytes(random, 10));
    write(src.resolve("ünï/ファイル.txt"), "héllo".getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(src.resolve("var/empty"));
    Files.createSymbolicLink(src.resolve("usr/lib/short-link"), Path.of("big.bin"));
    Files.createSymbolicLink(src.resolve("usr/lib/long-link"), Path.of("/y/".repeat(40) + "end"));
    Files.createSymbolicLink(src.resolve("usr/lib/link-56"), Path.of("/" + "a".repeat(55)));
    Files.createSymbolicLink(src.resolve("usr/lib/link-57"), Path.of("/" + "b".repeat(56)));
    write(src.resolve("usr/lib/zeros.bin"), new byte[1000]);
    Files.setPosixFilePermissions(src.resolve("usr/lib/big.bin"), PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(src.resolve("var/empty"), PosixFilePermissions.fromString("rwxr-x---"));

    ZfsResult result = build(src, work);

    assertZdbClean(result.image(), work);
    assertImportedEquals(result.image(), src, work);
  }

  @Test
  void poolStaysConsistentWhenZfsRewritesIt() throws Exception {
    assertThat(Path.of("/dev/fuse")).as("zfs-fuse needs /dev/fuse (load the fuse module)").exists();
    Random random = new Random(11);
    write(src.resolve("data/big.bin"), bytes(random, 2_000_000));
    for (int i = 0; i < 100; i++) {
      write(src.resolve("many/f" + i), bytes(random, 5_000));
    }
    ZfsResult result = build(src, work);

    // OSv mounts the pool read-write: ZFS then allocates from our space maps and frees our blocks,
    // charging the frees against our DSL accounting.
    Path changed = ZfsImageChecks.modifyWithZfsFuse(result.image(), work, mnt -> {
      try (var files = Files.walk(mnt.resolve("many"))) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      Files.delete(mnt.resolve("data/big.bin"));
      write(mnt.resolve("new/file.bin"), bytes(random, 1_500_000));
    });
    assertZdbClean(changed, work);
    Path emptied = ZfsImageChecks.modifyWithZfsFuse(changed, work, mnt -> {
      try (var files = Files.walk(mnt)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          if (!p.equals(mnt)) {
            Files.delete(p);
          }
        }
      }
    });
    assertZdbClean(emptied, work);
    // every byte we charged to the dataset was given back: an empty file system remains (zfs-fuse
    // reports about 20K), not megabytes and not an underflow
    assertThat(ZfsImageChecks.property(emptied, work, "referenced")).isBetween(1L, 256L << 10);
  }

  @Test
  void userAndGroupSpaceIsAccountedAsZfsDoes() throws Exception {
    Random random = new Random(9);
    write(src.resolve("d/a"), bytes(random, 1000));
    write(src.resolve("b"), bytes(random, 300_000));
    Files.createSymbolicLink(src.resolve("l"), Path.of("d/a"));
    Files.setAttribute(src.resolve("b"), "unix:uid", 5);
    Files.setAttribute(src.resolve("b"), "unix:gid", 7);
    ZfsResult result = build(src, work);

    // each znode object counts 512 (its dnode) + its blocks: / (512-byte microzap) 1024, /d 1024,
    // /d/a (one 1K block) 1536, /l (inline) 512 → 4096 for uid/gid 0;
    // /b: three 128K blocks + one 16K indirect + 512 → 410112 for uid 5 / gid 7 (keys in hex)
    String dump = ZfsTools.zdbArgs(result.image(), work, "-dddd", "osv").output();
    assertThat(dump).as(dump).containsPattern("\\t0 = 4096 ").containsPattern("\\t5 = 410112 ")
        .containsPattern("\\t7 = 410112 ");
    assertZdbClean(result.image(), work);
    assertThat(Path.of("/dev/fuse")).as("zfs-fuse needs /dev/fuse (load the fuse module)").exists();
    // zfs-fuse deleting /b subtracts what the dnode says it used: uid 5 must come out at exactly 0
    Path changed = ZfsImageChecks.modifyWithZfsFuse(result.image(), work, mnt -> Files.delete(mnt.resolve("b")));
    String after = ZfsTools.zdbArgs(changed, work, "-dddd", "osv").output();
    assertThat(after).as(after).contains("ZFS user/group used").doesNotContainPattern("\\t[57] = ");
    assertZdbClean(changed, work);
  }

  @Test
  void largeFileGetsThreeLevelsOfBlockPointers() throws Exception {
    // 24 MiB + 5: 193 blocks of 128K need L0, L1 and L2; every third block is data, the rest holes.
    Random random = new Random(3);
    Path big = src.resolve("big.bin");
    try (var out = Files.newOutputStream(big)) {
      for (int block = 0; block < 192; block++) {
        out.write(block % 3 == 0 ? bytes(random, 128 << 10) : new byte[128 << 10]);
      }
      out.write(new byte[] {1, 2, 3, 4, 5});
    }

    ZfsResult result = build(src, work);

    assertZdbClean(result.image(), work);
    assertGrubReads(result.image(), src, List.of(big));
    ZfsTools.Run dump = ZfsTools.zdbArgs(result.image(), work, "-dddd", "osv", "4");
    // object 4, 3 levels, 16K indirect blocks, 128K data blocks
    assertThat(dump.output()).as(dump.output()).containsPattern("\\n\\s+4\\s+3\\s+16K\\s+128K\\s");
    assertThat(dump.output()).contains("dnode maxblkid: 192");
    ZfsImageChecks.assertDnodeUsedMatchesBlocks(
        ZfsTools.zdbArgs(result.image(), work, "-dddddd", "osv").output());
  }

  @Test
  void gigabyteFileIsWrittenAndReadBack() throws Exception {
    // 1 GiB + 1 byte: 8193 blocks of 128K (maxblkid 8192); every 64th block holds data, the rest are holes
    Random random = new Random(5);
    Path big = src.resolve("gigabyte.bin");
    long size = (1L << 30) + 1;
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(size);
      for (long block = 0; block < 8192; block += 64) {
        file.seek(block << 17);
        file.write(bytes(random, 128 << 10));
      }
      file.seek(size - 1);
      file.write(7);
    }

    ZfsResult result = build(src, work);

    assertZdbClean(result.image(), work);
    assertGrubReads(result.image(), src, List.of(big));
    ZfsTools.Run dump = ZfsTools.zdbArgs(result.image(), work, "-dddd", "osv", "4");
    assertThat(dump.output()).as(dump.output()).contains("dnode maxblkid: 8192");
  }

  @Test
  void tenThousandFilesInOneDirectoryUseAFatZap() throws Exception {
    Path dir = Files.createDirectories(src.resolve("many"));
    List<Path> sample = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Path f = dir.resolve(String.format("file-%05d.txt", i));
      Files.write(f, ("content of " + i + "\n").getBytes(StandardCharsets.UTF_8));
      if (i % 500 == 0 || i == 9_999) {
        sample.add(f);
      }
    }

    ZfsResult result = build(src, work);

    assertZdbClean(result.image(), work);
    assertGrubReads(result.image(), src, sample);
    String listing = ZfsTools.grub(result.image(), "ls", "/@/many/").output();
    assertThat(listing.trim().split("\\s+")).hasSize(10_000);
    ZfsTools.Run dump = ZfsTools.zdbArgs(result.image(), work, "-dddd", "osv", "4");
    // 10,000 entries of 3 chunks need 30,000 of a 16K leaf's 638 chunks: 47 leaves, so 2^6 = 64
    assertThat(dump.output()).as(dump.output()).contains("Fat ZAP stats").contains("ZAP entries: 10000")
        .contains("Leaf blocks: 64").contains("size\t10002");
  }

  @Test
  void namesWithTheSameZapHashAreBothFoundAndListed() throws Exception {
    // 20,000 random names give a 28-bit hash collision with probability ~0.5 (sequential names
    // hardly ever do: CRC-64 is linear); vary the names until the directory's salt (derived from the
    // tree) makes two of them collide, so the fat ZAP has to tell them apart by collision
    // differentiator
    assertCollidingNamesWork(20_000, 40);
  }

  @Test
  void microzapNamesWithTheSameHashAreBothFoundAndListed() throws Exception {
    // 2,000 names (a 128K microzap) collide with probability ~0.7%: try up to 3,000 variants; two
    // entries with equal hash and equal cd would make ZFS's microzap loader fail an AVL insert
    assertCollidingNamesWork(2_000, 3_000);
  }

  private void assertCollidingNamesWork(int n, int variants) throws Exception {
    Path shared = Files.write(work.resolve("shared"), "same size, shared".getBytes(StandardCharsets.UTF_8));
    Path first = Files.write(work.resolve("first"), "first of the pair".getBytes(StandardCharsets.UTF_8));
    Path second = Files.write(work.resolve("second"), "other of the pair".getBytes(StandardCharsets.UTF_8));
    for (int variant = 0; variant < variants; variant++) {
      List<String> names = randomNames(variant, n);
      FileTree tree = collisionTree(names, shared, Map.of());
      long seed = ZfsPoolWriter.seed(tree, ZfsOptions.defaults(ZfsImageChecks.TIMESTAMP));
      long salt = Seeds.derive(seed, 0x5a17, 4); // ZplWriter's salt of object 4, the directory
      Map<Long, String> seen = new HashMap<>();
      for (String name : names) {
        String other = seen.put(ZapHash.of(salt, name.getBytes(StandardCharsets.UTF_8)), name);
        if (other != null) {
          FileTree withPair = collisionTree(names, shared, Map.of(other, first, name, second));
          Path image = work.resolve("collision.img");
          ZfsPoolWriter.write(withPair, ZfsOptions.defaults(ZfsImageChecks.TIMESTAMP), image,
              io.osvmaven.core.BuildListener.NONE);
          assertZdbClean(image, work);
          assertThat(ZfsTools.grubCmp(image, "/dir/" + other, first).exitCode()).isZero();
          assertThat(ZfsTools.grubCmp(image, "/dir/" + name, second).exitCode()).isZero();
          List<String> listed = List.of(ZfsTools.grub(image, "ls", "/@/dir/").output().trim().split("\\s+"));
          assertThat(listed).hasSize(n).contains(other, name).doesNotHaveDuplicates();
          if (Files.exists(Path.of("/dev/fuse"))) {
            // zfs-fuse's readdir resumes its ZAP cursor by (hash, cd): equal pairs would repeat or skip
            String a = other;
            ZfsImageChecks.modifyWithZfsFuse(image, work, mnt -> {
              try (Stream<Path> entries = Files.list(mnt.resolve("dir"))) {
                assertThat(entries.map(p -> p.getFileName().toString()).toList()).hasSize(n)
                    .doesNotHaveDuplicates();
              }
              assertThat(Files.readString(mnt.resolve("dir/" + a))).isEqualTo("first of the pair");
              assertThat(Files.readString(mnt.resolve("dir/" + name))).isEqualTo("other of the pair");
            });
          }
          return;
        }
      }
    }
    throw new AssertionError("no 28-bit hash collision found in " + variants + " variants");
  }

  private static List<String> randomNames(int variant, int n) {
    Random random = new Random(variant);
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    while (names.size() < n) {
      names.add(Long.toHexString(random.nextLong()));
    }
    return List.copyOf(names);
  }

  private static FileTree collisionTree(List<String> names, Path shared, Map<String, Path> sources)
      throws Exception {
    FileTree tree = new FileTree();
    Directory dir = tree.mkdirs("/dir", Attributes.DIRECTORY);
    long size = Files.size(shared);
    for (String name : names) {
      dir.put(new RegularFile(name, sources.getOrDefault(name, shared), size, Attributes.FILE));
    }
    return tree;
  }

  @Test
  void givenPoolSizeIsTheDeviceSize() throws Exception {
    write(src.resolve("a.txt"), "a".getBytes(StandardCharsets.UTF_8));
    long size = (200L << 20) + 12345;

    ZfsResult result = build(src, work, ZfsOptions.defaults(ZfsImageChecks.TIMESTAMP).withPoolSize(size));

    assertThat(Files.size(result.image())).isEqualTo(size);
    assertZdbClean(result.image(), work);
    // 200 MiB aligned down to 256K, minus 4 MiB in front and 512K of end labels; 2^20 metaslabs
    ZfsTools.Run labels = ZfsTools.run(List.of("zdb", "-l", result.image().toString()));
    assertThat(labels.output()).contains("asize: " + ((200L << 20) - (4L << 20) - (512L << 10)))
        .contains("metaslab_shift: 20");
    assertGrubReads(result.image(), src, regularFiles(src));
  }

  @Test
  void multiGigabytePoolSplitsLongSpaceMapRuns() throws Exception {
    // 4 GiB: 2^25-byte metaslabs, so the 20 MB file's blocks form one extent longer than the 16 MiB
    // (32768 sectors) a one-word space map entry can describe
    Random random = new Random(5);
    write(src.resolve("big.bin"), bytes(random, 20_000_000));

    ZfsResult result = build(src, work, ZfsOptions.defaults(ZfsImageChecks.TIMESTAMP).withPoolSize(4L << 30));

    assertZdbClean(result.image(), work);
    ZfsTools.Run labels = ZfsTools.run(List.of("zdb", "-l", result.image().toString()));
    assertThat(labels.output()).contains("metaslab_shift: 25");
    assertGrubReads(result.image(), src, regularFiles(src));
  }

  private static void write(Path file, byte[] content) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
