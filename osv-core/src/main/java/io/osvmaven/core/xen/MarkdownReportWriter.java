package io.osvmaven.core.xen;

import java.util.List;
import java.util.Map;

/**
 * The report in the design document's shape (component | package | included | rationale | remark),
 * followed by the why-chains, the contradictions with their fixes, the build order, what kept
 * entries build beyond the selection, the switches and the sizes that are known.
 */
final class MarkdownReportWriter {

  static final String FILE = "xen-tools-report.md";

  private MarkdownReportWriter() {}

  static String render(XenToolsSelection s) {
    StringBuilder out = new StringBuilder("# xen-tools selection\n\n");
    out.append(OutputHeader.summary(s)).append(", mode: ")
        .append(s.request().strict() ? "strict" : "warn").append(".\n\n");
    out.append(s.selected().size()).append(" of ").append(s.available().size())
        .append(" available components selected; ").append(s.contradictions().size())
        .append(" contradiction(s); ").append(s.orderIssues().size())
        .append(" build-order problem(s).\n\n");

    out.append("## Components\n\n");
    out.append("| component | package | included | rationale | remark |\n");
    out.append("|---|---|---|---|---|\n");
    for (XenComponent c : s.available().values()) {
      String id = c.id();
      String name = c.docName().filter(d -> !d.equals(id)).map(d -> id + " (doc: " + d + ")")
          .orElse(id);
      String included = s.isSelected(id) ? "yes: " + s.selected().get(id).describe()
          : "no: " + s.notSelected().get(id);
      out.append("| ").append(cell(name)).append(" | ")
          .append(cell(c.packages().isEmpty() ? "(none)" : String.join(" ", c.packages())))
          .append(" | ").append(cell(included)).append(" | ").append(cell(c.rationale()))
          .append(" | ").append(cell(c.remark())).append(" |\n");
    }
    if (!s.unavailable().isEmpty()) {
      out.append("\nNot available here:\n\n");
      s.unavailable().forEach((id, why) -> out.append("- ").append(id).append(": ").append(why)
          .append('\n'));
    }

    out.append("\n## Why-chains\n\n");
    boolean any = false;
    for (Map.Entry<String, SelectionReason> e : s.selected().entrySet()) {
      if (e.getValue().kind() == SelectionReason.Kind.NEEDED) {
        any = true;
        out.append("- ").append(e.getKey()).append(": ")
            .append(String.join(" -> ", s.whyChain(e.getKey()))).append(" (")
            .append(e.getValue().via().describe()).append(")\n");
      }
    }
    if (!any) {
      out.append("Every selected component is a preset member or an include.\n");
    }

    out.append("\n## Contradictions\n\n");
    if (s.contradictions().isEmpty()) {
      out.append("None: the selection is closed over every need.\n");
    }
    for (Contradiction c : s.contradictions()) {
      out.append("- **").append(c.chainText()).append("**: ").append(c.needer()).append(" needs ")
          .append(c.target()).append(" (").append(c.need().describe()).append("), but ")
          .append(c.target()).append(" is ").append(c.blocked()).append(".\n");
      for (String f : c.fixes()) {
        out.append("  - fix: ").append(f).append('\n');
      }
    }

    out.append("\n## Build order\n\n");
    out.append("- tools/libs: ").append(entries(s.libsBuildOrder())).append('\n');
    out.append("- tools: ").append(entries(s.toolsSubdirs())).append('\n');
    for (OrderIssue o : s.orderIssues()) {
      out.append("- problem: ").append(o.describe()).append('\n');
    }
    if (!s.alsoBuilt().isEmpty()) {
      out.append("\nKept entries that also build unselected components (left out of the image by"
          + " packaging only):\n\n");
      s.alsoBuilt().forEach((dir, ids) -> out.append("- ").append(dir).append(": ")
          .append(String.join(", ", ids)).append('\n'));
    }

    out.append("\n## Packages and switches\n\n");
    out.append("- packages: ").append(words(s.packages())).append('\n');
    out.append("- configure: ").append(words(s.configureFlags())).append('\n');
    out.append("- make: ").append(words(s.makeVariables())).append('\n');
    out.append("- PACKAGECONFIG: ").append(words(s.packageConfig())).append('\n');

    out.append("\n## Sizes\n\n");
    out.append("| preset | what | KiB | as published |\n|---|---|---|---|\n");
    for (KnownSize k : s.sizes()) {
      out.append("| ").append(k.preset()).append(" | ").append(k.what()).append(" | ")
          .append(k.kib()).append(" | ").append(cell(k.text())).append(" |\n");
    }
    out.append("\nThese are the RFC document's totals for its own full and minimal builds. No"
        + " per-package sizes exist, so the size of this selection is not known.\n");
    return out.toString();
  }

  private static String entries(List<SubdirEntry> entries) {
    if (entries.isEmpty()) {
      return "(none)";
    }
    StringBuilder b = new StringBuilder();
    for (SubdirEntry e : entries) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(e.dir());
      if (!e.unconditional()) {
        b.append(" (").append(e.condition()).append(')');
      }
    }
    return b.toString();
  }

  private static String words(List<String> w) {
    return w.isEmpty() ? "(none)" : String.join(" ", w);
  }

  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|");
  }
}
