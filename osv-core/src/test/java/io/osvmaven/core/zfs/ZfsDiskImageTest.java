package io.osvmaven.core.zfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.disk.DiskFormat;
import io.osvmaven.core.disk.DiskImages;
import io.osvmaven.core.disk.MbrPartitionEntry;
import io.osvmaven.core.disk.MbrPartitionTable;
import io.osvmaven.core.image.Filesystem;
import io.osvmaven.core.image.ImageBuilder;
import io.osvmaven.core.image.ImageContent;
import io.osvmaven.core.image.ImageRequest;
import io.osvmaven.core.image.ImageResult;
import io.osvmaven.core.tree.FileTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image with filesystem zfs: the pool in partition 2, checked by zdb and grub-fstest through ZfsVerifier. */
class ZfsDiskImageTest {

  @TempDir static Path daemonDir;
  @TempDir Path dir;

  @BeforeAll
  static void startDaemon() throws Exception {
    ZfsTools.ensureDaemon(daemonDir);
  }

  @AfterAll
  static void stopDaemon() throws Exception {
    ZfsTools.stopDaemon();
  }

  @Test
  void zfsDiskHoldsAPoolThatRealZfsReadersAccept() throws Exception {
    Files.createDirectories(dir.resolve("files/lib"));
    Files.writeString(dir.resolve("files/hosts"), "127.0.0.1 localhost\n");
    Files.write(dir.resolve("files/lib/big.so"), new byte[300_000]);
    Files.writeString(dir.resolve("files/lib/small.so"), "x".repeat(777));
    Path manifest = Files.writeString(dir.resolve("usr.manifest"),
        "/etc/hosts: files/hosts\n/usr/lib/**: files/lib/**\n/etc/mnttab: ->/proc/mounts\n/data: files\n");
    List<ImageContent> contents = List.of(new ImageContent.Manifest(manifest, dir, Map.of()));
    ImageRequest request = new ImageRequest(contents, Filesystem.ZFS, Optional.empty(), "/hello.so",
        ImageRequest.disksIn(dir.resolve("out"), "app", Set.of(DiskFormat.RAW, DiskFormat.QCOW2)),
        dir.resolve("out/app.json"), "app", dir.resolve("out/osv"), 1767225600L, 0, 0, "test").withDigest(true);
    ImageResult result = new ImageBuilder(BuildListener.NONE).build(request);

    assertThat(result.commandLine()).isEqualTo("--rootfs=zfs /hello.so");
    Path disk = result.disks().get(DiskFormat.RAW);
    MbrPartitionEntry p = MbrPartitionTable.read(disk).osvPartition(2).orElseThrow();
    assertThat(p.offset()).isEqualTo(512);
    assertThat(p.size()).isEqualTo(result.filesystemSize()).isGreaterThanOrEqualTo(64L << 20);
    assertThat(result.filesystemImage()).isEqualTo(disk);
    assertThat(disk).hasSize(512 + result.filesystemSize());
    // the pool is written in random order, the disk hashed after it: the digest is still the file's
    String expectedSha = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(disk)));
    assertThat(Files.readString(result.descriptor())).contains("\"sha256\": \"" + expectedSha + "\"");
    assertThat(Files.readString(result.descriptor())).contains("\"filesystem\": \"zfs\"");

    // the pool as OSv finds it, /dev/vblk0.1, read from the qcow2 disk
    Path pool = dir.resolve("pool.img");
    DiskImages.extractPartition(result.disks().get(DiskFormat.QCOW2), 2, pool);
    Path inRaw = dir.resolve("raw-partition.img");
    DiskImages.extractPartition(disk, 2, inRaw);
    assertThat(Files.mismatch(pool, inRaw)).isEqualTo(-1L);
    // the pool written in place equals the pool written to a file of its own
    Path alone = dir.resolve("alone.img");
    ZfsPoolWriter.write(new ImageBuilder(BuildListener.NONE).compose(contents, 1767225600L),
        ZfsOptions.defaults(1767225600L), alone, BuildListener.NONE);
    assertThat(Files.mismatch(pool, alone)).isEqualTo(-1L);
    FileTree expected = new ImageBuilder(BuildListener.NONE).compose(contents, 1767225600L);
    List<ZfsVerifier.Check> checks = ZfsVerifier.verify(pool, "osv", expected, dir);
    assertThat(checks).extracting(ZfsVerifier.Check::status).as(checks.toString())
        .containsExactly(ZfsVerifier.Status.PASSED, ZfsVerifier.Status.PASSED);
    assertThat(checks.get(1).detail()).isEqualTo("3 files compared");
  }
}
