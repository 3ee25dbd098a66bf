package io.osvmaven.core.xen;

import io.osvmaven.core.OsvException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The effective SUBDIRS list of tools/Makefile or tools/libs/Makefile: {@code $(SUBDIRS)} then
 * {@code $(SUBDIRS-y)} in textual order, the order tools/Rules.mk's {@code subdirs-<goal>} loop runs
 * them in. {@code SUBDIRS-$(VAR) += DIR} entries keep VAR as their condition (it is a build switch,
 * not something to evaluate here); {@code SUBDIRS-y :=} resets the list; entries added to
 * {@code SUBDIRS-n} or another literal suffix are never iterated and are dropped, as make drops them.
 */
final class SubdirsParser {

  private static final Pattern LINE = Pattern.compile(
      "^(?:override\\s+)?SUBDIRS(?:-(\\$\\(([A-Za-z0-9_]+)\\)|\\$\\{([A-Za-z0-9_]+)\\}|[A-Za-z0-9_]*))?"
          + "\\s*(\\+=|:=|::=|=|\\?=)\\s*(.*)$");

  private SubdirsParser() {}

  static List<SubdirEntry> parse(MakeStatements.Result makefile) {
    List<SubdirEntry> plain = new ArrayList<>();
    List<SubdirEntry> y = new ArrayList<>();
    for (MakeStatements.Statement s : makefile.statements()) {
      Matcher m = LINE.matcher(s.text());
      if (!m.matches()) {
        continue;
      }
      String suffix = m.group(1);
      String var = m.group(2) != null ? m.group(2) : m.group(3);
      String op = m.group(4);
      List<String> dirs = words(m.group(5));
      if (suffix == null) {
        if (!op.equals("+=")) {
          plain.clear();
        }
        dirs.forEach(d -> plain.add(new SubdirEntry(d, "y", s.location())));
        continue;
      }
      String condition = var != null ? var : suffix;
      if (var == null && !suffix.equals("y")) {
        continue;
      }
      if (op.equals("+=")) {
        dirs.forEach(d -> y.add(new SubdirEntry(d, condition, s.location())));
      } else if (condition.equals("y") && !op.equals("?=")) {
        y.clear();
        dirs.forEach(d -> y.add(new SubdirEntry(d, "y", s.location())));
      } else {
        throw new OsvException(s.location() + ": '" + s.text() + "' is not supported",
            "only 'SUBDIRS-y :=' resets the list; conditional entries are added with"
                + " 'SUBDIRS-$(VAR) += DIR'");
      }
    }
    List<SubdirEntry> all = new ArrayList<>(plain);
    all.addAll(y);
    return all;
  }

  private static List<String> words(String s) {
    String t = s.strip();
    return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
  }
}
