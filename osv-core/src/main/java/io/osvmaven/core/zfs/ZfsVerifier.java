package io.osvmaven.core.zfs;

import io.osvmaven.core.disk.DiskImages;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.TreeVisitor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Checks a pool image with independent ZFS implementations, whichever are installed: zfs-fuse's
 * {@code zdb -e -p DIR -bcc POOL} (every block's checksum, space accounting, "No leaks"; needs the
 * zfs-fuse daemon running) and GRUB's {@code grub-fstest} (lists the root; with a file tree, compares every
 * file's content). A checker that is not available is reported as skipped, never as passed.
 */
public final class ZfsVerifier {

  /** The outcome of one checker. */
  public record Check(String tool, Status status, String detail) {}

  /** Passed, failed, or could not run here. */
  public enum Status { PASSED, FAILED, SKIPPED }

  /** Output and exit code of a finished command. */
  public record Run(int exitCode, String output) {}

  private ZfsVerifier() {}

  /**
   * Runs the available checkers on {@code image}.
   *
   * @param expected the tree the image was built from, to compare contents with; null to skip that
   * @param work a scratch directory (zdb needs the image alone in a directory)
   */
  public static List<Check> verify(Path image, String pool, FileTree expected, Path work)
      throws IOException, InterruptedException {
    List<Check> checks = new ArrayList<>();
    checks.add(zdb(image, pool, work));
    checks.add(grub(image, expected));
    return checks;
  }

  /**
   * As {@link #verify}, for a bare pool image or an OSv disk whose partition 2 holds the pool (it is
   * copied out, sparse, into {@code work} first).
   */
  public static List<Check> verifyImageOrDisk(Path image, String pool, FileTree expected, Path work)
      throws IOException, InterruptedException {
    if (!DiskImages.isOsvDisk(image)) {
      return verify(image, pool, expected, work);
    }
    Path extracted = work.resolve("partition-2.img");
    DiskImages.extractPartition(image, 2, extracted);
    try {
      return verify(extracted, pool, expected, work);
    } finally {
      Files.deleteIfExists(extracted);
    }
  }

  private static Check zdb(Path image, String pool, Path work) throws IOException, InterruptedException {
    if (!onPath("zdb")) {
      return new Check("zdb", Status.SKIPPED, "not installed (Debian: zfs-fuse)");
    }
    if (run(List.of("zpool", "list")).exitCode() != 0) {
      return new Check("zdb", Status.SKIPPED, "the zfs-fuse daemon is not running (start it with: zfs-fuse)");
    }
    Path dir = Files.createTempDirectory(work, "zdb");
    try {
      sparseCopy(image, dir.resolve("pool.img"));
      Run r = run(List.of("zdb", "-e", "-p", dir.toString(), "-bcc", pool));
      boolean ok = r.exitCode() == 0 && r.output().contains("No leaks");
      return new Check("zdb", ok ? Status.PASSED : Status.FAILED,
          ok ? "checksums verified, no leaks" : "exit " + r.exitCode() + ":\n" + r.output());
    } finally {
      deleteTree(dir);
    }
  }

  private static Check grub(Path image, FileTree expected) throws IOException, InterruptedException {
    if (!onPath("grub-fstest")) {
      return new Check("grub-fstest", Status.SKIPPED, "not installed (Debian: grub-common)");
    }
    Run ls = run(List.of("grub-fstest", image.toString(), "ls", "/@/"));
    if (ls.exitCode() != 0) {
      return new Check("grub-fstest", Status.FAILED, "cannot list the root: " + ls.output());
    }
    if (expected == null) {
      return new Check("grub-fstest", Status.PASSED, "root directory readable");
    }
    List<String[]> files = new ArrayList<>();
    expected.walk(new TreeVisitor() {
      @Override
      public void visitFile(String path, RegularFile file) {
        files.add(new String[] {path, file.source().toString()});
      }
    });
    for (String[] f : files) {
      Run cmp = run(List.of("grub-fstest", image.toString(), "cmp", "/@" + f[0], f[1]));
      if (cmp.exitCode() != 0) {
        return new Check("grub-fstest", Status.FAILED, f[0] + " differs from " + f[1] + ": " + cmp.output());
      }
    }
    return new Check("grub-fstest", Status.PASSED, files.size() + " files compared");
  }

  public static Run run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** {@code cp --sparse=always}: pool images are mostly holes, a plain copy would fill them in. */
  public static void sparseCopy(Path from, Path to) throws IOException, InterruptedException {
    Run cp = run(List.of("cp", "--sparse=always", from.toString(), to.toString()));
    if (cp.exitCode() != 0) {
      throw new IOException("cp failed: " + cp.output());
    }
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
