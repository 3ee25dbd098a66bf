package io.osvmaven.core.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a JDK tool (jlink, jdeps) as a process. An interface so tests can count and replace runs. */
@FunctionalInterface
interface ToolRunner {

  /** The outcome of one run; output is kept whole because these tools print little. */
  record Result(int exitCode, String stdout, String stderr) {}

  Result run(List<String> command) throws IOException;

  /** Runs the command with {@link ProcessBuilder}, its output going to temporary files. */
  ToolRunner PROCESS = command -> {
    Path out = Files.createTempFile("osv-tool-", ".out");
    Path err = Files.createTempFile("osv-tool-", ".err");
    try {
      Process p = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      p.getOutputStream().close();
      int code;
      try {
        code = p.waitFor();
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running " + command.get(0), e);
      }
      return new Result(code, Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  };
}
