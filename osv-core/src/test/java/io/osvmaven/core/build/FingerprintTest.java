package io.osvmaven.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

  @TempDir
  Path dir;

  private Fingerprint of(Path a, Path b, String format) throws IOException {
    return new Fingerprint().config("format", format).input(a).input(b);
  }

  @Test
  void equalInputsInAnyOrderGiveTheSameDigest() throws IOException {
    Path a = Files.writeString(dir.resolve("a"), "1");
    Path b = Files.writeString(dir.resolve("b"), "2");
    assertThat(of(a, b, "raw").digest()).isEqualTo(of(b, a, "raw").digest());
    assertThat(new Fingerprint().config("x", 1).config("y", 2).digest())
        .isEqualTo(new Fingerprint().config("y", 2).config("x", 1).digest());
  }

  @Test
  void changedContentMtimeOrConfigurationChangesTheDigest() throws IOException {
    Path a = Files.writeString(dir.resolve("a"), "1");
    Path b = Files.writeString(dir.resolve("b"), "2");
    Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000));
    String before = of(a, b, "raw").digest();
    assertThat(of(a, b, "qcow2").digest()).isNotEqualTo(before);
    Files.setLastModifiedTime(a, FileTime.fromMillis(2_000_000));
    assertThat(of(a, b, "raw").digest()).isNotEqualTo(before);
    Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000));
    assertThat(of(a, b, "raw").digest()).isEqualTo(before);
    Files.writeString(a, "11");
    Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000));
    assertThat(of(a, b, "raw").digest()).isNotEqualTo(before); // size changed
  }

  @Test
  void matchesOnlyWhenRecordedAndOutputsExist() throws IOException {
    Path a = Files.writeString(dir.resolve("a"), "1");
    Path out = dir.resolve("out.img");
    Path record = dir.resolve("out.fingerprint");
    Fingerprint f = new Fingerprint().input(a);
    assertThat(f.matches(record, out)).isFalse();
    f.save(record);
    assertThat(f.matches(record, out)).isFalse(); // output missing
    Files.writeString(out, "image");
    assertThat(f.matches(record, out)).isTrue();
    assertThat(new Fingerprint().input(a).config("k", "v").matches(record, out)).isFalse();
  }

  @Test
  void theDigestFollowsLaterChanges() throws IOException {
    Path a = Files.writeString(dir.resolve("a"), "aaa");
    Fingerprint f = new Fingerprint().config("k", "v");
    String before = f.digest();
    assertThat(f.input(a).digest()).isNotEqualTo(before);
    String withFile = f.digest();
    assertThat(f.config("k", "w").digest()).isNotEqualTo(withFile);
  }

  @Test
  void aDigestComputedInTheBackgroundEqualsTheDirectOneAndFreezesTheFingerprint() throws IOException {
    Path a = Files.writeString(dir.resolve("a"), "aaa");
    String direct = new Fingerprint().config("k", "v").input(a).digest();
    Fingerprint background = new Fingerprint().config("k", "v").input(a).digestInBackground();
    assertThat(background.digest()).isEqualTo(direct);
    assertThatThrownBy(() -> background.config("k", "w")).isInstanceOf(IllegalStateException.class);
    Path record = dir.resolve("record");
    background.save(record);
    assertThat(Files.readString(record)).isEqualTo(direct + "\n");
  }
}
