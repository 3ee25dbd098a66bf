package io.osvmaven.core.xen;

import io.osvmaven.core.OsvException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Xen release line, MAJOR.MINOR ("4.19"); the tools graph changes between lines, not within one. */
public record XenVersion(int major, int minor) implements Comparable<XenVersion> {

  private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?");

  /**
   * Parses "4.19" (a patch level such as "4.19.2" is accepted and dropped: the graph only changes
   * between release lines).
   *
   * @param where the setting or file:line to name in the error
   */
  public static XenVersion parse(String text, String where) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new OsvException(where + ": '" + text + "' is not a Xen version",
          "write MAJOR.MINOR, for example 4.19");
    }
    return new XenVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  @Override
  public int compareTo(XenVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
