package io.osvmaven.core;

/**
 * How the engine tells its caller what it decided. The engine never prints: the Maven plugin routes
 * these calls to the Mojo log, the CLI to the terminal, tests to a list.
 */
public interface BuildListener {

  /** A listener that drops everything, for callers that only want the result. */
  BuildListener NONE = new BuildListener() {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {}

    @Override
    public boolean debugEnabled() {
      return false;
    }
  };

  /** A user-facing decision ("header unchanged, kept", "using profile all"). */
  void info(String message);

  /** Something the user should probably fix, but that does not stop the build. */
  void warn(String message);

  /** Internal detail, shown only when the user asks for it. */
  default void debug(String message) {}

  /**
   * False when {@link #debug} drops its messages, so that callers can skip building one message per
   * file of a large tree.
   */
  default boolean debugEnabled() {
    return true;
  }
}
