package io.osvmaven.core.qcow2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real {@code qemu-img} (Debian package qemu-utils) as the oracle for image tests. A missing
 * tool fails the test with a message saying what to install: these checks must never be skipped.
 */
public final class QemuImg {

  /** The outcome of one qemu-img run. */
  public record Run(List<String> command, int exitCode, String output) {
    public String describe() {
      return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
    }
  }

  private QemuImg() {}

  public static Path executable(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(tool + " not found on PATH: these tests use it as the qcow2 oracle; "
        + "install it with: apt-get install -y qemu-utils");
  }

  /** Runs qemu-img with {@code args}. */
  public static Run run(String... args) throws IOException, InterruptedException {
    return runTool("qemu-img", args);
  }

  /** Runs qemu-io (also in qemu-utils) with {@code args}. */
  public static Run runQemuIo(String... args) throws IOException, InterruptedException {
    return runTool("qemu-io", args);
  }

  private static Run runTool(String tool, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable(tool).toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    return new Run(command, p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** qemu-img check: exit 0 and no errors or leaks reported. */
  public static void assertClean(Path qcow2) throws IOException, InterruptedException {
    Run run = run("check", "-f", "qcow2", qcow2.toString());
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.output()).as(run.describe()).contains("No errors were found on the image.");
    assertThat(run.output()).as(run.describe()).doesNotContainIgnoringCase("leak");
  }

  /** qemu-img compare of the guest-visible content of a raw file and a qcow2 image. */
  public static void assertSameContent(Path raw, Path qcow2)
      throws IOException, InterruptedException {
    Run run = run("compare", "-f", "raw", "-F", "qcow2", raw.toString(), qcow2.toString());
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.output()).as(run.describe()).contains("Images are identical.");
  }

  /** The "virtual-size" of {@code qemu-img info --output=json}. */
  public static long virtualSize(Path image, String format)
      throws IOException, InterruptedException {
    Run run = run("info", "-f", format, "--output=json", image.toString());
    assertThat(run.exitCode()).as(run.describe()).isZero();
    Matcher m = Pattern.compile("\"virtual-size\"\\s*:\\s*(\\d+)").matcher(run.output());
    assertThat(m.find()).as(run.describe()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
