package io.osvmaven.core.xen;

import java.util.Locale;

/** What a component is, as the design table classifies it. */
public enum ComponentKind {
  LIBRARY, TOOL, SCRIPT, DATA;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
