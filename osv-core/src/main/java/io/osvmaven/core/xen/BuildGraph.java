package io.osvmaven.core.xen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Xen tools build graph one selection runs on: the tools/libs libraries with their USELIBS and
 * the SUBDIRS lists of tools/libs/Makefile and tools/Makefile, either from the built-in catalogue or
 * read from a Xen source tree.
 *
 * @param origin "built-in catalogue (Xen 4.19)" or the source tree's directory name
 * @param fromSourceTree whether the data was read from a tree (then it overrides the catalogue)
 * @param notes what the reader skipped or could not evaluate (for debug output)
 */
public record BuildGraph(String origin, boolean fromSourceTree, Map<String, LibraryNode> libraries,
    List<SubdirEntry> libsOrder, List<SubdirEntry> toolsOrder, List<String> notes) {

  public BuildGraph {
    libraries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
    libsOrder = List.copyOf(libsOrder);
    toolsOrder = List.copyOf(toolsOrder);
    notes = List.copyOf(notes);
  }

  /** The graph the catalogue states for {@code version}. */
  public static BuildGraph fromCatalog(XenToolsCatalog catalog, XenVersion version) {
    Map<String, LibraryNode> libs = new LinkedHashMap<>();
    for (XenComponent c : catalog.librariesIn(version).values()) {
      CatalogField at = c.lines("uselibs").stream().filter(f -> f.appliesTo(version)).findFirst()
          .orElse(c.lines("lib").get(0));
      libs.put(c.lib().orElseThrow(), new LibraryNode(c.lib().get(), c.filename().orElseThrow(),
          c.uselibs(version), c.lines("lib").get(0).location(), at.location()));
    }
    return new BuildGraph("built-in catalogue (Xen " + version + ")", false, libs,
        catalog.libsOrder(version), catalog.toolsOrder(version), List.of());
  }
}
