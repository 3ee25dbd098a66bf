package io.osvmaven.core.qcow2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Qcow2ReaderTest {

  private static final int MIB = 1024 * 1024;

  @TempDir
  Path dir;

  /** 5 MiB, sparse, with data in a few places including a cluster straddle. */
  private Path raw() throws Exception {
    Path raw = dir.resolve("disk.raw");
    try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
      f.setLength(5L * MIB);
      Random r = new Random(3);
      for (long pos : new long[] {0, 65536 - 700, 3L * MIB + 12345, 5L * MIB - 4096}) {
        byte[] b = new byte[3000];
        r.nextBytes(b);
        f.seek(pos);
        f.write(b, 0, (int) Math.min(b.length, 5L * MIB - pos));
      }
    }
    return raw;
  }

  private static void assertReadsLike(Path qcow2, Path raw) throws Exception {
    byte[] expected = Files.readAllBytes(raw);
    try (Qcow2Reader reader = Qcow2Reader.open(qcow2)) {
      assertThat(reader.size()).isEqualTo(expected.length);
      byte[] actual = new byte[expected.length];
      // odd-sized reads cross cluster and L2 boundaries at unaligned positions
      int pos = 0;
      while (pos < actual.length) {
        int n = Math.min(100_003, actual.length - pos);
        reader.read(pos, actual, pos, n);
        pos += n;
      }
      assertThat(actual).isEqualTo(expected);
    }
  }

  private Path qemuConvert(Path raw, String name, String... options) throws Exception {
    Path out = dir.resolve(name);
    String[] args = new String[6 + options.length];
    args[0] = "convert";
    args[1] = "-f";
    args[2] = "raw";
    args[3] = "-O";
    args[4] = "qcow2";
    System.arraycopy(options, 0, args, 5, options.length);
    args[args.length - 1] = raw.toString();
    String[] withOut = java.util.Arrays.copyOf(args, args.length + 1);
    withOut[withOut.length - 1] = out.toString();
    QemuImg.Run run = QemuImg.run(withOut);
    assertThat(run.exitCode()).as(run.describe()).isZero();
    return out;
  }

  @Test
  void readsWhatTheWriterWrote() throws Exception {
    Path raw = raw();
    Path qcow2 = dir.resolve("ours.qcow2");
    Qcow2Writer.convert(raw, qcow2);
    assertReadsLike(qcow2, raw);
  }

  @Test
  void readsQemuImagesWithOtherClusterSizesAndVersion2() throws Exception {
    Path raw = raw();
    assertReadsLike(qemuConvert(raw, "c4k.qcow2", "-o", "cluster_size=4096"), raw);
    assertReadsLike(qemuConvert(raw, "v2.qcow2", "-o", "compat=0.10"), raw);
  }

  @Test
  void clustersMarkedZeroReadAsZeros() throws Exception {
    Path raw = raw();
    Path qcow2 = qemuConvert(raw, "z.qcow2");
    // qemu-io "write -z" keeps the cluster's data but sets the zero flag of its L2 entry
    QemuImg.Run run = QemuImg.runQemuIo("-f", "qcow2", "-c", "write -z 0 64k", qcow2.toString());
    assertThat(run.exitCode()).as(run.describe()).isZero();
    try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
      f.write(new byte[65536]);
    }
    assertReadsLike(qcow2, raw);
  }

  @Test
  void refusesCompressedImagesAndBackingFiles() throws Exception {
    Path raw = raw();
    Path compressed = qemuConvert(raw, "c.qcow2", "-c");
    assertThatThrownBy(() -> {
      try (Qcow2Reader r = Qcow2Reader.open(compressed)) {
        r.read(0, new byte[10], 0, 10);
      }
    }).isInstanceOf(OsvException.class).hasMessageContaining("compressed")
        .hasMessageContaining(compressed.toString());

    Path child = dir.resolve("child.qcow2");
    QemuImg.Run run = QemuImg.run("create", "-f", "qcow2", "-b", compressed.toString(), "-F",
        "qcow2", child.toString());
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThatThrownBy(() -> Qcow2Reader.open(child)).isInstanceOf(OsvException.class)
        .hasMessageContaining("backing file");
  }

  @Test
  void detectsQcow2ByMagic() throws Exception {
    Path raw = raw();
    assertThat(Qcow2Reader.isQcow2(raw)).isFalse();
    Path qcow2 = dir.resolve("m.qcow2");
    Qcow2Writer.convert(raw, qcow2);
    assertThat(Qcow2Reader.isQcow2(qcow2)).isTrue();
    assertThat(Qcow2Reader.isQcow2(Files.write(dir.resolve("tiny"), new byte[] {'Q'}))).isFalse();
    assertThatThrownBy(() -> Qcow2Reader.open(raw)).isInstanceOf(OsvException.class)
        .hasMessageContaining("not a qcow2 image");
  }
}
