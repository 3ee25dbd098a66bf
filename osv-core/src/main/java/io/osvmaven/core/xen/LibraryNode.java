package io.osvmaven.core.xen;

import java.util.List;

/**
 * One tools/libs library of the build graph: its LIBS_LIBS name, FILENAME (xen&lt;name&gt; unless
 * overridden), its direct USELIBS, and where each was declared.
 */
public record LibraryNode(String name, String filename, List<String> uselibs, Location declared,
    Location uselibsAt) {

  public LibraryNode {
    uselibs = List.copyOf(uselibs);
  }
}
