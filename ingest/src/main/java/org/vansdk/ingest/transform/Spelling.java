package org.vansdk.ingest.transform;

import java.util.Collection;
import java.util.Optional;

/** Edit distance between short texts, for "did you mean" hints and misspelt place names. */
public final class Spelling {
  private Spelling() {}

  /**
   * Returns the optimal string alignment distance (insertions, deletions, substitutions and
   * transpositions of neighbours) between two texts, or {@code limit + 1} once it exceeds a limit.
   *
   * @param a one text
   * @param b the other
   * @param limit the largest distance of interest
   * @return the distance, at most {@code limit + 1}
   */
  public static int distance(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > limit) {
      return limit + 1;
    }
    int[] prev2 = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[m], limit + 1);
  }

  /**
   * Returns the candidate closest to a text, if one is within two edits and no other is as close.
   *
   * @param text the text, e.g. a misspelt key
   * @param candidates the allowed texts
   * @return the suggestion
   */
  public static Optional<String> suggest(String text, Collection<String> candidates) {
    String best = null;
    int bestDistance = 3;
    boolean tie = false;
    for (String c : candidates) {
      int d =
          distance(
              text.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT), 2);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance) {
        tie = true;
      }
    }
    return best == null || tie ? Optional.empty() : Optional.of(best);
  }
}
