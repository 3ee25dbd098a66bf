package io.osvmaven.core.xen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a selection: what is in and why, what is out and why, the contradictions, the build
 * order and everything the output writers need. Maps are sorted by component id.
 *
 * @param available the components that exist in this version, on this arch and in this tree
 * @param unavailable components of the catalogue that do not, with the reason
 * @param needs every available component's needs in this version and graph (all three layers)
 * @param names every name a user may give (ids, aliases, LIBS_LIBS names, packages) to its id
 * @param selected the selection, closed over every need unless a contradiction blocked one
 * @param notSelected available components left out, with the reason
 * @param libsBuildOrder the kept tools/libs SUBDIRS entries, in a valid build order
 * @param toolsSubdirs the kept tools/Makefile SUBDIRS entries, in tools/Makefile order
 * @param alsoBuilt for each kept tools/Makefile entry, the unselected components it builds anyway
 *     (they are left out only by packaging)
 * @param packages the Yocto packages of the selection, sorted
 * @param configureFlags tools/configure arguments that go with the selection, sorted
 * @param makeVariables make variables that go with it (command line or .config), sorted
 * @param packageConfig real PACKAGECONFIG flags of xen-tools that go with it, sorted
 * @param sizes the sizes that are known (preset totals only)
 */
public record XenToolsSelection(XenToolsRequest request, XenVersion version, BuildGraph graph,
    Map<String, XenComponent> available, Map<String, String> unavailable,
    Map<String, List<Dependency>> needs, Map<String, String> names,
    Map<String, SelectionReason> selected, Map<String, String> notSelected,
    List<Contradiction> contradictions, List<OrderIssue> orderIssues,
    List<SubdirEntry> libsBuildOrder, List<SubdirEntry> toolsSubdirs,
    Map<String, List<String>> alsoBuilt, List<String> packages, List<String> configureFlags,
    List<String> makeVariables, List<String> packageConfig, List<KnownSize> sizes) {

  public XenToolsSelection {
    available = frozen(available);
    unavailable = frozen(unavailable);
    needs = frozen(needs);
    names = frozen(names);
    selected = frozen(selected);
    notSelected = frozen(notSelected);
    alsoBuilt = frozen(alsoBuilt);
    contradictions = List.copyOf(contradictions);
    orderIssues = List.copyOf(orderIssues);
    libsBuildOrder = List.copyOf(libsBuildOrder);
    toolsSubdirs = List.copyOf(toolsSubdirs);
    packages = List.copyOf(packages);
    configureFlags = List.copyOf(configureFlags);
    makeVariables = List.copyOf(makeVariables);
    packageConfig = List.copyOf(packageConfig);
    sizes = List.copyOf(sizes);
  }

  private static <V> Map<String, V> frozen(Map<String, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** No contradiction and no build-order problem. */
  public boolean isConsistent() {
    return contradictions.isEmpty() && orderIssues.isEmpty();
  }

  /** Something available is left out, so the minimal blocks and switches are needed. */
  public boolean leavesSomethingOut() {
    return !notSelected.isEmpty();
  }

  public boolean isSelected(String id) {
    return selected.containsKey(id);
  }

  /**
   * Why {@code id} is selected, as the chain from the preset member or include that brought it in:
   * [xencommons, xl, libxenlight, libxenctrl]. Empty when it is not selected.
   */
  public List<String> whyChain(String id) {
    List<String> chain = new ArrayList<>();
    String at = id;
    while (at != null && selected.containsKey(at) && !chain.contains(at)) {
      chain.add(0, at);
      at = selected.get(at).neededBy();
    }
    return chain;
  }

  /** The available components that need {@code id}, sorted. */
  public List<String> neededBy(String id) {
    List<String> out = new ArrayList<>();
    needs.forEach((c, list) -> {
      if (list.stream().anyMatch(d -> d.target().equals(id))) {
        out.add(c);
      }
    });
    return out;
  }

  /**
   * The id of the component a user-given name means here (an id, alias, LIBS_LIBS name or package),
   * or empty.
   */
  public java.util.Optional<String> idOf(String name) {
    return java.util.Optional.ofNullable(names.get(name == null ? "" : name.trim()));
  }

  /**
   * A few lines on one component, for {@code osv xen explain}: whether it is in and why (with the
   * chain), what it needs and which components need it.
   */
  public String explain(String name) {
    String id = idOf(name).orElse(name);
    StringBuilder out = new StringBuilder();
    SelectionReason r = selected.get(id);
    if (r != null) {
      List<String> chain = whyChain(id);
      out.append(id).append(" is selected: ").append(r.describe());
      if (chain.size() > 1) {
        out.append("; chain ").append(String.join(" -> ", chain));
      }
    } else if (notSelected.containsKey(id)) {
      out.append(id).append(" is not selected: ").append(notSelected.get(id));
    } else if (unavailable.containsKey(id)) {
      return id + " is not available: " + unavailable.get(id) + "\n";
    } else {
      return name + " is not a component\n";
    }
    out.append('\n');
    for (Dependency d : needs.get(id)) {
      out.append("  needs ").append(d.target()).append(" (").append(d.describe()).append(")")
          .append(selected.containsKey(d.target()) ? "" : " [not selected]").append('\n');
    }
    List<String> users = neededBy(id);
    if (!users.isEmpty()) {
      out.append("  needed by ").append(String.join(", ", users)).append('\n');
    }
    for (Contradiction c : contradictions) {
      if (c.chain().contains(id)) {
        out.append("  contradiction ").append(c.describe()).append('\n');
      }
    }
    return out.toString();
  }
}
