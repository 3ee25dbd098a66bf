package io.osvmaven.core.xen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Breadth-first closure, so every why-chain is a shortest one. */
final class Closure {
  final SelectionModel model;
  final String preset;
  final Set<String> presetMembers;
  final Set<String> includes;
  final Set<String> excludes;
  final Map<String, SelectionReason> selected = new LinkedHashMap<>();
  final List<Contradiction> contradictions = new ArrayList<>();
  private final Set<String> visited = new HashSet<>();

  Closure(SelectionModel model, String preset, Set<String> presetMembers, Set<String> includes,
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
    model.available.get(needer).fixHint(t, model.version).ifPresent(fixes::add);
    return new Contradiction(chain, d, blocked, List.copyOf(fixes));
  }
}
