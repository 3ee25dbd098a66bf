package io.osvmaven.cli;

import io.osvmaven.core.BuildListener;
import java.io.PrintStream;

/**
 * The terminal: results go to {@code out} (so they can be piped), messages about the build to
 * {@code err}.
 */
final class Console implements BuildListener {

  final PrintStream out;
  final PrintStream err;
  private final boolean verbose;

  Console(PrintStream out, PrintStream err, boolean verbose) {
    this.out = out;
    this.err = err;
    this.verbose = verbose;
  }

  @Override
  public void info(String message) {
    err.println(message);
  }

  @Override
  public void warn(String message) {
    err.println("warning: " + message);
  }

  @Override
  public void debug(String message) {
    if (verbose) {
      err.println("debug: " + message);
    }
  }

  @Override
  public boolean debugEnabled() {
    return verbose;
  }
}
