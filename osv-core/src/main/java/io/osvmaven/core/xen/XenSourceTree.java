package io.osvmaven.core.xen;

import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the build graph of a real Xen source tree: {@code tools/libs/uselibs.mk} (libraries and
 * USELIBS), {@code tools/libs/Makefile} and {@code tools/Makefile} (SUBDIRS, with continuation lines,
 * comments, {@code SUBDIRS-$(VAR)} entries and conditional blocks; see {@link MakeStatements} for how
 * conditions are evaluated). Makefiles these include are not followed: in every Xen release the lists
 * live in these three files. Locations are relative to the tree, so reports do not depend on where
 * the tree lives; error messages add the tree's path.
 */
public final class XenSourceTree {

  public static final String USELIBS = "tools/libs/uselibs.mk";
  public static final String LIBS_MAKEFILE = "tools/libs/Makefile";
  public static final String TOOLS_MAKEFILE = "tools/Makefile";

  private XenSourceTree() {}

  /** Reads the graph with every make variable unset. */
  public static BuildGraph read(Path root) {
    return read(root, Map.of());
  }

  /**
   * Reads the graph, evaluating conditional blocks with {@code variables} set (for example
   * {@code CONFIG_MINIMAL_TOOLS=y} to see a tree's own minimal blocks) and all others unset.
   */
  public static BuildGraph read(Path root, Map<String, String> variables) {
    if (!Files.isDirectory(root)) {
      throw new OsvException("xenSourceDirectory " + root + " is not a directory",
          "point it at the top of a Xen source tree (the directory holding tools/)");
    }
    try {
      List<String> notes = new ArrayList<>();
      MakeStatements.Result uselibs = load(root, USELIBS, variables, notes);
      MakeStatements.Result libsMakefile = load(root, LIBS_MAKEFILE, variables, notes);
      MakeStatements.Result toolsMakefile = load(root, TOOLS_MAKEFILE, variables, notes);
      Path name = root.toAbsolutePath().normalize().getFileName();
      return new BuildGraph("source tree " + (name == null ? root : name), true,
          UselibsParser.parse(uselibs), SubdirsParser.parse(libsMakefile),
          SubdirsParser.parse(toolsMakefile), notes);
    } catch (OsvException e) {
      throw new OsvException(root + ": " + e.getMessage(), e.hint().orElse(null), e);
    }
  }

  private static MakeStatements.Result load(Path root, String file, Map<String, String> variables,
      List<String> notes) {
    Path p = root.resolve(file);
    if (!Files.isRegularFile(p)) {
      throw new OsvException(file + " is missing",
          "xenSourceDirectory must be the top of a Xen source tree (4.17 or later)");
    }
    try {
      // ISO-8859-1 never fails to decode; the parsed syntax is ASCII.
      String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
      MakeStatements.Result r = MakeStatements.read(file, text, variables);
      notes.addAll(r.notes());
      return r;
    } catch (IOException e) {
      throw new OsvException(file + ": cannot be read: " + e.getMessage(), null, e);
    }
  }
}
