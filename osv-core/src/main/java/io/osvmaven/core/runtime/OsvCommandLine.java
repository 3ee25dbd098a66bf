package io.osvmaven.core.runtime;

import io.osvmaven.core.OsvException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes arguments into an OSv application command line (osv-formats.md section 5.7). OSv splits
 * words at blanks, separates commands at {@code ;}, {@code &} and {@code !}, and unescapes {@code \}
 * sequences; a double-quoted word may hold any of these. So a word containing one of them is written
 * in double quotes with {@code "} and {@code \} escaped. {@code $VAR} is left alone on purpose: OSv
 * expands it, which is what a user who writes {@code $HOME} in an option wants.
 */
public final class OsvCommandLine {

  private OsvCommandLine() {}

  /** The word as OSv must read it back. */
  public static String quote(String word) {
    StringBuilder needs = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' || c == 0x7f) {
        throw new OsvException("argument '" + word.replaceAll("\\p{Cntrl}", "?")
            + "' holds a control character, which an OSv command line cannot carry", null);
      }
    }
    if (!word.isEmpty() && word.chars().noneMatch(c -> " \t\n;&!\"\\'".indexOf(c) >= 0)) {
      return word;
    }
    needs.append('"');
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      switch (c) {
        case '"' -> needs.append("\\\"");
        case '\\' -> needs.append("\\\\");
        case '\n' -> needs.append("\\n");
        case '\t' -> needs.append("\\t");
        default -> needs.append(c);
      }
    }
    return needs.append('"').toString();
  }

  /** The words quoted where needed and joined with single spaces. */
  public static String join(List<String> words) {
    return words.stream().map(OsvCommandLine::quote).collect(Collectors.joining(" "));
  }
}
