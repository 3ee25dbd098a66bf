package io.osvmaven.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.osvmaven.core.xen.XenComponent;
import io.osvmaven.core.xen.XenTools;
import io.osvmaven.core.xen.XenToolsCatalog;
import io.osvmaven.core.xen.XenToolsRequest;
import io.osvmaven.core.xen.XenToolsSelection;
import io.osvmaven.core.xen.XenVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code osv xen list|explain|select}: the Xen minimal-tools selection. */
final class XenCommands {

  private XenCommands() {}

  /** Options that say which selection is meant. */
  static class SelectionOptions {
    @Parameter(names = "--version", description = "Xen release line, e.g. 4.19 (default: the newest described)")
    String version;

    @Parameter(names = "--preset", description = "minimal or full")
    String preset = XenToolsRequest.MINIMAL;

    @Parameter(names = "--include", description = "add a component (repeatable)")
    List<String> includes = new ArrayList<>();

    @Parameter(names = "--exclude", description = "exclude a component (repeatable)")
    List<String> excludes = new ArrayList<>();

    @Parameter(names = "--xen-source", description = "a Xen source tree whose build graph replaces the built-in one")
    Path xenSource;

    @Parameter(names = "--arch", description = "x86_64 or arm64")
    String arch;

    XenToolsRequest request(boolean strict) {
      return XenToolsRequest.of(preset, version).withIncludes(includes).withExcludes(excludes)
          .withStrict(strict).withSourceDirectory(xenSource).withArch(arch);
    }

    /** The selection, with engine setting names in error messages replaced by this command's options. */
    XenToolsSelection select(boolean strict, io.osvmaven.core.BuildListener listener) {
      try {
        return XenTools.select(request(strict), listener);
      } catch (io.osvmaven.core.OsvException e) {
        String message = e.getMessage();
        for (String[] m : OPTIONS) {
          if (message.startsWith(m[0] + ": ")) {
            message = m[1] + message.substring(m[0].length());
            break;
          }
        }
        throw new io.osvmaven.core.OsvException(message, e.hint().orElse(null), e);
      }
    }

    private static final String[][] OPTIONS = {{"preset", "--preset"}, {"includes", "--include"},
        {"excludes", "--exclude"}, {"xenVersion", "--version"}, {"arch", "--arch"}};
  }

  @Parameters(commandDescription = "List the xen-tools components of the catalogue")
  static final class ListCommand implements Command {
    @Parameter(names = "--version", description = "only components that exist in this Xen release line")
    String version;

    @Override
    public int run(Console console) {
      XenToolsCatalog catalog = XenTools.catalog();
      List<XenComponent> components = version == null
          ? catalog.components()
          : catalog.components(catalog.supportedVersion(version, "--version"));
      for (XenComponent c : components) {
        console.out.printf("%-22s %-8s %-7s %s%n", c.id(), c.kind().name().toLowerCase(java.util.Locale.ROOT),
            c.minimal() ? "minimal" : "-", String.join(" ", c.packages()));
      }
      console.out.println(components.size() + " components; versions "
          + String.join(" ", catalog.versions().stream().map(XenVersion::toString).toList()));
      return 0;
    }
  }

  @Parameters(commandDescription = "Explain why a component is (not) selected: COMPONENT")
  static final class ExplainCommand extends SelectionOptions implements Command {
    @Parameter(description = "COMPONENT", required = true)
    List<String> names = new ArrayList<>();

    @Override
    public int run(Console console) {
      XenToolsSelection selection = select(false, io.osvmaven.core.BuildListener.NONE);
      for (String name : names) {
        console.out.print(selection.explain(name));
      }
      return 0;
    }
  }

  @Parameters(commandDescription = "Select components and write the Xen/Yocto build files and the report")
  static final class SelectCommand extends SelectionOptions implements Command {
    @Parameter(names = "--strict", description = "fail on contradictions and build-order problems")
    boolean strict;

    @Parameter(names = "--output", description = "directory for the outputs", required = true)
    Path output;

    @Override
    public int run(Console console) throws IOException {
      XenToolsSelection selection = select(strict, console);
      for (Path p : XenTools.writeOutputs(selection, output)) {
        console.out.println("wrote " + p);
      }
      return 0; // contradictions were warned about; --strict turns them into a failure
    }
  }
}
