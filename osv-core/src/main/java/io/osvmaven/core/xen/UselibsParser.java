package io.osvmaven.core.xen;

import io.osvmaven.core.OsvException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tools/libs/uselibs.mk: {@code LIBS_LIBS += NAME}, {@code USELIBS_NAME := NAMES} and
 * {@code FILENAME_NAME := BASE}, keyed on the variable names rather than on line adjacency (4.21 puts
 * blank lines between entries; the RFC indents them inside a conditional).
 */
final class UselibsParser {

  private static final Pattern ASSIGN = Pattern.compile(
      "^(?:override\\s+)?(LIBS_LIBS|USELIBS_([A-Za-z0-9_]+)|FILENAME_([A-Za-z0-9_]+))"
          + "\\s*(\\+=|:=|::=|=)\\s*(.*)$");

  private UselibsParser() {}

  static Map<String, LibraryNode> parse(MakeStatements.Result file) {
    Map<String, Location> declared = new LinkedHashMap<>();
    Map<String, List<String>> uselibs = new HashMap<>();
    Map<String, Location> uselibsAt = new HashMap<>();
    Map<String, String> filenames = new HashMap<>();
    for (MakeStatements.Statement s : file.statements()) {
      Matcher m = ASSIGN.matcher(s.text());
      if (!m.matches()) {
        continue;
      }
      String op = m.group(4);
      List<String> words = words(m.group(5));
      if (m.group(1).equals("LIBS_LIBS")) {
        if (!op.equals("+=")) {
          declared.clear();
        }
        for (String w : words) {
          Location first = declared.putIfAbsent(w, s.location());
          if (first != null) {
            throw new OsvException(s.location() + ": library '" + w + "' is added to LIBS_LIBS"
                + " twice (first at " + first + ")", null);
          }
        }
      } else if (m.group(2) != null) {
        String lib = m.group(2);
        if (op.equals("+=")) {
          uselibs.computeIfAbsent(lib, k -> new ArrayList<>()).addAll(words);
        } else {
          uselibs.put(lib, new ArrayList<>(words));
        }
        uselibsAt.put(lib, s.location());
      } else {
        if (words.size() != 1) {
          throw new OsvException(s.location() + ": FILENAME_" + m.group(3)
              + " must name exactly one file name", null);
        }
        filenames.put(m.group(3), words.get(0));
      }
    }
    for (Map.Entry<String, Location> u : uselibsAt.entrySet()) {
      if (!declared.containsKey(u.getKey())) {
        throw new OsvException(u.getValue() + ": USELIBS_" + u.getKey() + " is set, but '"
            + u.getKey() + "' is not added to LIBS_LIBS", "add 'LIBS_LIBS += " + u.getKey() + "'");
      }
    }
    Map<String, LibraryNode> libs = new LinkedHashMap<>();
    for (Map.Entry<String, Location> d : declared.entrySet()) {
      String name = d.getKey();
      if (!uselibsAt.containsKey(name)) {
        throw new OsvException(d.getValue() + ": library '" + name + "' has no USELIBS_" + name
            + " assignment", "add 'USELIBS_" + name + " :=' (empty when it uses no library)");
      }
      for (String u : uselibs.get(name)) {
        if (!declared.containsKey(u)) {
          throw new OsvException(uselibsAt.get(name) + ": USELIBS_" + name + " names '" + u
              + "', which is not in LIBS_LIBS", null);
        }
      }
      libs.put(name, new LibraryNode(name, filenames.getOrDefault(name, "xen" + name),
          uselibs.get(name), d.getValue(), uselibsAt.get(name)));
    }
    checkAcyclic(libs);
    return libs;
  }

  private static void checkAcyclic(Map<String, LibraryNode> libs) {
    Map<String, Integer> state = new HashMap<>();
    for (String lib : libs.keySet()) {
      visit(lib, libs, state, new ArrayList<>());
    }
  }

  private static void visit(String lib, Map<String, LibraryNode> libs, Map<String, Integer> state,
      List<String> path) {
    Integer s = state.get(lib);
    if (s != null && s == 2) {
      return;
    }
    path.add(lib);
    if (s != null && s == 1) {
      List<String> cycle = path.subList(path.indexOf(lib), path.size());
      throw new OsvException(libs.get(lib).uselibsAt() + ": USELIBS form a cycle: "
          + String.join(" -> ", cycle), "a library cannot need itself through its dependencies");
    }
    state.put(lib, 1);
    for (String u : libs.get(lib).uselibs()) {
      visit(u, libs, state, path);
    }
    state.put(lib, 2);
    path.remove(path.size() - 1);
  }

  private static List<String> words(String s) {
    String t = s.strip();
    return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
  }
}
