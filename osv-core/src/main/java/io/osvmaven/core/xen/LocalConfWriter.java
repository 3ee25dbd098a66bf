package io.osvmaven.core.xen;

import java.util.List;

/**
 * The Yocto {@code local.conf} snippet: the RFC's switch variable, the real PACKAGECONFIG flags,
 * the configure arguments and make variables for the xen-tools recipe, and the image's package list
 * (individual packages, never the {@code xen-tools} meta package, which RDEPENDS on nearly all).
 */
final class LocalConfWriter {

  static final String FILE = "local.conf.inc";

  private LocalConfWriter() {}

  static String render(XenToolsSelection s) {
    StringBuilder out = new StringBuilder(OutputHeader.comment(s));
    out.append("# Add to conf/local.conf, or pull in with: require local.conf.inc\n");
    if (s.leavesSomethingOut()) {
      out.append("\n# Read only by a layer that carries the Yocto half of the 2025 minimal xen-tools"
          + " RFC (never\n# published); no public meta-virtualization reads it.\n");
      out.append("ENABLE_MINIMAL_XEN_TOOLS = \"true\"\n");
      out.append("# The RFC's PACKAGECONFIG flag stays commented out: no public meta-virtualization"
          + " defines it.\n# The lines after it use variables the public recipe does read.\n");
      out.append("#PACKAGECONFIG:append:pn-xen-tools = \" minimal-xen-tools\"\n");
    }
    appendList(out, "PACKAGECONFIG:append:pn-xen-tools", s.packageConfig());
    appendList(out, "EXTRA_OECONF:append:pn-xen-tools", s.configureFlags());
    appendList(out, "EXTRA_OEMAKE:append:pn-xen-tools", s.makeVariables());
    if (s.leavesSomethingOut()) {
      out.append("# CONFIG_MINIMAL_TOOLS=y activates the blocks of tools.Makefile.minimal,"
          + " libs.Makefile.minimal\n# and uselibs.mk.minimal, which a bbappend must add to the Xen"
          + " tree as a patch.\n");
    }
    out.append("\n# The image gets these packages and no others of xen-tools.\n");
    out.append("IMAGE_INSTALL:append = \" \\\n");
    for (String p : s.packages()) {
      out.append("    ").append(p).append(" \\\n");
    }
    out.append("    \"\n");
    return out.toString();
  }

  private static void appendList(StringBuilder out, String variable, List<String> values) {
    if (!values.isEmpty()) {
      out.append(variable).append(" = \" ").append(String.join(" ", values)).append("\"\n");
    }
  }
}
