package io.osvmaven.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.RecordingListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.disk.DiskAssembler;
import io.osvmaven.core.disk.DiskFormat;
import io.osvmaven.core.disk.DiskImages;
import io.osvmaven.core.disk.DiskSpec;
import io.osvmaven.core.disk.LoaderImage;
import io.osvmaven.core.disk.OsvCommandLine;
import io.osvmaven.core.disk.PartitionSpec;
import io.osvmaven.core.disk.FakeLoader;
import io.osvmaven.core.disk.MbrPartitionEntry;
import io.osvmaven.core.disk.MbrPartitionTable;
import io.osvmaven.core.manifest.ResolvedEntry;
import io.osvmaven.core.rofs.RofsReader;
import io.osvmaven.core.rofs.RofsWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderTest {

  @TempDir
  Path dir;

  private final RecordingListener listener = new RecordingListener();

  private Path project(Path root) throws IOException {
    Files.createDirectories(root.resolve("src/main/osv/root/etc"));
    Files.writeString(root.resolve("src/main/osv/root/etc/motd"), "welcome\n");
    Files.writeString(root.resolve("hosts"), "127.0.0.1 localhost\n");
    Files.writeString(root.resolve("src/main/osv/usr.manifest"),
        "[manifest]\n/etc/hosts: hosts\n/etc/mnttab: ->/proc/mounts\n/data: src/main/osv\n");
    Files.createDirectories(root.resolve("target"));
    Files.write(root.resolve("target/app.jar"), new byte[1500]);
    return root;
  }

  private ImageRequest request(Path root, Optional<Path> kernel, Set<DiskFormat> formats) {
    List<ImageContent> contents = List.of(
        new ImageContent.Manifest(root.resolve("src/main/osv/usr.manifest"), root, Map.of()),
        new ImageContent.Directory(root.resolve("src/main/osv/root"), "/", "src/main/osv/root"),
        new ImageContent.Entries(List.of(
            new ResolvedEntry.HostFile("/app/app.jar", root.resolve("target/app.jar"), "project artifact"))));
    return new ImageRequest(contents, Filesystem.ROFS, kernel, "/usr/bin/hello --name=x",
        ImageRequest.disksIn(root.resolve("target"), "app", formats), root.resolve("target/app.json"), "app",
        root.resolve("target/osv"), 1767225600L, 0, "test").withDigest(true);
  }

  private static String read(RofsReader rofs, String path) throws IOException {
    try (InputStream in = rofs.openFile(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void kernellessDiskHoldsTheComposedTreeAtSector1() throws IOException {
    Path root = project(dir.resolve("p"));
    ImageResult r = new ImageBuilder(listener).build(request(root, Optional.empty(), Set.of(DiskFormat.RAW)));
    Path disk = root.resolve("target/app.img");
    assertThat(r.disks()).containsEntry(DiskFormat.RAW, disk);
    assertThat(r.bootable()).isFalse();
    assertThat(r.commandLine()).isEqualTo("--rootfs=rofs /usr/bin/hello --name=x");
    assertThat(listener.infos).anyMatch(m -> m.startsWith("No kernel given"));

    MbrPartitionEntry p = MbrPartitionTable.read(disk).osvPartition(2).orElseThrow();
    assertThat(p.offset()).isEqualTo(512);
    assertThat(r.filesystemImage()).isEqualTo(disk);
    assertThat(r.filesystemOffset()).isEqualTo(512);
    assertThat(p.size()).isEqualTo(r.filesystemSize());
    assertThat(root.resolve("target/osv/app.rofs")).as("no second copy of the filesystem").doesNotExist();
    assertThat(disk).hasSize(512 + r.filesystemSize());
    assertThat(descriptorSha256(r)).isEqualTo(sha256(disk));
    assertThat(disk).hasSameBinaryContentAs(assembledFromABareImage(root, r, DiskSpec.kernelless()));
    try (RofsReader rofs = RofsReader.open(disk, p.offset())) {
      assertThat(rofs.verify()).isEmpty();
      assertThat(read(rofs, "/etc/hosts")).isEqualTo("127.0.0.1 localhost\n");
      assertThat(read(rofs, "/etc/motd")).isEqualTo("welcome\n");
      assertThat(rofs.readlink("/etc/mnttab")).isEqualTo("/proc/mounts");
      assertThat(rofs.lookup("/data")).isPresent();
      assertThat(rofs.lookup("/app/app.jar").orElseThrow().count()).isEqualTo(1500);
    }
    assertThat(Files.readString(r.manifest())).contains("/app/app.jar: ").contains("/etc/mnttab: ->/proc/mounts");
    assertThat(Files.readString(r.descriptor())).contains("\"commandLine\": \"--rootfs=rofs /usr/bin/hello --name=x\"")
        .contains("\"bootable\": false").contains("\"files\": 8"); // /, app, app.jar, data, etc, hosts, mnttab, motd
  }

  @Test
  void bootableDiskPutsTheFilesystemAfterTheKernelAndWritesTheCommandLine() throws IOException {
    Path root = project(dir.resolve("p"));
    Path loader = FakeLoader.write(root.resolve("loader.img"), 100_000);
    ImageResult r = new ImageBuilder(listener).build(request(root, Optional.of(loader), Set.of(DiskFormat.RAW)));
    Path disk = r.disks().get(DiskFormat.RAW);
    byte[] head = new byte[0x10000];
    try (InputStream in = Files.newInputStream(disk)) {
      assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(head.length);
    }
    String cmdline = new String(head, 512, "--rootfs=rofs /usr/bin/hello --name=x".length(), StandardCharsets.UTF_8);
    assertThat(cmdline).isEqualTo("--rootfs=rofs /usr/bin/hello --name=x");
    assertThat(head[512 + cmdline.length()]).isZero();
    MbrPartitionEntry p = MbrPartitionTable.read(disk).osvPartition(2).orElseThrow();
    assertThat(p.offset()).isEqualTo(2L * 1024 * 1024); // loader (< 2 MiB) rounded up to 2 MiB
    assertThat(descriptorSha256(r)).isEqualTo(sha256(disk));
    assertThat(disk).hasSameBinaryContentAs(assembledFromABareImage(root, r,
        DiskSpec.withLoader(LoaderImage.read(loader)).withCommandLine(OsvCommandLine.of(r.commandLine()))));
    try (RofsReader rofs = RofsReader.open(disk, p.offset())) {
      assertThat(read(rofs, "/etc/motd")).isEqualTo("welcome\n");
    }
  }

  @Test
  void unchangedInputsRewriteNothingAndChangedOnesRebuild() throws IOException {
    Path root = project(dir.resolve("p"));
    ImageRequest req = request(root, Optional.empty(), Set.of(DiskFormat.RAW, DiskFormat.QCOW2));
    ImageResult first = new ImageBuilder(listener).build(req);
    assertThat(first.upToDate()).isFalse();
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    for (Path p : first.disks().values()) {
      Files.setLastModifiedTime(p, old);
    }
    ImageResult second = new ImageBuilder(listener).build(req);
    assertThat(second.upToDate()).isTrue();
    for (Path p : second.disks().values()) {
      assertThat(Files.getLastModifiedTime(p)).isEqualTo(old);
    }
    Files.writeString(root.resolve("src/main/osv/root/etc/motd"), "changed\n");
    ImageResult third = new ImageBuilder(listener).build(req);
    assertThat(third.upToDate()).isFalse();
    assertThat(Files.getLastModifiedTime(third.disks().get(DiskFormat.RAW))).isNotEqualTo(old);
  }

  @Test
  void twoProjectsInDifferentDirectoriesGiveIdenticalImages() throws IOException {
    Path a = project(dir.resolve("a"));
    Path b = project(dir.resolve("elsewhere/b"));
    Files.setLastModifiedTime(b.resolve("hosts"), FileTime.fromMillis(5_000_000_000L));
    ImageResult ra = new ImageBuilder(listener).build(request(a, Optional.empty(), Set.of(DiskFormat.RAW, DiskFormat.QCOW2)));
    ImageResult rb = new ImageBuilder(listener).build(request(b, Optional.empty(), Set.of(DiskFormat.RAW, DiskFormat.QCOW2)));
    for (DiskFormat f : DiskFormat.values()) {
      assertThat(sha256(ra.disks().get(f))).isEqualTo(sha256(rb.disks().get(f)));
    }
    assertThat(Files.readString(ra.descriptor())).isEqualTo(Files.readString(rb.descriptor()));
  }

  @Test
  void aConflictFailsBeforeAnyOutput() throws IOException {
    Path root = project(dir.resolve("p"));
    Files.writeString(root.resolve("src/main/osv/usr.manifest"), "/etc: hosts\n", java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> new ImageBuilder(listener).build(request(root, Optional.empty(), Set.of(DiskFormat.RAW))))
        .isInstanceOf(OsvException.class);
    assertThat(root.resolve("target/app.img")).doesNotExist();
    assertThat(root.resolve("target/osv/app.rofs")).doesNotExist();
  }

  @Test
  void aBadKernelFailsBeforeTheFilesystemIsWritten() throws IOException {
    Path root = project(dir.resolve("p"));
    Path notALoader = Files.writeString(root.resolve("kernel.img"), "not a loader");
    assertThatThrownBy(() -> new ImageBuilder(listener).build(request(root, Optional.of(notALoader), Set.of(DiskFormat.RAW))))
        .isInstanceOf(OsvException.class).hasMessageContaining("kernel.img");
    assertThat(root.resolve("target/osv/app.rofs")).doesNotExist();
    assertThat(root.resolve("target/app.img")).doesNotExist();
    assertThat(root.resolve("target/osv/usr.manifest")).doesNotExist();
  }

  @Test
  void warnsWhenTheCommandIsNotInTheImage() throws IOException {
    Path root = project(dir.resolve("p"));
    new ImageBuilder(listener).build(request(root, Optional.empty(), Set.of(DiskFormat.RAW)));
    assertThat(listener.warnings).containsExactly("the command line starts /usr/bin/hello, which is not in the image");
  }

  @Test
  void withoutARawDiskTheFilesystemIsABareImageAndTheQcow2HoldsIt() throws IOException {
    Path root = project(dir.resolve("p"));
    ImageResult r = new ImageBuilder(listener).build(request(root, Optional.empty(), Set.of(DiskFormat.QCOW2)));
    Path bare = root.resolve("target/osv/app.rofs");
    assertThat(r.filesystemImage()).isEqualTo(bare);
    assertThat(r.filesystemOffset()).isZero();
    assertThat(bare).hasSize(r.filesystemSize());
    Path partition = dir.resolve("partition.rofs");
    DiskImages.extractPartition(r.disks().get(DiskFormat.QCOW2), 2, partition);
    assertThat(partition).hasSameBinaryContentAs(bare);
    assertThat(descriptorSha256(r)).isEqualTo(sha256(r.disks().get(DiskFormat.QCOW2)));

    // asking for raw as well moves the filesystem into the raw disk and drops the bare copy
    ImageResult both = new ImageBuilder(listener).build(request(root, Optional.empty(), Set.of(DiskFormat.RAW, DiskFormat.QCOW2)));
    assertThat(both.filesystemImage()).isEqualTo(both.disks().get(DiskFormat.RAW));
    assertThat(bare).doesNotExist();
    ImageResult again = new ImageBuilder(listener).build(request(root, Optional.empty(), Set.of(DiskFormat.RAW, DiskFormat.QCOW2)));
    assertThat(again.upToDate()).isTrue();
    assertThat(again.filesystemImage()).isEqualTo(both.filesystemImage());
    assertThat(again.filesystemOffset()).isEqualTo(both.filesystemOffset());
    assertThat(again.filesystemSize()).isEqualTo(both.filesystemSize());
  }

  @Test
  void digestsAreWrittenOnlyWhenAskedForAndAskingRebuilds() throws IOException {
    Path root = project(dir.resolve("p"));
    ImageRequest plain = request(root, Optional.empty(), Set.of(DiskFormat.RAW, DiskFormat.QCOW2)).withDigest(false);
    ImageResult r = new ImageBuilder(listener).build(plain);
    assertThat(Files.readString(r.descriptor())).doesNotContain("sha256");
    ImageResult withDigest = new ImageBuilder(listener).build(plain.withDigest(true));
    assertThat(withDigest.upToDate()).isFalse();
    String json = Files.readString(withDigest.descriptor());
    assertThat(json).contains("\"sha256\": \"" + sha256(withDigest.disks().get(DiskFormat.RAW)) + "\"")
        .contains("\"sha256\": \"" + sha256(withDigest.disks().get(DiskFormat.QCOW2)) + "\"");
    assertThat(withDigest.disks().get(DiskFormat.RAW)).hasSameBinaryContentAs(r.disks().get(DiskFormat.RAW));
  }

  @Test
  void aWorkDirectoryOutsideTheDescriptorsStillAnswersUpToDate() throws IOException {
    Path root = project(dir.resolve("p"));
    for (Set<DiskFormat> formats : List.of(Set.of(DiskFormat.QCOW2), Set.of(DiskFormat.RAW))) {
      ImageRequest base = request(root, Optional.empty(), formats);
      ImageRequest elsewhere = new ImageRequest(base.contents(), base.filesystem(), base.kernel(), base.cmdline(),
          base.disks(), base.descriptor(), base.imageName(), dir.resolve("elsewhere/work"), base.mtimeSeconds(),
          base.diskSize(), base.filesystemSize(), base.extraFingerprint(), base.digest());
      ImageResult first = new ImageBuilder(listener).build(elsewhere);
      ImageResult second = new ImageBuilder(listener).build(elsewhere);
      assertThat(second.upToDate()).as(formats.toString()).isTrue();
      assertThat(second.filesystemImage()).isEqualTo(first.filesystemImage());
      assertThat(second.filesystemSize()).isEqualTo(first.filesystemSize());
    }
  }

  @Test
  void aFileThatShrinksWhileTheDiskIsWrittenLeavesNoDiskAndNoTemporaryFile() throws IOException {
    Path root = project(dir.resolve("p"));
    ImageRequest good = request(root, Optional.empty(), Set.of(DiskFormat.RAW));
    // recorded as 10,000 bytes, but the host file has 5: the ROFS stream fails half-way into the disk
    Path shrunk = Files.writeString(root.resolve("shrunk.bin"), "short");
    List<ImageContent> contents = new ArrayList<>(good.contents());
    contents.add(new ImageContent.Entries(List.of(new ResolvedEntry.HostFile("/zz/shrunk.bin", shrunk,
        "test", 10_000, false, 1L))));
    ImageRequest bad = new ImageRequest(contents, good.filesystem(), good.kernel(), good.cmdline(), good.disks(),
        good.descriptor(), good.imageName(), good.workDirectory(), good.mtimeSeconds(), good.diskSize(),
        good.filesystemSize(), good.extraFingerprint(), true);
    assertThatThrownBy(() -> new ImageBuilder(listener).build(bad))
        .isInstanceOf(OsvException.class).hasMessageContaining("/zz/shrunk.bin").hasMessageContaining("shrank");
    try (var left = Files.list(root.resolve("target"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("app.img") || n.startsWith(".app.img"));
    }
  }

  /** The disk DiskAssembler makes from the same tree written to a bare ROFS image first. */
  private Path assembledFromABareImage(Path root, ImageResult r, DiskSpec spec) throws IOException {
    Path bare = dir.resolve("bare.rofs");
    ImageRequest req = request(root, Optional.empty(), Set.of(DiskFormat.RAW));
    new RofsWriter().write(new ImageBuilder(listener).compose(req), bare);
    assertThat(bare).hasSize(r.filesystemSize());
    Path disk = dir.resolve("assembled.img");
    new DiskAssembler(listener).assemble(spec.withPartition(PartitionSpec.ofImage(2, bare)), disk, DiskFormat.RAW);
    return disk;
  }

  private static String descriptorSha256(ImageResult r) throws IOException {
    String json = Files.readString(r.descriptor());
    // the disks' digests follow the kernel's
    Matcher m = Pattern.compile("\"sha256\": \"([0-9a-f]{64})\"").matcher(json.substring(json.indexOf("\"disks\"")));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** Independent of the engine's digest code: the whole file through MessageDigest. */
  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
