package io.osvmaven.core.xen;

/**
 * The tools/configure arguments and make variables that go with the blocks, one per line; lines
 * starting with '#' are comments.
 */
final class ConfigureFlagsWriter {

  static final String FILE = "configure-flags.txt";

  private ConfigureFlagsWriter() {}

  static String render(XenToolsSelection s) {
    StringBuilder out = new StringBuilder(OutputHeader.comment(s));
    out.append("# tools/configure arguments:\n");
    s.configureFlags().forEach(f -> out.append(f).append('\n'));
    out.append("# make variables (make command line, EXTRA_OEMAKE or $(XEN_ROOT)/.config):\n");
    s.makeVariables().forEach(v -> out.append(v).append('\n'));
    return out.toString();
  }
}
