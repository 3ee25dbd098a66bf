package io.osvmaven.core.zfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external ZFS readers the writer is checked against: zfs-fuse's {@code zdb} (which needs the
 * zfs-fuse daemon) and GRUB's {@code grub-fstest}. Procedures follow zfs-image.md §7.2 and §7.4.
 */
final class ZfsTools {

  /** Output and exit code of a finished command. */
  record Run(int exitCode, String output) {}

  private static Run of(ZfsVerifier.Run r) {
    return new Run(r.exitCode(), r.output());
  }

  private static Process daemon;

  private ZfsTools() {}

  static Run run(List<String> command) throws IOException, InterruptedException {
    return of(ZfsVerifier.run(command));
  }

  /** Starts the zfs-fuse daemon unless one answers already (§7.6 items 1-2). */
  static synchronized void ensureDaemon(Path logDir) throws IOException, InterruptedException {
    if (run(List.of("zpool", "list")).exitCode() == 0) {
      return;
    }
    daemon = new ProcessBuilder("zfs-fuse", "-n", "--no-kstat-mount")
        .redirectErrorStream(true).redirectOutput(logDir.resolve("zfs-fuse.log").toFile()).start();
    for (int i = 0; i < 30; i++) {
      Thread.sleep(500);
      if (run(List.of("zpool", "list")).exitCode() == 0) {
        return;
      }
    }
    throw new IOException("zfs-fuse daemon did not start");
  }

  /** Stops the daemon if {@link #ensureDaemon} started it, waiting for it to exit. */
  static synchronized void stopDaemon() throws InterruptedException {
    if (daemon != null) {
      daemon.destroy();
      if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
        daemon.destroyForcibly().waitFor();
      }
      daemon = null;
    }
  }

  /** {@code zdb -e -p DIR -bcc POOL} on a copy of the image, alone in its directory (§7.2). */
  static Run zdb(Path image, String pool, Path work) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(work, "zdb");
    sparseCopy(image, dir.resolve("pool.img"));
    return run(List.of("zdb", "-e", "-p", dir.toString(), "-bcc", pool));
  }

  /** Any zdb invocation on a copy of the image (for dumps in failure messages). */
  static Run zdbArgs(Path image, Path work, String... args) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(work, "zdb");
    sparseCopy(image, dir.resolve("pool.img"));
    List<String> cmd = new ArrayList<>(List.of("zdb", "-e", "-p", dir.toString()));
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  /** {@code cp --sparse=always}: images are mostly holes, a plain copy would fill them in. */
  static void sparseCopy(Path from, Path to) throws IOException, InterruptedException {
    ZfsVerifier.sparseCopy(from, to);
  }

  /** {@code grub-fstest IMG cmp /@PATH LOCAL}: exit 0 when GRUB reads the same bytes (§7.4). */
  static Run grubCmp(Path image, String guestPath, Path local) throws IOException, InterruptedException {
    return run(List.of("grub-fstest", image.toString(), "cmp", "/@" + guestPath, local.toString()));
  }

  static Run grub(Path image, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("grub-fstest", image.toString()));
    cmd.addAll(List.of(args));
    return run(cmd);
  }
}
