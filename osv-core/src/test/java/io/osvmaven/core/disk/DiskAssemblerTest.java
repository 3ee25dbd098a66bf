package io.osvmaven.core.disk;

import io.osvmaven.core.RecordingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.qcow2.QemuImg;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskAssemblerTest {

  private static final int MIB = 1024 * 1024;

  @TempDir
  Path dir;

  private final RecordingListener listener = new RecordingListener();
  private final List<String> warnings = listener.warnings;

  private Path randomFile(String name, int size, long seed) throws Exception {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return Files.write(dir.resolve(name), b);
  }

  private static String hex(byte[] b, int from, int len) {
    return HexFormat.ofDelimiter(" ").formatHex(Arrays.copyOfRange(b, from, from + len));
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private List<Path> filesInDir() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void rofsDiskMatchesScriptsBuildLayout() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 300 * 1024);
    byte[] loaderBytes = Files.readAllBytes(loaderFile);
    Path rofs = randomFile("rofs.img", 3 * MIB + 512, 5);
    OsvCommandLine cmdline = OsvCommandLine.withRootfs("rofs", "/hello.so");
    DiskSpec spec = DiskSpec.withLoader(LoaderImage.read(loaderFile))
        .withPartition(PartitionSpec.ofImage(2, rofs))
        .withMinimumSize(8L * MIB)
        .withCommandLine(cmdline);
    Path out = dir.resolve("usr.raw");

    DiskResult result = new DiskAssembler(listener).assemble(spec, out, DiskFormat.RAW);

    byte[] disk = Files.readAllBytes(out);
    assertThat(disk.length).isEqualTo(8 * MIB);
    assertThat(result.diskSize()).isEqualTo(8L * MIB);
    assertThat(result.partitionOffset()).isEqualTo(2L * MIB);
    assertThat(result.commandLine()).contains("--rootfs=rofs /hello.so");
    // sector 0: loader's boot code, slot 2 as computed in MbrPartitionEntryTest, rest unchanged
    assertThat(hex(disk, 0x1CE, 16)).isEqualTo("00 41 02 00 83 a2 24 00 00 10 00 00 01 18 00 00");
    assertThat(Arrays.copyOfRange(disk, 0, 0x1CE)).isEqualTo(Arrays.copyOfRange(loaderBytes, 0, 0x1CE));
    assertThat(Arrays.copyOfRange(disk, 0x1DE, 0x200))
        .isEqualTo(Arrays.copyOfRange(loaderBytes, 0x1DE, 0x200));
    // command line + NUL at 512
    byte[] text = "--rootfs=rofs /hello.so".getBytes(StandardCharsets.US_ASCII);
    assertThat(Arrays.copyOfRange(disk, 512, 512 + text.length)).isEqualTo(text);
    assertThat(disk[512 + text.length]).isZero();
    // kernel unchanged at 0x10000, zeros to 2 MiB, rofs image at 2 MiB, zeros to the end
    assertThat(Arrays.copyOfRange(disk, 0x10000, loaderBytes.length))
        .isEqualTo(Arrays.copyOfRange(loaderBytes, 0x10000, loaderBytes.length));
    assertThat(allZero(disk, loaderBytes.length, 2 * MIB)).isTrue();
    assertThat(Arrays.copyOfRange(disk, 2 * MIB, 5 * MIB + 512)).isEqualTo(Files.readAllBytes(rofs));
    assertThat(allZero(disk, 5 * MIB + 512, 8 * MIB)).isTrue();
    assertThat(result.partitions()).singleElement()
        .satisfies(e -> assertThat(e.offset()).isEqualTo(2L * MIB));
    assertThat(warnings).isEmpty();
    assertThat(filesInDir()).extracting(p -> p.getFileName().toString())
        .containsExactly("loader.img", "rofs.img", "usr.raw");
  }

  @Test
  void qcow2DiskHasTheSameContentAsTheRawOne() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 200 * 1024);
    Path rofs = randomFile("rofs.img", 1 * MIB, 6);
    DiskSpec spec = DiskSpec.withLoader(LoaderImage.read(loaderFile))
        .withPartition(PartitionSpec.ofImage(2, rofs))
        .withMinimumSize(64L * MIB)
        .withCommandLine(OsvCommandLine.withRootfs("rofs", "/x.so"));
    Path raw = dir.resolve("usr.raw");
    Path qcow2 = dir.resolve("usr.img");
    new DiskAssembler(listener).assemble(spec, raw, DiskFormat.RAW);
    DiskResult result = new DiskAssembler(listener).assemble(spec, qcow2, DiskFormat.QCOW2);

    QemuImg.assertClean(qcow2);
    QemuImg.assertSameContent(raw, qcow2);
    assertThat(QemuImg.virtualSize(qcow2, "qcow2")).isEqualTo(64L * MIB);
    assertThat(result.fileSize()).isEqualTo(Files.size(qcow2)).isLessThan(64L * MIB);

    AssembledDisk back = AssembledDisk.read(qcow2);
    assertThat(back.commandLine()).contains("--rootfs=rofs /x.so");
    assertThat(back.diskSize()).isEqualTo(64L * MIB);
    assertThat(back.partition(2).orElseThrow().offset()).isEqualTo(2L * MIB);
    assertThat(back.partition(2).orElseThrow().size()).isEqualTo(1L * MIB);
    assertThat(AssembledDisk.read(raw)).isEqualTo(new AssembledDisk(raw, back.diskSize(),
        back.partitionTable(), back.commandLine()));
  }

  @Test
  void qemuMadeQcow2IsReadBackToo() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 100 * 1024);
    Path rofs = randomFile("rofs.img", 512 * 1024, 8);
    Path raw = dir.resolve("usr.raw");
    new DiskAssembler(listener).assemble(DiskSpec.withLoader(LoaderImage.read(loaderFile))
        .withPartition(PartitionSpec.ofImage(2, rofs))
        .withCommandLine(OsvCommandLine.of("--rootfs=rofs /y.so")), raw, DiskFormat.RAW);
    Path qcow2 = dir.resolve("qemu.qcow2");
    QemuImg.Run run = QemuImg.run("convert", "-f", "raw", "-O", "qcow2", raw.toString(),
        qcow2.toString());
    assertThat(run.exitCode()).as(run.describe()).isZero();

    AssembledDisk disk = AssembledDisk.read(qcow2);
    assertThat(disk.commandLine()).contains("--rootfs=rofs /y.so");
    MbrPartitionEntry p = disk.partition(2).orElseThrow();
    assertThat(p.offset()).isEqualTo(2L * MIB);
    byte[] partition = new byte[512 * 1024];
    try (var source = DiskImages.openPartition(qcow2, 2)) {
      assertThat(source.size()).isEqualTo(partition.length);
      source.read(0, partition, 0, partition.length);
      assertThatThrownBy(() -> source.read(1, new byte[1], 0, partition.length))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
    assertThat(partition).isEqualTo(Files.readAllBytes(rofs));
    assertThatThrownBy(() -> DiskImages.openPartition(qcow2, 3))
        .isInstanceOf(OsvException.class).hasMessageContaining("slot 3");
  }

  @Test
  void commandLineOverwritesOnlyItsBytesAndNul() throws Exception {
    // imgedit setargs: later bytes of an older, longer command line stay
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 50 * 1024, "AAAAAAAAAA");
    Path out = dir.resolve("d.raw");
    new DiskAssembler(listener).assemble(DiskSpec.withLoader(LoaderImage.read(loaderFile))
        .withPartition(PartitionSpec.empty(2, 0))
        .withCommandLine(OsvCommandLine.of("BBB")), out, DiskFormat.RAW);
    byte[] disk = Files.readAllBytes(out);
    assertThat(new String(disk, 512, 11, StandardCharsets.US_ASCII)).isEqualTo("BBB\0AAAAAA\0");
    assertThat(AssembledDisk.read(out).commandLine()).contains("BBB");
  }

  @Test
  void withoutCommandLineTheLoaderOneStays() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 50 * 1024, "--verbose /a");
    Path out = dir.resolve("d.raw");
    DiskResult r = new DiskAssembler(listener).assemble(
        DiskSpec.withLoader(LoaderImage.read(loaderFile)).withPartition(PartitionSpec.empty(2, 0)),
        out, DiskFormat.RAW);
    assertThat(r.commandLine()).isEmpty();
    assertThat(AssembledDisk.read(out).commandLine()).contains("--verbose /a");
  }

  @Test
  void ramfsDiskEndsAtKernelEndWithAnEmptyPartition() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), (int) (2 * MIB));
    LoaderImage loader = LoaderImage.read(loaderFile);
    // 64 KiB + 2 MiB of kernel: kernel_end = 4 MiB = LBA 8192 = 130 tracks + 2: c 0, h 130, s 3
    assertThat(loader.kernelEnd()).isEqualTo(4L * MIB);
    Path out = dir.resolve("usr.raw");
    DiskResult r = new DiskAssembler(listener).assemble(DiskSpec.withLoader(loader)
        .withPartition(PartitionSpec.empty(2, 0)), out, DiskFormat.RAW);
    byte[] disk = Files.readAllBytes(out);
    assertThat(disk.length).isEqualTo(4 * MIB);
    assertThat(r.diskSize()).isEqualTo(4L * MIB);
    assertThat(hex(disk, 0x1CE, 16)).isEqualTo("00 82 03 00 83 82 03 00 00 20 00 00 00 00 00 00");
  }

  @Test
  void kernellessDiskStartsThePartitionAtByte512() throws Exception {
    Path fs = randomFile("fs.img", 4096, 3);
    Path out = dir.resolve("disk.raw");
    DiskResult r = new DiskAssembler(listener).assemble(DiskSpec.kernelless()
        .withPartition(PartitionSpec.ofImage(2, fs)).withMinimumSize(MIB), out, DiskFormat.RAW);
    byte[] disk = Files.readAllBytes(out);
    assertThat(disk.length).isEqualTo(MIB);
    assertThat(r.partitionOffset()).isEqualTo(512);
    // LBA 1: c 0 h 0 s 2; end LBA 9: s 10; 8 sectors
    assertThat(hex(disk, 0x1CE, 16)).isEqualTo("00 00 02 00 83 00 0a 00 01 00 00 00 08 00 00 00");
    assertThat(allZero(disk, 0, 0x1CE)).isTrue();
    assertThat(allZero(disk, 0x1DE, 0x1FE)).isTrue();
    assertThat(hex(disk, 0x1FE, 2)).isEqualTo("55 aa");
    assertThat(Arrays.copyOfRange(disk, 512, 512 + 4096)).isEqualTo(Files.readAllBytes(fs));
    assertThat(allZero(disk, 512 + 4096, MIB)).isTrue();
    assertThat(AssembledDisk.read(out).commandLine()).isEmpty();
  }

  @Test
  void kernellessDiskRefusesACommandLine() {
    assertThatThrownBy(() -> DiskSpec.kernelless().withCommandLine(OsvCommandLine.of("/x")))
        .isInstanceOf(OsvException.class).hasMessageContaining("kernel-less");
  }

  @Test
  void zfsPartitionRunsToTheEndOfTheDisk() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 100 * 1024);
    Path pool = randomFile("pool.img", 256 * 1024, 4);
    Path out = dir.resolve("usr.img");
    DiskResult r = new DiskAssembler(listener).assemble(
        DiskSpec.withLoader(LoaderImage.read(loaderFile))
            .withPartition(PartitionSpec.imageToEndOfDisk(2, pool)).withMinimumSize(16L * MIB),
        out, DiskFormat.QCOW2);
    // fs_size - partition_offset = 16 MiB - 2 MiB = 14 MiB = 28672 sectors
    MbrPartitionEntry e = r.partitions().get(0);
    assertThat(e.startLba()).isEqualTo(4096);
    assertThat(e.sectorCount()).isEqualTo(28672);
    assertThat(r.diskSize()).isEqualTo(16L * MIB);
    QemuImg.assertClean(out);
  }

  @Test
  void rofsWithDataPartitionInSlotThree() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 100 * 1024);
    Path rofs = randomFile("rofs.img", 3 * 512, 2);
    Path out = dir.resolve("usr.raw");
    DiskResult r = new DiskAssembler(listener).assemble(
        DiskSpec.withLoader(LoaderImage.read(loaderFile))
            .withPartition(PartitionSpec.ofImage(2, rofs))
            .withPartition(PartitionSpec.toEndOfDisk(3)).withMinimumSize(4L * MIB),
        out, DiskFormat.RAW);
    // slot 3 at 2 MiB + 1536 = LBA 4099 = 65 tracks + 4: h 65, s 5; to 4 MiB = LBA 8192
    byte[] disk = Files.readAllBytes(out);
    assertThat(hex(disk, 0x1DE, 16)).isEqualTo("00 41 05 00 83 82 03 00 03 10 00 00 fd 0f 00 00");
    assertThat(r.partitions()).extracting(MbrPartitionEntry::slot).containsExactly(2, 3);
  }

  @Test
  void diskGrowsWhenPartitionsExceedTheRequestedSize() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 100 * 1024);
    Path rofs = randomFile("rofs.img", 3 * MIB, 2);
    Path out = dir.resolve("usr.raw");
    DiskResult r = new DiskAssembler(listener).assemble(
        DiskSpec.withLoader(LoaderImage.read(loaderFile))
            .withPartition(PartitionSpec.ofImage(2, rofs)).withMinimumSize(4L * MIB),
        out, DiskFormat.RAW);
    assertThat(r.diskSize()).isEqualTo(5L * MIB);
    assertThat(Files.size(out)).isEqualTo(5L * MIB);
    assertThat(warnings).singleElement().asString().contains("beyond the requested disk size");
  }

  @Test
  void partitionTooLargeForMbrIsRejectedBeforeWriting() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 100 * 1024);
    Path out = dir.resolve("usr.raw");
    DiskSpec spec = DiskSpec.withLoader(LoaderImage.read(loaderFile))
        .withPartition(PartitionSpec.empty(2, 1L << 41)); // 2^32 sectors
    assertThatThrownBy(() -> new DiskAssembler(listener).assemble(spec, out, DiskFormat.RAW))
        .isInstanceOf(OsvException.class).hasMessageContaining("too large for an MBR partition");
    // a partition that starts beyond the 32-bit LBA range
    DiskSpec late = DiskSpec.withLoader(LoaderImage.read(loaderFile))
        .withPartition(PartitionSpec.empty(1, (1L << 41)))
        .withPartition(PartitionSpec.empty(2, 0));
    assertThatThrownBy(() -> new DiskAssembler(listener).assemble(late, out, DiskFormat.RAW))
        .isInstanceOf(OsvException.class).hasMessageContaining("too large for an MBR partition");
    assertThat(filesInDir()).extracting(p -> p.getFileName().toString())
        .containsExactly("loader.img");
  }

  @Test
  void sparseFilesystemImageOfTwoTebibytesIsRejected() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 100 * 1024);
    Path big = dir.resolve("big.img");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(1L << 41);
    }
    Path out = dir.resolve("usr.raw");
    DiskSpec spec = DiskSpec.withLoader(LoaderImage.read(loaderFile))
        .withPartition(PartitionSpec.ofImage(2, big));
    assertThatThrownBy(() -> new DiskAssembler(listener).assemble(spec, out, DiskFormat.RAW))
        .isInstanceOf(OsvException.class).hasMessageContaining(big.toString())
        .hasMessageContaining("too large for an MBR partition");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void imageNotWholeSectorsIsRejected() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 100 * 1024);
    Path odd = randomFile("odd.img", 1000, 1);
    Path out = dir.resolve("usr.raw");
    DiskSpec spec = DiskSpec.withLoader(LoaderImage.read(loaderFile))
        .withPartition(PartitionSpec.ofImage(2, odd));
    assertThatThrownBy(() -> new DiskAssembler(listener).assemble(spec, out, DiskFormat.RAW))
        .isInstanceOf(OsvException.class).hasMessageContaining(odd.toString())
        .hasMessageContaining("512");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void missingImageAndBadSpecsAreRejected() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 100 * 1024);
    LoaderImage loader = LoaderImage.read(loaderFile);
    Path absent = dir.resolve("absent.img");
    assertThatThrownBy(() -> new DiskAssembler(listener).assemble(DiskSpec.withLoader(loader)
        .withPartition(PartitionSpec.ofImage(2, absent)), dir.resolve("o"), DiskFormat.RAW))
        .isInstanceOf(OsvException.class).hasMessageContaining(absent.toString());
    assertThatThrownBy(() -> DiskSpec.withLoader(loader).withPartition(PartitionSpec.empty(2, 0))
        .withPartition(PartitionSpec.empty(2, 512)))
        .isInstanceOf(OsvException.class).hasMessageContaining("slot 2");
    assertThatThrownBy(() -> DiskSpec.withLoader(loader).withMinimumSize(1000))
        .isInstanceOf(OsvException.class).hasMessageContaining("512");
    assertThatThrownBy(() -> new DiskAssembler(listener).assemble(DiskSpec.withLoader(loader)
        .withPartition(PartitionSpec.toEndOfDisk(2)).withPartition(PartitionSpec.empty(3, 0)),
        dir.resolve("o"), DiskFormat.RAW))
        .isInstanceOf(OsvException.class).hasMessageContaining("last");
    assertThat(Files.exists(dir.resolve("o"))).isFalse();
  }

  @Test
  void staleSlotsOfTheLoaderAreKeptWithAWarning() throws Exception {
    byte[] bytes = FakeLoader.bytes(100 * 1024, "", 1);
    MbrPartitionEntry.forOsv(4, 512, 512).writeTo(bytes);
    Path loaderFile = Files.write(dir.resolve("loader.img"), bytes);
    Path out = dir.resolve("usr.raw");
    new DiskAssembler(listener).assemble(DiskSpec.withLoader(LoaderImage.read(loaderFile))
        .withPartition(PartitionSpec.empty(2, 0)), out, DiskFormat.RAW);
    assertThat(MbrPartitionTable.read(out).slot(4)).isEqualTo(MbrPartitionEntry.forOsv(4, 512, 512));
    assertThat(warnings).singleElement().asString().contains("slot 4");
  }

  @Test
  void sameInputsGiveTheSameBytes() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 100 * 1024);
    Path rofs = randomFile("rofs.img", 64 * 1024, 1);
    DiskSpec spec = DiskSpec.withLoader(LoaderImage.read(loaderFile))
        .withPartition(PartitionSpec.ofImage(2, rofs)).withMinimumSize(8L * MIB)
        .withCommandLine(OsvCommandLine.withRootfs("rofs", "/a"));
    Path a = dir.resolve("a.img");
    Path b = dir.resolve("b.img");
    new DiskAssembler(listener).assemble(spec, a, DiskFormat.QCOW2);
    new DiskAssembler(listener).assemble(spec, b, DiskFormat.QCOW2);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void inputChangedAfterPlanningFailsWithoutOutput() throws Exception {
    Path loaderFile = FakeLoader.write(dir.resolve("loader.img"), 100 * 1024);
    LoaderImage loader = LoaderImage.read(loaderFile);
    Files.write(loaderFile, FakeLoader.bytes(200 * 1024, "", 1));
    Path out = dir.resolve("usr.raw");
    assertThatThrownBy(() -> new DiskAssembler(listener).assemble(DiskSpec.withLoader(loader)
        .withPartition(PartitionSpec.empty(2, 0)), out, DiskFormat.RAW))
        .isInstanceOf(OsvException.class).hasMessageContaining("changed");
    assertThat(filesInDir()).extracting(p -> p.getFileName().toString())
        .containsExactly("loader.img");
  }
}
