package io.osvmaven.core.xen;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    XenVersion version;
    if (request.xenVersion() == null || request.xenVersion().isBlank()) {
      version = catalog.versions().get(catalog.versions().size() - 1);
      listener.info("xen-tools: no Xen version given, using " + version + ", the newest the catalogue "
          + "describes; pin it, the tools graph changes between releases");
    } else {
      version = catalog.supportedVersion(request.xenVersion(), "xenVersion");
    }
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
    SelectionModel model = new SelectionModel(catalog, version, arch, graph, listener);

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
    Set<String> presetMembers = presetMembers(preset, model, excludes, listener);
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
        new TreeMap<>(model.available), new TreeMap<>(model.unavailable), needs, names(model),
        selected, notSelected, contradictions, orderIssues, libsOrder, toolsSubdirs,
        alsoBuilt(model, selected.keySet(), toolsSubdirs), packages(model, selected.keySet()),
        configureFlags(model, selected.keySet()), makeVariables(model, selected.keySet(),
            !notSelected.isEmpty()), packageConfig(model, selected.keySet()), catalog.sizes());
    report(result, listener);
    return result;
  }

  /** The available members of the preset, less the excludes; full takes tree-only libraries too. */
  private Set<String> presetMembers(String preset, SelectionModel model, Set<String> excludes,
      BuildListener listener) {
    boolean full = preset.equals(XenToolsRequest.FULL);
    Set<String> members = new TreeSet<>();
    for (XenComponent c : model.available.values()) {
      if ((full || c.minimal()) && !excludes.contains(c.id())) {
        members.add(c.id());
      }
    }
    for (XenComponent c : catalog.components()) {
      if ((full || c.minimal()) && !model.available.containsKey(c.id())
          && c.existsIn(model.version)) {
        listener.info("xen-tools: preset " + preset + " member " + c.id() + " skipped: "
            + model.unavailable.get(c.id()));
      }
    }
    return members;
  }

  private String checkPreset(String preset) {
    if (preset.equals(XenToolsRequest.MINIMAL) || preset.equals(XenToolsRequest.FULL)) {
      return preset;
    }
    Optional<String> near = Suggestions.closest(preset,
        List.of(XenToolsRequest.MINIMAL, XenToolsRequest.FULL));
    throw new OsvException("preset: unknown preset '" + preset + "'",
        near.map(n -> "did you mean '" + n + "'?").orElse("use minimal or full"));
  }

  private Set<String> resolveAll(List<String> names, String setting, SelectionModel model) {
    Set<String> ids = new TreeSet<>();
    for (String n : names) {
      String tree = model.treeNames.get(n == null ? "" : n.trim());
      ids.add(tree != null ? tree : catalog.resolve(n, setting).id());
    }
    return ids;
  }

  private Map<String, String> names(SelectionModel model) {
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

  private static List<OrderIssue> componentOrder(SelectionModel m, Set<String> selected) {
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

  private static List<SubdirEntry> libsBuildOrder(SelectionModel m, Set<String> selected) {
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

  private static List<SubdirEntry> toolsSubdirs(SelectionModel m, Set<String> selected) {
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

  private static Map<String, List<String>> alsoBuilt(SelectionModel m, Set<String> selected,
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

  private static List<String> packages(SelectionModel m, Set<String> selected) {
    Set<String> out = new TreeSet<>();
    selected.forEach(id -> out.addAll(m.available.get(id).packages()));
    return List.copyOf(out);
  }

  private static List<String> configureFlags(SelectionModel m, Set<String> selected) {
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

  private static List<String> makeVariables(SelectionModel m, Set<String> selected, boolean minimal) {
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

  private static List<String> packageConfig(SelectionModel m, Set<String> selected) {
    Set<String> out = new TreeSet<>();
    selected.forEach(id -> out.addAll(m.available.get(id).packageConfig()));
    return List.copyOf(out);
  }

}
