package io.osvmaven.core.manifest;

import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads OSv manifests ({@code scripts/manifest_common.py:read_manifest}): one {@code guest: host}
 * mapping per line; blank lines, {@code #} comments and the {@code [manifest]} header are skipped.
 * {@code ${NAME}} is substituted in the whole line, {@code %(name)s} in the host spec, both from the
 * same variable map.
 *
 * <p>Stricter than OSv where OSv misbehaves silently or crashes: a line without ": ", a second ": " (OSv
 * drops the rest of the line), a relative guest path (OSv drops the entry) and an undefined variable are
 * errors naming file:line.
 */
public final class ManifestParser {

  private static final Pattern SKIPPED = Pattern.compile("[ \\t]*(|#.*|\\[manifest])");
  private static final String SEPARATOR = ": ";

  private final ManifestVariables variables;

  /** A parser without variables: any {@code ${…}} or {@code %(…)s} is an error. */
  public ManifestParser() {
    this(Map.of());
  }

  public ManifestParser(Map<String, String> variables) {
    this.variables = new ManifestVariables(variables);
  }

  /** Parses a manifest file, naming it in messages as given. */
  public List<ManifestLine> parse(Path file) throws IOException {
    return parse(file, file.toString());
  }

  /** Parses a manifest file, naming it {@code displayName} in messages (e.g. a project-relative path). */
  public List<ManifestLine> parse(Path file, String displayName) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new OsvException("manifest " + displayName + " does not exist", null, e);
    } catch (CharacterCodingException e) {
      throw new OsvException("manifest " + displayName + " is not UTF-8 text", null, e);
    }
    return parse(displayName, lines);
  }

  /** Parses manifest text given as lines. */
  public List<ManifestLine> parse(String displayName, List<String> lines) {
    List<ManifestLine> result = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).stripTrailing();
      if (!SKIPPED.matcher(text).matches()) {
        result.add(parseLine(displayName, i + 1, text));
      }
    }
    return result;
  }

  private ManifestLine parseLine(String file, int number, String text) {
    String where = file + ":" + number;
    String line = variables.expandBraces(text, where, text);
    int separator = line.indexOf(SEPARATOR);
    if (separator < 0) {
      throw new OsvException(where + ": no ': ' between guest path and host path in '" + text + "'",
          "write '/guest/path: host/path' (colon and space)");
    }
    String rest = line.substring(separator + SEPARATOR.length());
    if (rest.contains(SEPARATOR)) {
      throw new OsvException(where + ": more than one ': ' in '" + text + "'",
          "OSv would silently drop everything after the second ': '; rename the host file");
    }
    String guest = line.substring(0, separator).strip();
    String host = variables.expandPercent(rest.strip(), where, text);
    if (!guest.startsWith("/")) {
      throw new OsvException(where + ": guest path '" + guest + "' is not absolute in '" + text + "'",
          "guest paths start with '/'; OSv silently drops relative ones");
    }
    if (host.isEmpty() || host.equals("!")) {
      throw new OsvException(where + ": no host path in '" + text + "'");
    }
    if (host.equals("->")) {
      throw new OsvException(where + ": symlink without a target in '" + text + "'",
          "write '/guest/link: ->target'");
    }
    return new ManifestLine(file, number, text, guest, host);
  }
}
