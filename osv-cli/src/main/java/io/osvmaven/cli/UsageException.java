package io.osvmaven.cli;

/** Wrong use of the command line (exit code 2), as opposed to a failed build (exit code 1). */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
