package io.osvmaven.core.xen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code ifeq ($(CONFIG_MINIMAL_TOOLS),y)} block for tools/libs/uselibs.mk: LIBS_LIBS reset to
 * the kept libraries in build order, each with its real USELIBS (a USELIBS entry the selection does
 * not build is left in, with a comment, because dropping it would need the library's sources patched
 * too; the report lists it as a contradiction).
 */
final class UselibsBlockWriter {

  static final String FILE = "uselibs.mk.minimal";

  private UselibsBlockWriter() {}

  static String render(XenToolsSelection s) {
    StringBuilder out = new StringBuilder(OutputHeader.comment(s));
    out.append("# Append to tools/libs/uselibs.mk.\n");
    out.append("ifeq ($(CONFIG_MINIMAL_TOOLS),y)\n");
    out.append("LIBS_LIBS :=\n");
    Set<String> kept = new TreeSet<>();
    s.libsBuildOrder().forEach(e -> kept.add(e.dir()));
    for (SubdirEntry e : s.libsBuildOrder()) {
      LibraryNode lib = s.graph().libraries().get(e.dir());
      List<String> missing = new ArrayList<>();
      for (String u : lib.uselibs()) {
        if (!kept.contains(u)) {
          missing.add(u);
        }
      }
      out.append("LIBS_LIBS += ").append(lib.name()).append('\n');
      if (!missing.isEmpty()) {
        out.append("# ").append(lib.name()).append(" also links ").append(String.join(" ", missing))
            .append(", which this selection does not build\n");
      }
      out.append("USELIBS_").append(lib.name()).append(" :=");
      for (String u : lib.uselibs()) {
        out.append(' ').append(u);
      }
      out.append('\n');
      if (!lib.filename().equals("xen" + lib.name())) {
        out.append("FILENAME_").append(lib.name()).append(" := ").append(lib.filename()).append('\n');
      }
    }
    out.append("endif\n");
    return out.toString();
  }
}
