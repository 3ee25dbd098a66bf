package io.osvmaven.core.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderImageTest {

  private static final long MIB = 1024 * 1024;

  @TempDir
  Path dir;

  @Test
  void readsSizeChunksAndCommandLine() throws Exception {
    Path file = FakeLoader.write(dir.resolve("loader.img"), 300 * 1024, "--verbose /x");
    LoaderImage loader = LoaderImage.read(file);
    // 300 KiB of kernel padded to 10 chunks of 32 KiB, after the 64 KiB boot area
    assertThat(loader.size()).isEqualTo(65536 + 10 * 32768);
    assertThat(loader.chunkCount()).isEqualTo(10);
    assertThat(loader.kernelEnd()).isEqualTo(2 * MIB);
    assertThat(loader.commandLine()).isEqualTo("--verbose /x");
    assertThat(loader.partitionTable().entries()).allMatch(MbrPartitionEntry::isEmpty);
  }

  @Test
  void kernelEndRoundsUpToTwoMebibytes() throws Exception {
    // exactly 2 MiB: stays; one chunk more: next 2 MiB boundary
    Path exact = FakeLoader.write(dir.resolve("exact.img"), (int) (2 * MIB) - 65536);
    assertThat(LoaderImage.read(exact).size()).isEqualTo(2 * MIB);
    assertThat(LoaderImage.read(exact).kernelEnd()).isEqualTo(2 * MIB);
    Path over = FakeLoader.write(dir.resolve("over.img"), (int) (2 * MIB) - 65536 + 1);
    assertThat(LoaderImage.read(over).size()).isEqualTo(2 * MIB + 32768);
    assertThat(LoaderImage.read(over).kernelEnd()).isEqualTo(4 * MIB);
  }

  private void assertRejected(byte[] content, String why) throws Exception {
    Path file = Files.write(dir.resolve("bad.img"), content);
    assertThatThrownBy(() -> LoaderImage.read(file))
        .isInstanceOf(OsvException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(why);
  }

  @Test
  void rejectsMissingFile() {
    Path file = dir.resolve("absent.img");
    assertThatThrownBy(() -> LoaderImage.read(file)).isInstanceOf(OsvException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("does not exist");
  }

  @Test
  void rejectsTinyFile() throws Exception {
    assertRejected(new byte[100], "shorter than a boot sector");
  }

  @Test
  void rejectsQcow2() throws Exception {
    byte[] b = new byte[70000];
    b[0] = 'Q';
    b[1] = 'F';
    b[2] = 'I';
    b[3] = (byte) 0xFB;
    assertRejected(b, "qcow2");
  }

  @Test
  void rejectsElf() throws Exception {
    byte[] b = new byte[70000];
    System.arraycopy(new byte[] {0x7F, 'E', 'L', 'F', 2}, 0, b, 0, 5);
    assertRejected(b, "ELF file");
  }

  @Test
  void rejectsAarch64Image() throws Exception {
    byte[] b = new byte[70000];
    System.arraycopy(new byte[] {'A', 'R', 'M', 0x64}, 0, b, 0x38, 4);
    Path file = Files.write(dir.resolve("arm.img"), b);
    assertThatThrownBy(() -> LoaderImage.read(file)).isInstanceOf(OsvException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("aarch64");
  }

  @Test
  void rejectsMissingBootSignature() throws Exception {
    byte[] b = FakeLoader.bytes(1000, "", 1);
    b[0x1FF] = 0;
    assertRejected(b, "55 AA");
  }

  @Test
  void rejectsLinuxBzImage() throws Exception {
    byte[] b = new byte[70000];
    b[0x1FE] = 0x55;
    b[0x1FF] = (byte) 0xAA;
    System.arraycopy(new byte[] {'H', 'd', 'r', 'S'}, 0, b, 0x202, 4);
    assertRejected(b, "vmlinuz.bin");
  }

  @Test
  void rejectsOtherMbr() throws Exception {
    byte[] b = new byte[70000];
    b[0x1FE] = 0x55;
    b[0x1FF] = (byte) 0xAA;
    assertRejected(b, "VSO");
  }

  @Test
  void rejectsWrongKernelPacket() throws Exception {
    byte[] b = FakeLoader.bytes(1000, "", 1);
    b[0x1A] = 64;
    assertRejected(b, "sector 128");
  }

  @Test
  void rejectsMissingKernel() throws Exception {
    byte[] b = FakeLoader.bytes(1000, "", 1);
    assertRejected(java.util.Arrays.copyOf(b, 0x10000), "no kernel");
    b[0x10000] = 0;
    assertRejected(b, "no 32-bit ELF");
  }

  @Test
  void rejectsAssembledDisk() throws Exception {
    byte[] loader = FakeLoader.bytes(1000, "", 1);
    byte[] disk = java.util.Arrays.copyOf(loader, 3 * 1024 * 1024);
    assertRejected(disk, "assembled disk");
  }

  @Test
  void rejectsUnterminatedCommandLine() throws Exception {
    byte[] b = FakeLoader.bytes(1000, "x".repeat(0x10000 - 0x200), 1);
    assertRejected(b, "no terminating NUL");
  }
}
