package io.osvmaven.core.zfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.osvmaven.core.BuildListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds an image from a host directory and checks it with the real readers (zfs-image.md §7). */
final class ZfsImageChecks {

  static final long TIMESTAMP = 1_700_000_000L;

  private ZfsImageChecks() {}

  static ZfsResult build(Path src, Path work, ZfsOptions options) throws IOException {
    Path out = Files.createTempDirectory(work, "img").resolve("pool.img");
    return ZfsPoolWriter.write(HostTrees.of(src), options, out, BuildListener.NONE);
  }

  static ZfsResult build(Path src, Path work) throws IOException {
    return build(src, work, ZfsOptions.defaults(TIMESTAMP));
  }

  /** §7.2: rc 0, every block's checksum verified, the space maps match the blocks exactly. */
  static ZfsTools.Run assertZdbClean(Path image, Path work) throws Exception {
    ZfsTools.Run zdb = ZfsTools.zdb(image, "osv", work);
    assertThat(zdb.output()).as(zdb.output())
        .contains("Traversing all blocks to verify checksums")
        .contains("No leaks (block sum matches space maps exactly)")
        .doesNotContain("error");
    assertThat(zdb.exitCode()).as(zdb.output()).isZero();
    return zdb;
  }

  /** §7.4: GRUB's own ZFS reader returns each file's exact bytes. */
  static void assertGrubReads(Path image, Path src, List<Path> files) throws Exception {
    List<String> failed = new ArrayList<>();
    for (Path f : files) {
      String rel = "/" + src.relativize(f).toString();
      ZfsTools.Run cmp = ZfsTools.grubCmp(image, rel, f);
      if (cmp.exitCode() != 0) {
        failed.add(rel + ": " + cmp.output());
      }
    }
    assertThat(failed).isEmpty();
  }

  static List<Path> regularFiles(Path src) throws IOException {
    try (Stream<Path> s = Files.walk(src)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
  }

  /**
   * §7.3: imports a copy with zfs-fuse, mounts it and compares every entry's type, permissions,
   * content and link target with the source.
   */
  static void assertImportedEquals(Path image, Path src, Path work) throws Exception {
    Path dir = Files.createTempDirectory(work, "import");
    Path dev = Files.createDirectories(dir.resolve("dev"));
    Path mnt = Files.createDirectories(dir.resolve("mnt"));
    ZfsTools.sparseCopy(image, dev.resolve("pool.img"));
    ZfsTools.Run imported = ZfsTools.run(List.of("zpool", "import", "-d", dev.toString(), "-R", mnt.toString(),
        "osv"));
    assertThat(imported.exitCode()).as(imported.output()).isZero();
    try {
      ZfsTools.run(List.of("zfs", "mount", "osv"));
      assertThat(describe(mnt)).isEqualTo(describe(src));
    } finally {
      ZfsTools.Run export = ZfsTools.run(List.of("zpool", "export", "osv"));
      if (export.exitCode() != 0) {
        ZfsTools.run(List.of("zpool", "export", "-f", "osv"));
      }
    }
  }

  /**
   * Imports a copy with zfs-fuse, lets {@code change} modify the mounted tree (as OSv does on every
   * boot), exports it and returns the path of the modified copy.
   */
  static Path modifyWithZfsFuse(Path image, Path work, MountedChange change) throws Exception {
    Path dir = Files.createTempDirectory(work, "modify");
    Path dev = Files.createDirectories(dir.resolve("dev"));
    Path mnt = Files.createDirectories(dir.resolve("mnt"));
    Path copy = dev.resolve("pool.img");
    ZfsTools.sparseCopy(image, copy);
    ZfsTools.Run imported = ZfsTools.run(List.of("zpool", "import", "-d", dev.toString(), "-R", mnt.toString(),
        "osv"));
    assertThat(imported.exitCode()).as(imported.output()).isZero();
    try {
      ZfsTools.run(List.of("zfs", "mount", "osv"));
      change.apply(mnt);
    } finally {
      ZfsTools.Run export = ZfsTools.run(List.of("zpool", "export", "osv"));
      assertThat(export.exitCode()).as(export.output()).isZero();
    }
    return copy;
  }

  /** Something done to a mounted pool. */
  interface MountedChange {
    void apply(Path mountPoint) throws Exception;
  }

  /** {@code zfs get -Hp PROPERTY osv} of an imported copy (not mounted). */
  static long property(Path image, Path work, String property) throws Exception {
    long[] value = new long[1];
    modifyWithZfsFuse(image, work, mnt -> {
      ZfsTools.Run get = ZfsTools.run(List.of("zfs", "get", "-H", "-p", "-o", "value", property, "osv"));
      assertThat(get.exitCode()).as(get.output()).isZero();
      value[0] = Long.parseLong(get.output().trim());
    });
    return value[0];
  }

  private static final java.util.regex.Pattern OBJECT_ROW = java.util.regex.Pattern.compile(
      "^\\s+(-?\\d+)\\s+\\d+\\s+\\S+\\s+\\S+\\s+(\\S+)\\s+\\S+\\s+[\\d.]+\\s+\\S");
  private static final java.util.regex.Pattern BLOCK_ROW = java.util.regex.Pattern.compile(
      "^\\s+[0-9a-f]+\\s+L\\d\\s+0:[0-9a-f]+:([0-9a-f]+) ");

  /**
   * In a {@code zdb -dddddd} dump, every object's dsize (its {@code dn_used}) must be the sum of the
   * blocks zdb lists under it. Returns how many objects were checked.
   */
  static int assertDnodeUsedMatchesBlocks(String dump) {
    List<String> mismatches = new ArrayList<>();
    String object = null;
    String dsize = null;
    long sum = 0;
    int checked = 0;
    for (String line : (dump + "\n    Object  lvl").split("\n")) {
      if (line.contains("Object  lvl")) {
        if (object != null) {
          checked++;
          if (!dsize.equals(nicenum(sum))) {
            mismatches.add("object " + object + ": dsize " + dsize + ", blocks " + sum);
          }
        }
        object = null;
        continue;
      }
      var row = OBJECT_ROW.matcher(line);
      if (object == null && row.find()) {
        object = row.group(1);
        dsize = row.group(2);
        sum = 0;
        continue;
      }
      var block = BLOCK_ROW.matcher(line);
      if (object != null && block.find()) {
        sum += Long.parseLong(block.group(1), 16);
      }
    }
    assertThat(mismatches).isEmpty();
    return checked;
  }

  /** zfs-fuse's nicenum(), as zdb prints sizes. */
  static String nicenum(long num) {
    long n = num;
    int index = 0;
    while (n >= 1024) {
      n = (n + 512) / 1024;
      index++;
    }
    char u = " KMGTPE".charAt(index);
    double scaled = (double) num / (1L << (10 * index));
    if (index == 0) {
      return Long.toString(n);
    } else if (n < 10 && (num & (num - 1)) != 0) {
      return String.format(java.util.Locale.ROOT, "%.2f%c", scaled, u);
    } else if (n < 100 && (num & (num - 1)) != 0) {
      return String.format(java.util.Locale.ROOT, "%.1f%c", scaled, u);
    }
    return n + String.valueOf(u);
  }

  /** Path → "type perms content-or-target" for every entry below root. */
  private static TreeMap<String, String> describe(Path root) throws IOException {
    TreeMap<String, String> map = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        if (p.equals(root)) {
          continue;
        }
        String rel = root.relativize(p).toString();
        String d;
        if (Files.isSymbolicLink(p)) {
          d = "link " + Files.readSymbolicLink(p);
        } else {
          String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
          d = Files.isDirectory(p) ? "dir " + perms
              : "file " + perms + " " + Files.size(p) + " " + digest(p);
        }
        map.put(rel, d);
      }
    }
    return map;
  }

  private static String digest(Path p) throws IOException {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      try (var in = Files.newInputStream(p)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          md.update(buf, 0, n);
        }
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
