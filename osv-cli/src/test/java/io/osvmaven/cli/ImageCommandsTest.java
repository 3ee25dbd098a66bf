package io.osvmaven.cli;

import static io.osvmaven.cli.MainTest.osv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCommandsTest {

  @TempDir
  Path dir;

  private Path project() throws IOException {
    Files.createDirectories(dir.resolve("files/lib"));
    Files.writeString(dir.resolve("files/hosts"), "127.0.0.1 localhost\n");
    Files.writeString(dir.resolve("files/lib/b.so"), "bbb");
    Files.writeString(dir.resolve("files/lib/a.so"), "a");
    Path manifest = dir.resolve("usr.manifest");
    Files.writeString(manifest, "[manifest]\n/etc/hosts: files/hosts\n/usr/lib/**: files/lib/**\n"
        + "/etc/mnttab: ->/proc/mounts\n/x/copy: files/%(name)s\n");
    return manifest;
  }

  @Test
  void buildsAnImageThatTheRofsCommandsReadBack() throws IOException {
    Path manifest = project();
    Path img = dir.resolve("out/disk.img");
    MainTest.Result build = osv("image", "build", "--manifest", manifest.toString(), "--base-dir", dir.toString(),
        "-D", "name=hosts", "--cmdline", "/hello.so", "--output", img.toString());
    assertThat(build.code()).as(build.err()).isZero();
    assertThat(build.out()).contains("wrote: " + img).contains("cmdline: --rootfs=rofs /hello.so");
    assertThat(Files.readString(dir.resolve("out/disk.json"))).doesNotContain("sha256");

    MainTest.Result tree = osv("rofs", "tree", img.toString());
    assertThat(tree.code()).isZero();
    assertThat(tree.out()).isEqualTo(String.join("\n",
        "d /", "d /etc", "f /etc/hosts 20", "l /etc/mnttab -> /proc/mounts", "d /usr", "d /usr/lib",
        "f /usr/lib/a.so 1", "f /usr/lib/b.so 3", "d /x", "f /x/copy 20", "") );
    assertThat(osv("rofs", "cat", img.toString(), "/usr/lib/b.so").out()).isEqualTo("bbb");
    assertThat(osv("rofs", "ls", img.toString(), "/etc").out())
        .isEqualTo("f /etc/hosts 20\nl /etc/mnttab -> /proc/mounts\n");
    MainTest.Result verify = osv("rofs", "verify", img.toString());
    assertThat(verify.code()).isZero();
    assertThat(verify.out()).isEqualTo("ok\n");

    MainTest.Result again = osv("image", "build", "--manifest", manifest.toString(), "--base-dir", dir.toString(),
        "-D", "name=hosts", "--cmdline", "/hello.so", "--output", img.toString());
    assertThat(again.out()).contains("up to date: " + img);
  }

  @Test
  void digestPutsTheDisksSha256InTheDescriptor() throws Exception {
    Path manifest = project();
    Path img = dir.resolve("out/disk.img");
    MainTest.Result build = osv("image", "build", "--manifest", manifest.toString(), "--base-dir", dir.toString(),
        "-D", "name=hosts", "--digest", "--output", img.toString());
    assertThat(build.code()).as(build.err()).isZero();
    String sha = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(img)));
    assertThat(Files.readString(dir.resolve("out/disk.json"))).contains("\"sha256\": \"" + sha + "\"");
  }

  @Test
  void qcow2OutputAndBareRofsReading() throws IOException {
    Path manifest = project();
    Path qcow2 = dir.resolve("disk.qcow2");
    MainTest.Result built = osv("image", "build", "--manifest", manifest.toString(), "--base-dir", dir.toString(),
        "-D", "name=hosts", "--format", "qcow2", "--loader-option", "--env=PORT=80", "--cmdline", "/x.so",
        "--output", qcow2.toString());
    assertThat(built.code()).isZero();
    assertThat(built.out()).contains("cmdline: --rootfs=rofs --env=PORT=80 /x.so");
    assertThat(Files.readAllBytes(qcow2)).startsWith('Q', 'F', 'I', (byte) 0xfb);
    // without a raw disk the filesystem is also kept as a bare image in the work directory, readable too
    assertThat(osv("rofs", "cat", dir.resolve("disk.osv/disk.rofs").toString(), "/etc/hosts").out())
        .isEqualTo("127.0.0.1 localhost\n");
    MainTest.Result onQcow2 = osv("rofs", "tree", qcow2.toString());
    assertThat(onQcow2.code()).isEqualTo(Main.BUILD_ERROR);
    assertThat(onQcow2.err()).contains("is a qcow2 image");
  }

  @Test
  void manifestErrorsExitWithOneAndNameTheLine() throws IOException {
    Path manifest = project();
    Files.writeString(manifest, "/etc/none: files/none\n", java.nio.file.StandardOpenOption.APPEND);
    Path img = dir.resolve("disk.img");
    MainTest.Result r = osv("image", "build", "--manifest", manifest.toString(), "--base-dir", dir.toString(),
        "-D", "name=hosts", "--output", img.toString());
    assertThat(r.code()).isEqualTo(Main.BUILD_ERROR);
    assertThat(r.err()).contains("usr.manifest:6:").contains("files/none");
    assertThat(img).doesNotExist();
    assertThat(osv("image", "build", "--manifest", manifest.toString(), "--output", img.toString(),
        "--format", "vmdk").code()).isEqualTo(Main.USAGE_ERROR);
  }

  @Test
  void zfsImagesAreBuiltAndCheckedWithGrub() throws IOException {
    Path manifest = project();
    Path img = dir.resolve("zfs.img");
    MainTest.Result build = osv("image", "build", "--fs", "zfs", "--manifest", manifest.toString(),
        "--base-dir", dir.toString(), "-D", "name=hosts", "--output", img.toString());
    assertThat(build.code()).as(build.err()).isZero();
    assertThat(build.out()).contains("cmdline: --rootfs=zfs");
    MainTest.Result verify = osv("zfs", "verify", img.toString(), "--manifest", manifest.toString(),
        "--base-dir", dir.toString(), "-D", "name=hosts");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    // grub-fstest needs no daemon: it always runs; zdb runs when the zfs-fuse daemon does (the engine's tests start it)
    assertThat(verify.out()).contains("grub-fstest: passed - 4 files compared\n").containsPattern("zdb: (passed|skipped) - ");
  }
}
