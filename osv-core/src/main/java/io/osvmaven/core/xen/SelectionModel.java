package io.osvmaven.core.xen;

import io.osvmaven.core.BuildListener;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The components and edges of one version, arch and graph. */
final class SelectionModel {
  final XenVersion version;
  final BuildGraph graph;
  final Map<String, XenComponent> available = new LinkedHashMap<>();
  final Map<String, String> unavailable = new LinkedHashMap<>();
  final Map<String, String> libToComponent = new HashMap<>();
  /** Names of the components made up for tree libraries the catalogue does not know. */
  final Map<String, String> treeNames = new HashMap<>();
  private final Map<String, List<Dependency>> edges = new HashMap<>();

  SelectionModel(XenToolsCatalog catalog, XenVersion version, String arch, BuildGraph graph,
      BuildListener listener) {
    this.version = version;
    this.graph = graph;
    for (XenComponent c : catalog.components()) {
      c.lib().ifPresent(l -> libToComponent.put(l, c.id()));
      String why = null;
      if (c.lib().isPresent() && graph.fromSourceTree()) {
        boolean inTree = graph.libraries().containsKey(c.lib().get());
        if (!inTree) {
          why = "library " + c.lib().get() + " is not in " + XenSourceTree.USELIBS + " of "
              + graph.origin();
        }
        if (inTree != c.existsIn(version)) {
          listener.warn("xen-tools: " + graph.origin() + (inTree ? " has" : " lacks")
              + " library " + c.lib().get() + ", but the catalogue says it exists "
              + c.versions().describe() + " and xenVersion is " + version
              + "; using the source tree");
        }
      } else if (!c.existsIn(version)) {
        why = "not in Xen " + version + " (exists " + c.versions().describe() + ")";
      } else if (!c.existsOn(arch)) {
        why = "exists only on " + String.join(", ", c.arches()) + ", not on " + arch;
      }
      if (why == null) {
        available.put(c.id(), c);
      } else {
        unavailable.put(c.id(), why);
      }
    }
    for (LibraryNode lib : graph.libraries().values()) {
      if (!libToComponent.containsKey(lib.name())) {
        XenComponent c = synthesized(lib);
        listener.warn("xen-tools: " + lib.declared() + ": library " + lib.name()
            + " is not in the catalogue; treating it as component " + c.id());
        libToComponent.put(lib.name(), c.id());
        available.put(c.id(), c);
        treeNames.put(c.id(), c.id());
        treeNames.put(lib.name(), c.id());
        c.packages().forEach(p -> treeNames.put(p, c.id()));
      }
    }
  }

  /** A component for a library the tree has and the catalogue does not know. */
  private static XenComponent synthesized(LibraryNode lib) {
    String id = "lib" + lib.filename();
    Map<String, List<CatalogField>> f = new LinkedHashMap<>();
    Location at = lib.declared();
    put(f, "doc", "-", at);
    put(f, "package", "xen-tools-lib" + lib.filename(), at);
    put(f, "kind", "library", at);
    put(f, "lib", lib.name(), at);
    put(f, "filename", lib.filename(), at);
    put(f, "source", "tools/libs/" + lib.name(), at);
    put(f, "subdir", "libs", at);
    put(f, "switch", "unknown (not in the catalogue)", at);
    put(f, "minimal", "no", at);
    put(f, "doc-included", "-", at);
    put(f, "remark", "found in the source tree at " + at + "; not in the catalogue", at);
    return new XenComponent(id, at, f);
  }

  private static void put(Map<String, List<CatalogField>> f, String key, String value,
      Location at) {
    f.put(key, List.of(new CatalogField(key, VersionRange.ALL, value, at)));
  }

  /** Needs of {@code id}: USELIBS from the graph, tool links, then declared needs; one per target. */
  List<Dependency> edges(String id) {
    return edges.computeIfAbsent(id, this::computeEdges);
  }

  private List<Dependency> computeEdges(String id) {
    XenComponent c = available.get(id);
    Map<String, Dependency> out = new LinkedHashMap<>();
    c.lib().map(graph.libraries()::get).ifPresent(node -> {
      for (String u : node.uselibs()) {
        out.putIfAbsent(libToComponent.get(u), new Dependency(libToComponent.get(u),
            DependencyLayer.LINK, "USELIBS_" + node.name() + " at " + node.uselibsAt()));
      }
    });
    for (String l : c.links(version)) {
      String target = libToComponent.get(l);
      LibraryNode node = graph.libraries().get(l);
      String file = node != null ? node.filename() : "xen" + l;
      out.putIfAbsent(target, new Dependency(target, DependencyLayer.LINK, "links lib" + file));
    }
    for (Dependency d : c.declaredNeeds(version)) {
      out.putIfAbsent(d.target(), d);
    }
    return List.copyOf(out.values());
  }
}
