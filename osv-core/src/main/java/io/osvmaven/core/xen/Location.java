package io.osvmaven.core.xen;

/** A place in an input file, for error messages that say where to look: {@code tools/Makefile:12}. */
public record Location(String file, int line) {

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
