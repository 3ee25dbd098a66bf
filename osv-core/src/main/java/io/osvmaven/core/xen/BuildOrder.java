package io.osvmaven.core.xen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Build-order checks and sorting. The subdirs loop of tools/Rules.mk runs one sub-make after the
 * other, and a library links the built .so of each USELIBS entry by path, so tools/libs/Makefile must
 * list every library after its USELIBS; in tools/Makefile, libs must come first.
 */
final class BuildOrder {

  private BuildOrder() {}

  /** Every way the tools/libs SUBDIRS list breaks the USELIBS graph. */
  static List<OrderIssue> checkLibraries(BuildGraph g) {
    List<OrderIssue> issues = new ArrayList<>();
    Map<String, Integer> index = firstIndex(g.libsOrder());
    Map<String, SubdirEntry> entry = firstEntry(g.libsOrder());
    for (LibraryNode lib : g.libraries().values()) {
      if (!index.containsKey(lib.name())) {
        issues.add(new OrderIssue(lib.declared(), "library " + lib.name()
            + " is never built: " + XenSourceTree.LIBS_MAKEFILE + " has no SUBDIRS entry for it"));
      }
    }
    for (SubdirEntry e : g.libsOrder()) {
      LibraryNode lib = g.libraries().get(e.dir());
      if (lib == null) {
        issues.add(new OrderIssue(e.location(), "SUBDIRS entry '" + e.dir()
            + "' is not a library of " + XenSourceTree.USELIBS));
        continue;
      }
      if (entry.get(e.dir()) != e) {
        continue;
      }
      for (String dep : lib.uselibs()) {
        Integer at = index.get(dep);
        if (at != null && at > index.get(e.dir())) {
          issues.add(new OrderIssue(e.location(), e.dir() + " is built before " + dep
              + ", which it links (USELIBS_" + e.dir() + " at " + lib.uselibsAt() + "; " + dep
              + " is built at " + entry.get(dep).location() + ")"));
        }
      }
    }
    return issues;
  }

  /** tools/Makefile must start with libs: every tool links the libraries. */
  static List<OrderIssue> checkTools(BuildGraph g) {
    List<SubdirEntry> order = g.toolsOrder();
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).dir().equals("libs")) {
        return i == 0 ? List.of() : List.of(new OrderIssue(order.get(i).location(),
            "libs is entry " + (i + 1) + " of the SUBDIRS list, but every tool links the libraries"
                + " built there, so it must come first (" + order.get(0).dir() + " at "
                + order.get(0).location() + " runs before it)"));
      }
    }
    return List.of();
  }

  /**
   * Orders {@code names} so that each comes after everything it needs ({@code needs}), keeping the
   * original position ({@code priority}, lower first; unknown names last, by name) wherever the
   * graph leaves a choice. A list that is already a valid order comes back unchanged.
   */
  static List<String> stableTopological(Collection<String> names, Map<String, List<String>> needs,
      Map<String, Integer> priority) {
    Set<String> set = Set.copyOf(names);
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> users = new HashMap<>();
    for (String n : names) {
      int count = 0;
      for (String d : needs.getOrDefault(n, List.of())) {
        if (set.contains(d) && !d.equals(n)) {
          count++;
          users.computeIfAbsent(d, k -> new ArrayList<>()).add(n);
        }
      }
      waiting.put(n, count);
    }
    PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> {
      int pa = priority.getOrDefault(a, Integer.MAX_VALUE);
      int pb = priority.getOrDefault(b, Integer.MAX_VALUE);
      return pa != pb ? Integer.compare(pa, pb) : a.compareTo(b);
    });
    waiting.forEach((n, c) -> {
      if (c == 0) {
        ready.add(n);
      }
    });
    List<String> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      String n = ready.poll();
      out.add(n);
      for (String u : users.getOrDefault(n, List.of())) {
        if (waiting.merge(u, -1, Integer::sum) == 0) {
          ready.add(u);
        }
      }
    }
    if (out.size() != set.size()) {
      throw new IllegalStateException("dependency cycle among " + names);
    }
    return out;
  }

  static Map<String, Integer> firstIndex(List<SubdirEntry> order) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      index.putIfAbsent(order.get(i).dir(), i);
    }
    return index;
  }

  static Map<String, SubdirEntry> firstEntry(List<SubdirEntry> order) {
    Map<String, SubdirEntry> entry = new HashMap<>();
    for (SubdirEntry e : order) {
      entry.putIfAbsent(e.dir(), e);
    }
    return entry;
  }
}
