package io.osvmaven.core.profile;

/** Where a statement came from: a profile file (built-in resource name or user path) and its line. */
public record Origin(String file, int line) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
