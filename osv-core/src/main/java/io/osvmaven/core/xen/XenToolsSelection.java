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
    Map<String, SelectionReason> selected, Map<String, String> notSelected,
    List<Contradiction> contradictions, List<OrderIssue> orderIssues,
    List<SubdirEntry> libsBuildOrder, List<SubdirEntry> toolsSubdirs,
    Map<String, List<String>> alsoBuilt, List<String> packages, List<String> configureFlags,
    List<String> makeVariables, List<String> packageConfig, List<KnownSize> sizes) {

  public XenToolsSelection {
    available = frozen(available);
    unavailable = frozen(unavailable);
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

  /** One paragraph on one component, for {@code osv xen explain}. */
  public String explain(String id) {
    SelectionReason r = selected.get(id);
    if (r != null) {
      List<String> chain = whyChain(id);
      return id + " is selected: " + r.describe()
          + (chain.size() > 1 ? "; chain " + String.join(" -> ", chain) : "");
    }
    if (notSelected.containsKey(id)) {
      return id + " is not selected: " + notSelected.get(id);
    }
    if (unavailable.containsKey(id)) {
      return id + " is not available: " + unavailable.get(id);
    }
    return id + " is not a component";
  }
}
