package io.osvmaven.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelOutputTest {

  @TempDir Path dir;

  @Test
  void writesAndKernelCopiesLandInOrderFromTheStartOffset() throws IOException {
    byte[] big = new byte[3 * 1024 * 1024 + 5];
    new Random(1).nextBytes(big);
    Path source = Files.write(dir.resolve("source"), big);
    Path out = Files.write(dir.resolve("out"), "keep".getBytes());
    List<Long> appended = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE);
        FileChannel in = FileChannel.open(source)) {
      ChannelOutput o = new ChannelOutput(ch, 4) {
        @Override
        protected void appended(long bytes) {
          appended.add(bytes);
        }
      };
      o.write("ab".getBytes());
      assertThat(o.transferFrom(in, big.length)).isEqualTo(big.length);
      o.write('z');
      assertThat(o.written()).isEqualTo(2 + big.length + 1);
    }
    byte[] expected = new byte[4 + 2 + big.length + 1];
    System.arraycopy("keepab".getBytes(), 0, expected, 0, 6);
    System.arraycopy(big, 0, expected, 6, big.length);
    expected[expected.length - 1] = 'z';
    assertThat(out).hasBinaryContent(expected);
    assertThat(appended.stream().mapToLong(Long::longValue).sum()).isEqualTo(expected.length - 4);
  }

  @Test
  void aShorterSourceTransfersWhatItHas() throws IOException {
    Path source = Files.write(dir.resolve("source"), new byte[] {1, 2, 3});
    Path out = Files.createFile(dir.resolve("out"));
    try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE);
        FileChannel in = FileChannel.open(source)) {
      ChannelOutput o = new ChannelOutput(ch, 0);
      assertThat(o.transferFrom(in, 10)).isEqualTo(3);
      assertThat(o.written()).isEqualTo(3);
    }
    assertThat(out).hasBinaryContent(new byte[] {1, 2, 3});
  }
}
