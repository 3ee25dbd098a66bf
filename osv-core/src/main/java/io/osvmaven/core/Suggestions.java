package io.osvmaven.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelt names. */
public final class Suggestions {

  private Suggestions() {}

  /** The known name closest to {@code wrong}, if it is close enough to be a plausible typo. */
  public static Optional<String> closest(String wrong, Collection<String> known) {
    String w = wrong.toLowerCase(Locale.ROOT);
    return known.stream()
        .min(Comparator.comparingInt((String k) -> distance(w, k.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()))
        .filter(k -> distance(w, k.toLowerCase(Locale.ROOT)) <= Math.max(2, w.length() / 3));
  }

  /** "did you mean X?" or a list of the known names when nothing is close. */
  public static String hint(String wrong, Collection<String> known) {
    return closest(wrong, known)
        .map(k -> "did you mean " + k + "?")
        .orElseGet(() -> "known: " + String.join(", ", known.stream().sorted().toList()));
  }

  /** Levenshtein distance, treating '-' and '_' as the same character. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = same(a.charAt(i - 1), b.charAt(j - 1)) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static boolean same(char x, char y) {
    return x == y || (x == '-' || x == '_') && (y == '-' || y == '_');
  }
}
