package io.osvmaven.core.xen;

/**
 * One SUBDIRS entry of tools/Makefile or tools/libs/Makefile: {@code SUBDIRS-$(CONFIG_X86) += firmware}
 * is dir {@code firmware}, condition {@code CONFIG_X86}; an unconditional entry has condition "y".
 */
public record SubdirEntry(String dir, String condition, Location location) {

  public boolean unconditional() {
    return condition.equals("y");
  }

  /** The make line that adds this entry: {@code SUBDIRS-$(CONFIG_X86) += firmware}. */
  public String makeLine() {
    return (unconditional() ? "SUBDIRS-y" : "SUBDIRS-$(" + condition + ")") + " += " + dir;
  }
}
