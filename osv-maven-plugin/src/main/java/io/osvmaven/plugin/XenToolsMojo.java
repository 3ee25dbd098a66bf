package io.osvmaven.plugin;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.xen.XenTools;
import io.osvmaven.core.xen.XenToolsRequest;
import io.osvmaven.core.xen.XenToolsSelection;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Selects the Xen tools components a minimal dom0 needs: a preset plus includes and excludes, closed
 * over build and runtime dependencies, with every addition explained and every contradiction shown with
 * its chain. Writes the files a Xen/Yocto build consumes into {@code xenOutputDirectory}:
 * {@code local.conf.inc}, the {@code CONFIG_MINIMAL_TOOLS} blocks {@code tools.Makefile.minimal},
 * {@code libs.Makefile.minimal} and {@code uselibs.mk.minimal}, {@code configure-flags.txt}, and the
 * report {@code xen-tools-report.md} / {@code .json}.
 *
 * @since 0.1.0
 */
@Mojo(name = XenToolsMojo.GOAL, defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class XenToolsMojo extends AbstractOsvMojo {

  public static final String GOAL = "xen-tools";

  /** Engine setting names and the POM elements they come from. */
  private static final Map<String, String> ELEMENTS = Map.of("preset", "<xenPreset>", "includes",
      "<xenIncludes>", "excludes", "<xenExcludes>", "xenVersion", "<xenVersion>", "arch", "<xenArch>",
      "sourceDirectory", "<xenSourceDirectory>");

  /**
   * The Xen release line the selection is for, e.g. {@code 4.19} (4.17 to 4.22 are described). Unset, the
   * newest described release is used, with a message: pin it, the tools graph changes between releases.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.xen.version")
  protected String xenVersion;

  /**
   * {@code minimal} (the minimal xen-tools design's "included" column) or {@code full}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.xen.preset", defaultValue = XenToolsRequest.MINIMAL)
  protected String xenPreset;

  /**
   * Components to add: ids, design-table names, LIBS_LIBS names or package names. Their dependencies are
   * added too.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.xen.includes")
  protected List<String> xenIncludes;

  /**
   * Components that must not be selected. A selected component that needs one is a contradiction.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.xen.excludes")
  protected List<String> xenExcludes;

  /**
   * A Xen source tree: its {@code tools/libs/uselibs.mk}, {@code tools/libs/Makefile} and
   * {@code tools/Makefile} replace the built-in graph, and their build order is checked.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.xen.sourceDirectory")
  protected File xenSourceDirectory;

  /**
   * Fail the build on a contradiction or a build-order problem (default: warn and list the fixes).
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.xen.strict", defaultValue = "false")
  protected boolean strict;

  /**
   * Only components of this architecture: {@code x86_64} or {@code arm64}; unset leaves architecture
   * switches to the Xen build.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.xen.arch")
  protected String xenArch;

  /**
   * Where the Xen build files and the report go.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.xen.outputDirectory", defaultValue = "${project.build.directory}/osv/xen", required = true)
  protected File xenOutputDirectory;

  /**
   * Skips this goal only.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.xen.skip", defaultValue = "false")
  protected boolean skipXen;

  @Override
  protected String goal() {
    return "osv:" + GOAL;
  }

  @Override
  protected boolean goalSkipped() {
    if (skipXen) {
      getLog().info("Skipping " + goal() + ": osv.xen.skip is true");
    }
    return skipXen;
  }

  @Override
  protected boolean runsOnPomPackaging() {
    return true; // Xen/Yocto configuration projects are often pom projects
  }

  @Override
  protected void run(BuildListener listener) throws IOException {
    XenToolsRequest request = XenToolsRequest.of(xenPreset, xenVersion)
        .withIncludes(xenIncludes == null ? List.of() : xenIncludes)
        .withExcludes(xenExcludes == null ? List.of() : xenExcludes)
        .withStrict(strict)
        .withSourceDirectory(xenSourceDirectory == null ? null : xenSourceDirectory.toPath())
        .withArch(xenArch);
    XenToolsSelection selection = XenTools.select(request, listener);
    List<Path> written = XenTools.writeOutputs(selection, xenOutputDirectory.toPath());
    getLog().info("Xen " + selection.version() + " tools: " + selection.selected().size() + " components selected"
        + (selection.isConsistent() ? "" : ", " + selection.contradictions().size() + " contradiction(s)")
        + "; " + written.size() + " files in " + xenOutputDirectory);
  }

  /** The engine names the setting at the start of its message; put the POM element there instead. */
  @Override
  protected String failureMessage(OsvException e) {
    if (e instanceof PomElementException) {
      return super.failureMessage(e);
    }
    String message = e.getMessage();
    for (Map.Entry<String, String> el : ELEMENTS.entrySet()) {
      if (message.startsWith(el.getKey() + ": ")) {
        message = el.getValue() + message.substring(el.getKey().length());
        break;
      }
    }
    final String text = message;
    return e.hint().map(h -> text + "\n  hint: " + h).orElse(text);
  }
}
