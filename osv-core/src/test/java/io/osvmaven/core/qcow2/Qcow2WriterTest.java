package io.osvmaven.core.qcow2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Qcow2WriterTest {

  private static final int KIB = 1024;
  private static final int MIB = 1024 * KIB;
  private static final int CLUSTER = 64 * KIB;

  @TempDir
  Path dir;

  private Path sparseRaw(String name, long size) throws IOException {
    Path raw = dir.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
      f.setLength(size);
    }
    return raw;
  }

  private static void writeRandom(Path raw, long position, int length, long seed)
      throws IOException {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
      f.seek(position);
      f.write(bytes);
    }
  }

  private Qcow2Result convertAndVerify(Path raw, long expectedVirtualSize) throws Exception {
    Path qcow2 = dir.resolve(raw.getFileName() + ".qcow2");
    Qcow2Result result = Qcow2Writer.convert(raw, qcow2);
    QemuImg.assertClean(qcow2);
    QemuImg.assertSameContent(raw, qcow2);
    assertThat(QemuImg.virtualSize(qcow2, "qcow2")).isEqualTo(expectedVirtualSize);
    assertThat(result.virtualSize()).isEqualTo(expectedVirtualSize);
    assertThat(Files.size(qcow2)).isEqualTo(result.fileSize());
    return result;
  }

  @Test
  void allZeroImageStoresNoData() throws Exception {
    Path raw = sparseRaw("zero.raw", 4 * MIB);
    Qcow2Result result = convertAndVerify(raw, 4 * MIB);
    assertThat(result.dataClusters()).isZero();
    // header, L1 table, refcount table, one refcount block: four clusters, no L2 table
    assertThat(result.fileSize()).isEqualTo(4L * CLUSTER);
  }

  @Test
  void randomDataIsStoredClusterByCluster() throws Exception {
    Path raw = dir.resolve("random.raw");
    byte[] bytes = new byte[3 * MIB];
    new Random(42).nextBytes(bytes);
    Files.write(raw, bytes);
    Qcow2Result result = convertAndVerify(raw, 3 * MIB);
    assertThat(result.dataClusters()).isEqualTo(48);
    // header + 48 data + one L2 + L1 + refcount table + refcount block
    assertThat(result.fileSize()).isEqualTo((1 + 48 + 1 + 1 + 1 + 1) * (long) CLUSTER);
  }

  @Test
  void sizeNotMultipleOfClusterNorSectorIsRoundedUpToSectors() throws Exception {
    Path raw = dir.resolve("odd.raw");
    byte[] bytes = new byte[MIB + 12345];
    new Random(7).nextBytes(bytes);
    Files.write(raw, bytes);
    // 1060921 bytes -> 2073 sectors of 512
    Qcow2Result result = convertAndVerify(raw, 2073L * 512);
    assertThat(result.dataClusters()).isEqualTo(17); // 16 full clusters + the partial one
    assertThat(QemuImg.virtualSize(raw, "raw")).isEqualTo(2073L * 512);
  }

  @Test
  void clusterMultipleNotSectorAligned() throws Exception {
    Path raw = dir.resolve("tail.raw");
    byte[] bytes = new byte[2 * CLUSTER + 512];
    new Random(9).nextBytes(bytes);
    Files.write(raw, bytes);
    Qcow2Result result = convertAndVerify(raw, 2L * CLUSTER + 512);
    assertThat(result.dataClusters()).isEqualTo(3);
  }

  @Test
  void largeSparseImageSpanningTwoL2TablesKeepsOnlyWrittenClusters() throws Exception {
    // 700 MiB: guest clusters 0..11199, L2 tables each map 8192 clusters (512 MiB)
    Path raw = sparseRaw("sparse.raw", 700L * MIB);
    writeRandom(raw, 0, 100, 1); // cluster 0
    writeRandom(raw, 512L * MIB - 50, 100, 2); // clusters 8191 and 8192, across the L2 boundary
    writeRandom(raw, 700L * MIB - 10, 10, 3); // last cluster
    Qcow2Result result = convertAndVerify(raw, 700L * MIB);
    assertThat(result.dataClusters()).isEqualTo(4);
    // header + 4 data + 2 L2 + L1 + refcount table + refcount block
    assertThat(result.fileSize()).isEqualTo((1 + 4 + 2 + 1 + 1 + 1) * (long) CLUSTER);
  }

  @Test
  void headerFieldsFollowTheSpecification() throws Exception {
    Path raw = dir.resolve("one.raw");
    Files.write(raw, new byte[] {1});
    Path qcow2 = dir.resolve("one.qcow2");
    Qcow2Writer.convert(raw, qcow2);
    ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(qcow2)); // big-endian by default
    assertThat(h.getInt(0)).isEqualTo(0x514649FB); // "QFI\xfb"
    assertThat(h.getInt(4)).isEqualTo(3);
    assertThat(h.getInt(20)).isEqualTo(16); // 64 KiB clusters
    assertThat(h.getLong(24)).isEqualTo(512); // one byte rounds up to one sector
    assertThat(h.getInt(36)).isEqualTo(1); // one L1 entry
    // layout: header, data cluster, L2, L1, refcount table, refcount block
    assertThat(h.getLong(40)).isEqualTo(3L * CLUSTER);
    assertThat(h.getLong(48)).isEqualTo(4L * CLUSTER);
    assertThat(h.getInt(56)).isEqualTo(1);
    assertThat(h.getLong(72)).isZero(); // not dirty, no incompatible features
    assertThat(h.getInt(96)).isEqualTo(4); // 16-bit refcounts
    assertThat(h.getInt(100)).isEqualTo(104);
    assertThat(h.getLong(3 * CLUSTER)).isEqualTo((2L * CLUSTER) | (1L << 63)); // L1 -> L2, copied
    assertThat(h.getLong(2 * CLUSTER)).isEqualTo((1L * CLUSTER) | (1L << 63)); // L2 -> data
    assertThat(h.getLong(4 * CLUSTER)).isEqualTo(5L * CLUSTER); // refcount table -> block
    for (int c = 0; c < 6; c++) {
      assertThat(h.getShort(5 * CLUSTER + 2 * c)).as("refcount of cluster " + c).isEqualTo((short) 1);
    }
    assertThat(h.getShort(5 * CLUSTER + 12)).isZero();
    QemuImg.assertClean(qcow2);
  }

  @Test
  void outputIsByteReproducible() throws Exception {
    Path raw = sparseRaw("repro.raw", 2 * MIB);
    writeRandom(raw, 300 * KIB, 5000, 11);
    Path a = dir.resolve("a.qcow2");
    Path b = dir.resolve("b.qcow2");
    Qcow2Writer.convert(raw, a);
    Qcow2Writer.convert(raw, b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void missingInputLeavesNoOutput() throws IOException {
    Path out = dir.resolve("out.qcow2");
    assertThatThrownBy(() -> Qcow2Writer.convert(dir.resolve("absent.raw"), out))
        .isInstanceOf(NoSuchFileException.class);
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void failingSourceLeavesNoOutput() throws IOException {
    Path out = dir.resolve("out.qcow2");
    ImageSource broken = new ImageSource() {
      @Override
      public long size() {
        return 4 * MIB;
      }

      @Override
      public void read(long position, byte[] buf, int off, int len) throws IOException {
        if (position >= 2 * MIB) {
          throw new IOException("disk error");
        }
        buf[off] = 1;
      }

      @Override
      public String name() {
        return "broken";
      }
    };
    assertThatThrownBy(() -> Qcow2Writer.write(broken, out)).hasMessage("disk error");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
