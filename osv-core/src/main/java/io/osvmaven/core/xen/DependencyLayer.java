package io.osvmaven.core.xen;

/**
 * The three layers of needs (spec section 7): the Xen build graph, the recipe's packaging, and what
 * scripts and daemons need at run time without any recipe saying so.
 */
public enum DependencyLayer {
  /** Linked Xen library: a USELIBS entry or a tool's link line; OE turns it into a shlib RDEPENDS. */
  LINK("links"),
  /** Another build-time need that is not a Xen library (sources compiled in, a library to link). */
  BUILD("build"),
  /** An explicit RDEPENDS of the meta-virtualization recipe. */
  RDEPENDS("RDEPENDS"),
  /** A run-time need no recipe expresses (a script calling a binary, a daemon needing xenstored). */
  RUNTIME("runtime");

  private final String label;

  DependencyLayer(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
