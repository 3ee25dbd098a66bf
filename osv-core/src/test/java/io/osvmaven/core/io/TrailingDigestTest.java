package io.osvmaven.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailingDigestTest {

  @TempDir Path dir;

  @Test
  void hashesWhatTheWriterMarksFinalWhileItWrites() throws IOException {
    Random random = new Random(7);
    byte[] content = new byte[5 * 1024 * 1024 + 123];
    random.nextBytes(content);
    Path file = dir.resolve("f");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.READ); TrailingDigest digest = TrailingDigest.start(ch)) {
      int pos = 0;
      while (pos < content.length) {
        int n = Math.min(content.length - pos, 1 + random.nextInt(300_000));
        ch.write(ByteBuffer.wrap(content, pos, n), pos);
        pos += n;
        digest.advance(pos);
      }
      assertThat(digest.finish(content.length)).isEqualTo(sha256(content));
    }
  }

  @Test
  void bytesBelowTheMarkWrittenOutOfOrderAndATrailingHoleAreHashedAsTheyEndUp() throws IOException {
    Path file = dir.resolve("f");
    byte[] head = "boot area".getBytes();
    byte[] body = new byte[3 * 1024 * 1024];
    new Random(3).nextBytes(body);
    long size = 8L * 1024 * 1024; // the last 5 MiB are never written: a hole
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.READ); TrailingDigest digest = TrailingDigest.start(ch)) {
      ch.write(ByteBuffer.wrap(body), 512); // the body first, as a random-order writer would
      ch.write(ByteBuffer.wrap(head), 0);
      assertThat(digest.finish(size)).isEqualTo(sha256(expected(head, body, (int) size)));
    }
  }

  @Test
  void aFileShorterThanTheMarkFailsNothingButReadsAsZeros() throws IOException {
    Path file = Files.write(dir.resolve("f"), new byte[] {1, 2, 3});
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        TrailingDigest digest = TrailingDigest.start(ch)) {
      assertThat(digest.finish(4)).isEqualTo(sha256(new byte[] {1, 2, 3, 0}));
    }
  }

  @Test
  void aClosedChannelIsReportedByFinish() throws IOException {
    Path file = Files.write(dir.resolve("f"), new byte[10]);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try (TrailingDigest digest = TrailingDigest.start(ch)) {
      ch.close();
      assertThatThrownBy(() -> digest.finish(10)).isInstanceOf(IOException.class);
    }
  }

  private static byte[] expected(byte[] head, byte[] body, int size) {
    byte[] all = new byte[size];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, 512, body.length);
    return all;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
