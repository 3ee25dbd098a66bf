package io.osvmaven.core.xen;

import java.util.List;
import java.util.Map;

/**
 * The {@code ifeq ($(CONFIG_MINIMAL_TOOLS),y)} blocks for tools/Makefile and tools/libs/Makefile:
 * reset SUBDIRS-y, then add the kept entries with their own switches, in build order. Lines start in
 * column 1: a TAB-led line after a rule would be read as a recipe.
 */
final class SubdirsBlockWriter {

  static final String TOOLS_FILE = "tools.Makefile.minimal";
  static final String LIBS_FILE = "libs.Makefile.minimal";

  private SubdirsBlockWriter() {}

  static String renderTools(XenToolsSelection s) {
    StringBuilder out = new StringBuilder(OutputHeader.comment(s));
    out.append("# Paste into tools/Makefile after its last SUBDIRS entry and before the CONFIG_RUMP"
        + " block.\n");
    out.append("# Entries keep their switches; comments name what an entry builds beyond the"
        + " selection\n# (left out of the image by packaging only).\n");
    return block(out, s.toolsSubdirs(), s.alsoBuilt());
  }

  static String renderLibs(XenToolsSelection s) {
    StringBuilder out = new StringBuilder(OutputHeader.comment(s));
    out.append("# Paste into tools/libs/Makefile after its SUBDIRS list and before the CONFIG_RUMP"
        + " block.\n");
    out.append("# The order is a build order: every library after the libraries it links.\n");
    return block(out, s.libsBuildOrder(), Map.of());
  }

  private static String block(StringBuilder out, List<SubdirEntry> entries,
      Map<String, List<String>> alsoBuilt) {
    out.append("ifeq ($(CONFIG_MINIMAL_TOOLS),y)\n");
    out.append("SUBDIRS-y :=\n");
    for (SubdirEntry e : entries) {
      List<String> extra = alsoBuilt.get(e.dir());
      if (extra != null) {
        out.append("# ").append(e.dir()).append(" also builds: ").append(String.join(" ", extra))
            .append('\n');
      }
      out.append(e.makeLine()).append('\n');
    }
    out.append("endif\n");
    return out.toString();
  }
}
