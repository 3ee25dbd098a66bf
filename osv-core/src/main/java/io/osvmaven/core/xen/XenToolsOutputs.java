package io.osvmaven.core.xen;

import io.osvmaven.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders and writes every output of a selection:
 *
 * <ul>
 *   <li>{@code local.conf.inc}: Yocto lines (ENABLE_MINIMAL_XEN_TOOLS, PACKAGECONFIG, EXTRA_OECONF and
 *       EXTRA_OEMAKE for pn-xen-tools, IMAGE_INSTALL with the individual packages);
 *   <li>{@code tools.Makefile.minimal}, {@code libs.Makefile.minimal}: the
 *       {@code ifeq ($(CONFIG_MINIMAL_TOOLS),y)} SUBDIRS blocks, in build order;
 *   <li>{@code uselibs.mk.minimal}: the LIBS_LIBS/USELIBS block for the kept libraries;
 *   <li>{@code configure-flags.txt}: tools/configure arguments and make variables, one per line;
 *   <li>{@code xen-tools-report.md}, {@code xen-tools-report.json}: the report.
 * </ul>
 *
 * <p>All files are rendered before the first is
 * written, and each is written through a temporary file and a rename, unchanged files keeping their
 * mtime. The bytes depend only on the selection: no dates, users or host paths.
 */
public final class XenToolsOutputs {

  /** The files, in the order {@link #render} returns them. */
  public static final List<String> FILE_NAMES = List.of(LocalConfWriter.FILE,
      SubdirsBlockWriter.TOOLS_FILE, SubdirsBlockWriter.LIBS_FILE, UselibsBlockWriter.FILE,
      ConfigureFlagsWriter.FILE, MarkdownReportWriter.FILE, JsonReportWriter.FILE);

  private XenToolsOutputs() {}

  /** File name to content, in {@link #FILE_NAMES} order. */
  public static Map<String, byte[]> render(XenToolsSelection s) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(LocalConfWriter.FILE, utf8(LocalConfWriter.render(s)));
    out.put(SubdirsBlockWriter.TOOLS_FILE, utf8(SubdirsBlockWriter.renderTools(s)));
    out.put(SubdirsBlockWriter.LIBS_FILE, utf8(SubdirsBlockWriter.renderLibs(s)));
    out.put(UselibsBlockWriter.FILE, utf8(UselibsBlockWriter.render(s)));
    out.put(ConfigureFlagsWriter.FILE, utf8(ConfigureFlagsWriter.render(s)));
    out.put(MarkdownReportWriter.FILE, utf8(MarkdownReportWriter.render(s)));
    out.put(JsonReportWriter.FILE, utf8(JsonReportWriter.render(s)));
    return out;
  }

  /**
   * Writes every output into {@code dir} (created if missing).
   *
   * @return the paths of the files written or already up to date, in {@link #FILE_NAMES} order
   */
  public static List<Path> write(XenToolsSelection s, Path dir) {
    Map<String, byte[]> files = render(s);
    List<Path> paths = new ArrayList<>();
    try {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path target = dir.resolve(f.getKey());
        AtomicFiles.writeIfChanged(target, f.getValue());
        paths.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write xen-tools outputs to " + dir, e);
    }
    return paths;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
