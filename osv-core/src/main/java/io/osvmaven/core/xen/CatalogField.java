package io.osvmaven.core.xen;

/** One field line of a catalogue component: {@code links@4.21- evtchn gnttab manage}. */
public record CatalogField(String key, VersionRange range, String value, Location location) {

  public boolean appliesTo(XenVersion version) {
    return range.contains(version);
  }

  /** The value split at white space; empty for an empty value. */
  public java.util.List<String> words() {
    String v = value.trim();
    return v.isEmpty() ? java.util.List.of() : java.util.List.of(v.split("\\s+"));
  }
}
