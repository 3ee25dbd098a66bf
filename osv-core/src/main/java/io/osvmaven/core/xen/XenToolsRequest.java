package io.osvmaven.core.xen;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user asks for.
 *
 * @param preset {@code minimal} (the design table's "included" column) or {@code full}; null means
 *     minimal
 * @param includes components to add (ids, design-table names, LIBS_LIBS names or package names);
 *     an include overrides the preset's exclusion, and brings its own needs along
 * @param excludes components that must not be selected; a selected component that needs one is a
 *     contradiction
 * @param xenVersion the Xen release line, MAJOR.MINOR; null or blank means the newest the catalogue
 *     describes (with a message saying so)
 * @param strict fail with an OsvException on a contradiction or build-order problem instead of
 *     warning
 * @param xenSourceDirectory a Xen source tree whose build graph replaces the built-in one, or null
 * @param arch {@code x86_64} or {@code arm64} to drop components of the other architecture, or null
 *     to leave architecture switches to the build
 */
public record XenToolsRequest(String preset, List<String> includes, List<String> excludes,
    String xenVersion, boolean strict, Path xenSourceDirectory, String arch) {

  public static final String MINIMAL = "minimal";
  public static final String FULL = "full";

  public XenToolsRequest {
    preset = preset == null ? MINIMAL : preset.trim();
    includes = includes == null ? List.of() : List.copyOf(includes);
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
  }

  /** A preset for a version, nothing added or removed, warning mode, built-in graph, any arch. */
  public static XenToolsRequest of(String preset, String xenVersion) {
    return new XenToolsRequest(preset, List.of(), List.of(), xenVersion, false, null, null);
  }

  public XenToolsRequest withIncludes(List<String> names) {
    return new XenToolsRequest(preset, names, excludes, xenVersion, strict, xenSourceDirectory, arch);
  }

  public XenToolsRequest withExcludes(List<String> names) {
    return new XenToolsRequest(preset, includes, names, xenVersion, strict, xenSourceDirectory, arch);
  }

  public XenToolsRequest withStrict(boolean on) {
    return new XenToolsRequest(preset, includes, excludes, xenVersion, on, xenSourceDirectory, arch);
  }

  public XenToolsRequest withSourceDirectory(Path dir) {
    return new XenToolsRequest(preset, includes, excludes, xenVersion, strict, dir, arch);
  }

  public XenToolsRequest withArch(String a) {
    return new XenToolsRequest(preset, includes, excludes, xenVersion, strict, xenSourceDirectory, a);
  }
}
