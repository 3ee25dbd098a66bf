package io.osvmaven.core.xen;

/**
 * Xen versions a catalogue entry applies to: {@code 4.19} (one), {@code 4.21-} (from), {@code -4.20}
 * (up to) or {@code 4.19-4.20} (both ends included). A null end is open.
 */
public record VersionRange(XenVersion from, XenVersion to) {

  public static final VersionRange ALL = new VersionRange(null, null);

  /** Parses the range forms above; {@code where} names the file:line for errors. */
  public static VersionRange parse(String text, String where) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      XenVersion v = XenVersion.parse(text, where);
      return new VersionRange(v, v);
    }
    String a = text.substring(0, dash);
    String b = text.substring(dash + 1);
    if (a.isEmpty() && b.isEmpty()) {
      throw new io.osvmaven.core.OsvException(where + ": empty version range '-'",
          "write 4.19, 4.21-, -4.20 or 4.19-4.20");
    }
    return new VersionRange(a.isEmpty() ? null : XenVersion.parse(a, where),
        b.isEmpty() ? null : XenVersion.parse(b, where));
  }

  public boolean contains(XenVersion v) {
    return (from == null || from.compareTo(v) <= 0) && (to == null || v.compareTo(to) <= 0);
  }

  @Override
  public String toString() {
    if (from == null && to == null) {
      return "all";
    }
    if (from != null && from.equals(to)) {
      return from.toString();
    }
    return (from == null ? "" : from.toString()) + "-" + (to == null ? "" : to.toString());
  }

  /** Human wording for messages: "from 4.21", "up to 4.20", "4.19 to 4.20". */
  public String describe() {
    if (from == null && to == null) {
      return "in every version";
    }
    if (to == null) {
      return "from " + from;
    }
    if (from == null) {
      return "up to " + to;
    }
    return from.equals(to) ? "only in " + from : "from " + from + " to " + to;
  }
}
