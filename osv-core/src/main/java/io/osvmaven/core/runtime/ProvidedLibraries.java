package io.osvmaven.core.runtime;

import io.osvmaven.core.OsvException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shared libraries the OSv kernel provides itself, so an image must not carry host copies of them.
 * The list is data, in {@code osv-provided-libraries.txt} next to this class.
 */
public final class ProvidedLibraries {

  static final String RESOURCE = "osv-provided-libraries.txt";

  private record Rule(String source, Pattern pattern, boolean unlessHideSymbols) {}

  private final List<Rule> rules;

  private ProvidedLibraries(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The built-in list. */
  public static ProvidedLibraries builtIn() {
    try (InputStream in = ProvidedLibraries.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " missing from the engine jar");
      }
      return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + RESOURCE, e);
    }
  }

  static ProvidedLibraries parse(String origin, String text) {
    List<Rule> rules = new ArrayList<>();
    int lineNo = 0;
    try (BufferedReader r = new BufferedReader(new StringReader(text))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] w = t.split("\\s+");
        String where = origin + ":" + lineNo;
        if (w[0].equals("lib") && (w.length == 2 || w.length == 3 && w[2].equals("unless-hide-symbols"))) {
          Pattern p = Pattern.compile("lib" + Pattern.quote(w[1]) + "\\.so(\\.[0-9.]+)?");
          rules.add(new Rule(where, p, w.length == 3));
        } else if (w[0].equals("prefix") && w.length == 2) {
          rules.add(new Rule(where, Pattern.compile(Pattern.quote(w[1]) + ".*"), false));
        } else {
          throw new OsvException(where + ": cannot parse '" + t + "'",
              "expected 'lib <stem> [unless-hide-symbols]' or 'prefix <text>'");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new ProvidedLibraries(rules);
  }

  /**
   * Whether OSv provides the library with this DT_NEEDED name.
   *
   * @param hideSymbols whether the kernel is built with conf_hide_symbols=1
   */
  public boolean isProvided(String name, boolean hideSymbols) {
    for (Rule rule : rules) {
      if (rule.pattern.matcher(name).matches() && !(rule.unlessHideSymbols && hideSymbols)) {
        return true;
      }
    }
    return false;
  }
}
