package io.osvmaven.core.manifest;

import io.osvmaven.core.OsvException;
import java.util.Map;
import java.util.TreeSet;

/**
 * The two substitutions OSv applies to manifests: module.py's {@code ${NAME}} on whole lines of module
 * manifests ({@code ${MODULE_DIR}}, {@code ${OSV_BASE}}), and Python {@code %(name)s} formatting of host
 * specs with the tools' {@code -D name=value} definitions, where {@code %%} is a literal percent.
 */
final class ManifestVariables {

  private final Map<String, String> values;

  ManifestVariables(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Replaces every {@code ${NAME}}; module.py's greedy regex allowed only one per line, we allow any. */
  String expandBraces(String text, String where, String line) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int at = text.indexOf("${"); at >= 0; at = text.indexOf("${", from)) {
      int end = text.indexOf('}', at + 2);
      if (end < 0) {
        throw new OsvException(where + ": unterminated variable reference in '" + line + "'",
            "write ${NAME}");
      }
      out.append(text, from, at).append(value(text.substring(at + 2, end), "${", "}", line, where));
      from = end + 1;
    }
    return out.append(text.substring(from)).toString();
  }

  /** Python {@code %}-formatting with a mapping, restricted to what manifests use: %(name)s and %%. */
  String expandPercent(String text, String where, String line) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
      } else if (text.startsWith("%%", i)) {
        out.append('%');
        i += 2;
      } else if (text.startsWith("%(", i)) {
        int close = text.indexOf(')', i + 2);
        if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != 's') {
          throw new OsvException(where + ": malformed variable reference in '" + line + "'",
              "write %(name)s, and %% for a literal percent sign");
        }
        out.append(value(text.substring(i + 2, close), "%(", ")s", line, where));
        i = close + 2;
      } else {
        throw new OsvException(where + ": lone '%' in the host path of '" + line + "'",
            "write %% for a literal percent sign (OSv applies Python %-formatting to host paths)");
      }
    }
    return out.toString();
  }

  private String value(String name, String open, String close, String line, String where) {
    String value = values.get(name);
    if (value == null) {
      throw new OsvException(where + ": undefined variable " + open + name + close + " in '" + line
          + "'", values.isEmpty() ? "no variables are defined for this manifest"
          : "defined variables: " + String.join(", ", new TreeSet<>(values.keySet())));
    }
    return value;
  }
}
