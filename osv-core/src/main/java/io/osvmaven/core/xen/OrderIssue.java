package io.osvmaven.core.xen;

/** A SUBDIRS order or coverage problem of the build graph, at the line that has to change. */
public record OrderIssue(Location location, String message) {

  public String describe() {
    return location + ": " + message;
  }
}
