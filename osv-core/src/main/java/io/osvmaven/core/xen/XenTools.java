package io.osvmaven.core.xen;

import io.osvmaven.core.BuildListener;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point for the Mojo ({@code osv:xen-tools}) and the CLI ({@code osv xen list|explain|select}):
 * choose the xen-tools components a minimal Xen dom0 needs, prove the set closed, and write the
 * Yocto and Xen build snippets plus a report.
 */
public final class XenTools {

  private XenTools() {}

  /** The built-in component catalogue (for {@code osv xen list}). */
  public static XenToolsCatalog catalog() {
    return XenToolsCatalog.builtIn();
  }

  /**
   * Selects components. Warnings (contradictions, build-order problems) go to {@code listener};
   * in strict mode they raise an OsvException instead.
   */
  public static XenToolsSelection select(XenToolsRequest request, BuildListener listener) {
    return new XenToolsSelector(catalog()).select(request, listener);
  }

  /** Writes all outputs ({@link XenToolsOutputs#FILE_NAMES}) into {@code outputDir}. */
  public static List<Path> writeOutputs(XenToolsSelection selection, Path outputDir) {
    return XenToolsOutputs.write(selection, outputDir);
  }
}
