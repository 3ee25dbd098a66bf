package io.osvmaven.core;

import java.util.Optional;

/**
 * A build error caused by the user's input. Its message says what is wrong and where (file and line,
 * or the name of the setting); {@link #hint()} says how to fix it, when we know.
 */
public class OsvException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String hint;

  public OsvException(String message) {
    this(message, null, null);
  }

  public OsvException(String message, String hint) {
    this(message, hint, null);
  }

  public OsvException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  /** How to fix the problem, if there is a useful suggestion. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /** The message followed by the hint, as one text for logs and terminals. */
  public String describe() {
    return hint == null ? getMessage() : getMessage() + "\n  hint: " + hint;
  }
}
