package io.osvmaven.core.xen;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes a closed selection of xen-tools components.
 *
 * <p>The preset puts every available component in or out. An include overrides the preset's
 * exclusion and brings everything it needs with it; an exclude is absolute. The closure follows all
 * three layers of needs (library links, recipe RDEPENDS, run-time needs of scripts and daemons). A
 * preset member that needs something the preset leaves out, or anything that needs an excluded or
 * unavailable component, is a {@link Contradiction}: the need is not added, the chain is reported
 * with the fixes, and in strict mode the selection fails.
 */
public final class XenToolsSelector {

  private final XenToolsCatalog catalog;

  public XenToolsSelector(XenToolsCatalog catalog) {
    this.catalog = catalog;
  }

  /** A selector over the built-in catalogue. */
  public XenToolsSelector() {
    this(XenToolsCatalog.builtIn());
  }

  public XenToolsSelection select(XenToolsRequest request, BuildListener listener) {
    XenVersion version = catalog.supportedVersion(request.xenVersion(), "xenVersion");
    String preset = checkPreset(request.preset());
    String arch = request.arch();
    if (arch != null && !catalog.arches().contains(arch)) {
      throw new OsvException("arch: unknown architecture '" + arch + "'",
          "use one of " + String.join(", ", catalog.arches()) + ", or leave it unset");
    }
    BuildGraph graph = request.xenSourceDirectory() == null
        ? BuildGraph.fromCatalog(catalog, version)
        : XenSourceTree.read(request.xenSourceDirectory());
    graph.notes().forEach(listener::debug);
    Model model = new Model(catalog, version, arch, graph, listener);

    Set<String> includes = resolveAll(request.includes(), "includes", model);
    Set<String> excludes = resolveAll(request.excludes(), "excludes", model);
    for (String id : includes) {
      if (excludes.contains(id)) {
        throw new OsvException("includes and excludes both name " + id,
            "keep it in only one of the two lists");
      }
      if (!model.available.containsKey(id)) {
        throw new OsvException("includes: " + id + " is not available: " + model.unavailable.get(id),
            "choose a Xen version, architecture or source tree that has it, or drop the include");
      }
    }
    for (String id : excludes) {
      if (!model.available.containsKey(id)) {
        listener.info("xen-tools: exclude " + id + " has no effect: " + model.unavailable.get(id));
      }
    }
    Set<String> presetMembers = new TreeSet<>();
    for (XenComponent c : catalog.components()) {
      boolean member = preset.equals(XenToolsRequest.FULL) || c.minimal();
      if (!member) {
        continue;
      }
      if (!model.available.containsKey(c.id())) {
        if (c.existsIn(version)) {
          listener.info("xen-tools: preset " + preset + " member " + c.id() + " skipped: "
              + model.unavailable.get(c.id()));
        }
        continue;
      }
      if (!excludes.contains(c.id())) {
        presetMembers.add(c.id());
      }
    }
    Closure closure = new Closure(model, preset, presetMembers, includes, excludes);
    closure.preselect();
    closure.walk(new TreeSet<>(includes), true);
    closure.walk(presetMembers, false);

    Map<String, String> notSelected = new TreeMap<>();
    for (String id : model.available.keySet()) {
      if (!closure.selected.containsKey(id)) {
        notSelected.put(id, excludes.contains(id) ? "excluded by request"
            : "not in preset " + preset);
      }
    }
    List<Contradiction> contradictions = new ArrayList<>(closure.contradictions);
    contradictions.sort(Comparator.comparing(Contradiction::chainText));

    List<OrderIssue> orderIssues = new ArrayList<>(BuildOrder.checkLibraries(graph));
    orderIssues.addAll(BuildOrder.checkTools(graph));
    orderIssues.addAll(componentOrder(model, closure.selected.keySet()));

    Map<String, SelectionReason> selected = new TreeMap<>(closure.selected);
    List<SubdirEntry> libsOrder = libsBuildOrder(model, selected.keySet());
    List<SubdirEntry> toolsSubdirs = toolsSubdirs(model, selected.keySet());
    Map<String, List<Dependency>> needs = new TreeMap<>();
    model.available.keySet().forEach(id -> needs.put(id, model.edges(id)));
    XenToolsSelection result = new XenToolsSelection(request, version, graph,
        new TreeMap<>(model.available), new TreeMap<>(model.unavailable), needs,
        names(model), selected,
        notSelected,
        contradictions, orderIssues, libsOrder, toolsSubdirs,
        alsoBuilt(model, selected.keySet(), toolsSubdirs), packages(model, selected.keySet()),
        configureFlags(model, selected.keySet()), makeVariables(model, selected.keySet(),
            !notSelected.isEmpty()), packageConfig(model, selected.keySet()), catalog.sizes());
    report(result, listener);
    return result;
  }

  private String checkPreset(String preset) {
    if (preset.equals(XenToolsRequest.MINIMAL) || preset.equals(XenToolsRequest.FULL)) {
      return preset;
    }
    Optional<String> near = Names.closest(preset,
        List.of(XenToolsRequest.MINIMAL, XenToolsRequest.FULL));
    throw new OsvException("preset: unknown preset '" + preset + "'",
        near.map(n -> "did you mean '" + n + "'?").orElse("use minimal or full"));
  }

  private Set<String> resolveAll(List<String> names, String setting, Model model) {
    Set<String> ids = new TreeSet<>();
    for (String n : names) {
      String tree = model.treeNames.get(n == null ? "" : n.trim());
      ids.add(tree != null ? tree : catalog.resolve(n, setting).id());
    }
    return ids;
  }

  private Map<String, String> names(Model model) {
    Map<String, String> names = new TreeMap<>(catalog.names());
    names.putAll(model.treeNames);
    return names;
  }

  private static void report(XenToolsSelection r, BuildListener listener) {
    listener.info("xen-tools: " + r.selected().size() + " components selected for Xen "
        + r.version() + " from " + r.graph().origin() + " (preset " + r.request().preset() + ")");
    for (Map.Entry<String, SelectionReason> e : r.selected().entrySet()) {
      if (e.getValue().kind() == SelectionReason.Kind.NEEDED) {
        listener.debug("xen-tools: added " + e.getKey() + ": " + e.getValue().describe());
      }
    }
    List<String> problems = new ArrayList<>();
    for (Contradiction c : r.contradictions()) {
      problems.add("contradiction " + c.describe() + "; fixes: " + String.join("; ", c.fixes()));
    }
    for (OrderIssue o : r.orderIssues()) {
      problems.add("build order: " + o.describe());
    }
    if (problems.isEmpty()) {
      return;
    }
    if (r.request().strict()) {
      throw new OsvException("xen-tools selection is not consistent (strict mode): "
          + problems.size() + " problem(s); first: " + problems.get(0),
          String.join("\n", problems));
    }
    for (String p : problems) {
      listener.warn("xen-tools: " + p);
    }
  }

  private static List<OrderIssue> componentOrder(Model m, Set<String> selected) {
    List<OrderIssue> issues = new ArrayList<>();
    Map<String, Integer> index = BuildOrder.firstIndex(m.graph.toolsOrder());
    Map<String, SubdirEntry> entry = BuildOrder.firstEntry(m.graph.toolsOrder());
    String file = m.graph.fromSourceTree() ? XenSourceTree.TOOLS_MAKEFILE : "tools/Makefile";
    for (String id : selected) {
      XenComponent c = m.available.get(id);
      for (String s : c.subdirs(m.version)) {
        if (!index.containsKey(s)) {
          issues.add(new OrderIssue(c.location(), id + " is built by the " + file + " entry '" + s
              + "', which " + m.graph.origin() + " does not have"));
        }
      }
      for (Dependency d : m.edges(id)) {
        XenComponent t = m.available.get(d.target());
        if (t == null || d.layer() == DependencyLayer.RDEPENDS
            || d.layer() == DependencyLayer.RUNTIME) {
          continue;
        }
        for (String s : c.subdirs(m.version)) {
          for (String ds : t.subdirs(m.version)) {
            if (!s.equals(ds) && index.containsKey(s) && index.containsKey(ds)
                && index.get(ds) > index.get(s)) {
              issues.add(new OrderIssue(entry.get(s).location(), s + " (" + id + ") is built before "
                  + ds + " (" + t.id() + "), which it needs (" + d.describe() + ")"));
            }
          }
        }
      }
    }
    return issues;
  }

  private static List<SubdirEntry> libsBuildOrder(Model m, Set<String> selected) {
    Map<String, Integer> priority = BuildOrder.firstIndex(m.graph.libsOrder());
    Map<String, SubdirEntry> entry = BuildOrder.firstEntry(m.graph.libsOrder());
    List<String> kept = new ArrayList<>();
    Map<String, List<String>> needs = new HashMap<>();
    for (String id : selected) {
      Optional<String> lib = m.available.get(id).lib();
      if (lib.isPresent() && m.graph.libraries().containsKey(lib.get())) {
        kept.add(lib.get());
        needs.put(lib.get(), m.graph.libraries().get(lib.get()).uselibs());
      }
    }
    List<SubdirEntry> out = new ArrayList<>();
    for (String lib : BuildOrder.stableTopological(kept, needs, priority)) {
      SubdirEntry e = entry.get(lib);
      out.add(e != null ? e
          : new SubdirEntry(lib, "y", m.graph.libraries().get(lib).declared()));
    }
    return out;
  }

  private static List<SubdirEntry> toolsSubdirs(Model m, Set<String> selected) {
    Set<String> dirs = new TreeSet<>();
    for (String id : selected) {
      dirs.addAll(m.available.get(id).subdirs(m.version));
    }
    List<SubdirEntry> out = new ArrayList<>();
    for (SubdirEntry e : m.graph.toolsOrder()) {
      if (dirs.remove(e.dir())) {
        out.add(e);
      }
    }
    for (String d : dirs) {
      out.add(new SubdirEntry(d, "y", new Location(XenSourceTree.TOOLS_MAKEFILE, 0)));
    }
    return out;
  }

  private static Map<String, List<String>> alsoBuilt(Model m, Set<String> selected,
      List<SubdirEntry> kept) {
    Map<String, List<String>> out = new TreeMap<>();
    for (SubdirEntry e : kept) {
      List<String> extra = new ArrayList<>();
      for (XenComponent c : m.available.values()) {
        // Libraries are governed by the tools/libs block, so only non-library parts leak through.
        boolean governedByLibsBlock = c.lib().isPresent();
        if (!selected.contains(c.id()) && !governedByLibsBlock
            && c.subdirs(m.version).contains(e.dir())) {
          extra.add(c.id());
        }
      }
      if (!extra.isEmpty()) {
        extra.sort(null);
        out.put(e.dir(), extra);
      }
    }
    return out;
  }

  private static List<String> packages(Model m, Set<String> selected) {
    Set<String> out = new TreeSet<>();
    selected.forEach(id -> out.addAll(m.available.get(id).packages()));
    return List.copyOf(out);
  }

  private static List<String> configureFlags(Model m, Set<String> selected) {
    Set<String> keepOn = new TreeSet<>();
    Set<String> on = new TreeSet<>();
    for (String id : selected) {
      on.addAll(m.available.get(id).configureOn(m.version));
      keepOn.addAll(m.available.get(id).configureOff(m.version));
    }
    Set<String> out = new TreeSet<>(on);
    for (XenComponent c : m.available.values()) {
      if (!selected.contains(c.id())) {
        // A switch shared with a selected component (libfsimage for fsimage and pygrub) stays on.
        c.configureOff(m.version).stream().filter(f -> !keepOn.contains(f)).forEach(out::add);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> makeVariables(Model m, Set<String> selected, boolean minimal) {
    Set<String> out = new TreeSet<>();
    if (minimal) {
      out.add("CONFIG_MINIMAL_TOOLS=y");
    }
    for (XenComponent c : m.available.values()) {
      if (!selected.contains(c.id())) {
        out.addAll(c.makeOff(m.version));
      }
    }
    return List.copyOf(out);
  }

  private static List<String> packageConfig(Model m, Set<String> selected) {
    Set<String> out = new TreeSet<>();
    selected.forEach(id -> out.addAll(m.available.get(id).packageConfig()));
    return List.copyOf(out);
  }

  /** The components and edges of one version, arch and graph. */
  private static final class Model {
    final XenVersion version;
    final BuildGraph graph;
    final Map<String, XenComponent> available = new LinkedHashMap<>();
    final Map<String, String> unavailable = new LinkedHashMap<>();
    final Map<String, String> libToComponent = new HashMap<>();
    /** Names of the components made up for tree libraries the catalogue does not know. */
    final Map<String, String> treeNames = new HashMap<>();
    private final Map<String, List<Dependency>> edges = new HashMap<>();

    Model(XenToolsCatalog catalog, XenVersion version, String arch, BuildGraph graph,
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

  /** Breadth-first closure, so every why-chain is a shortest one. */
  private static final class Closure {
    final Model model;
    final String preset;
    final Set<String> presetMembers;
    final Set<String> includes;
    final Set<String> excludes;
    final Map<String, SelectionReason> selected = new LinkedHashMap<>();
    final List<Contradiction> contradictions = new ArrayList<>();
    private final Set<String> visited = new java.util.HashSet<>();

    Closure(Model model, String preset, Set<String> presetMembers, Set<String> includes,
        Set<String> excludes) {
      this.model = model;
      this.preset = preset;
      this.presetMembers = presetMembers;
      this.includes = includes;
      this.excludes = excludes;
    }

    /** Every root gets its own reason first, so a preset member never reads as "needed by". */
    void preselect() {
      includes.forEach(r -> selected.put(r, SelectionReason.included()));
      presetMembers.forEach(r -> selected.putIfAbsent(r, SelectionReason.preset(preset)));
    }

    /**
     * Walks from {@code roots}. Walking from the includes, the walk also goes through preset members
     * it reaches, because what an include needs may pull in what the preset left out.
     */
    void walk(Set<String> roots, boolean fromIncludes) {
      Deque<String> queue = new ArrayDeque<>();
      for (String r : roots) {
        if (visited.add(r)) {
          queue.add(r);
        }
      }
      while (!queue.isEmpty()) {
        String c = queue.poll();
        for (Dependency d : model.edges(c)) {
          String t = d.target();
          if (selected.containsKey(t)) {
            if (fromIncludes && visited.add(t)) {
              queue.add(t);
            }
            continue;
          }
          String blocked = blocked(t, fromIncludes);
          if (blocked != null) {
            contradictions.add(contradiction(c, d, blocked));
            continue;
          }
          selected.put(t, SelectionReason.needed(c, d));
          visited.add(t);
          queue.add(t);
        }
      }
    }

    private String blocked(String t, boolean fromIncludes) {
      if (!model.available.containsKey(t)) {
        return "not available: " + model.unavailable.get(t);
      }
      if (excludes.contains(t)) {
        return "excluded by request";
      }
      if (!fromIncludes && !presetMembers.contains(t) && !includes.contains(t)) {
        return "not in preset " + preset;
      }
      return null;
    }

    private Contradiction contradiction(String needer, Dependency d, String blocked) {
      List<String> chain = new ArrayList<>();
      for (String at = needer; at != null; at = selected.get(at).neededBy()) {
        chain.add(0, at);
      }
      chain.add(d.target());
      String root = chain.get(0);
      Set<String> fixes = new LinkedHashSet<>();
      String t = d.target();
      if (excludes.contains(t)) {
        fixes.add("remove " + t + " from the excludes");
      } else if (model.available.containsKey(t)) {
        fixes.add("include " + t);
      } else {
        fixes.add("use a Xen version, architecture or source tree that has " + t);
      }
      fixes.add(includes.contains(root) ? "remove " + root + " from the includes"
          : "exclude " + root);
      model.available.get(needer).fixHint(t).ifPresent(fixes::add);
      return new Contradiction(chain, d, blocked, List.copyOf(fixes));
    }
  }
}
