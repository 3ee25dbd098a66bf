package io.osvmaven.core.manifest;

/**
 * One mapping line of a manifest, variables already substituted.
 *
 * @param file the manifest's name as shown in messages
 * @param line 1-based line number
 * @param text the line as written (before substitution), for messages
 * @param guest the guest path (absolute)
 * @param host the host spec: a path, {@code !path}, {@code ->target}, possibly with {@code /**} or
 *     {@code /&}
 */
public record ManifestLine(String file, int line, String text, String guest, String host) {

  /** "file:line", the origin every message about this line names. */
  public String where() {
    return file + ":" + line;
  }
}
