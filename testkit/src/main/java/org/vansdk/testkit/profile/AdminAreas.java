package org.vansdk.testkit.profile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The administrative areas of a country profile: real level-1 areas with P-codes and weights, and
 * the shape of synthesised level-2 and level-3 codes. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class AdminAreas {
  private final String source;
  private final boolean uncertain;
  private final String note;
  private final Pattern level1Pattern;
  private final List<Level1Area> level1;
  private final LowerLevel level2;
  private final LowerLevel level3;
  private final double[] cumulative;

  AdminAreas(
      String source,
      boolean uncertain,
      String note,
      Pattern level1Pattern,
      List<Level1Area> level1,
      LowerLevel level2,
      LowerLevel level3) {
    this.source = source;
    this.uncertain = uncertain;
    this.note = note;
    this.level1Pattern = level1Pattern;
    this.level1 = List.copyOf(level1);
    this.level2 = level2;
    this.level3 = level3;
    double total = 0;
    for (Level1Area a : level1) {
      total += a.weight();
    }
    cumulative = new double[level1.size()];
    double running = 0;
    for (int i = 0; i < cumulative.length; i++) {
      running += level1.get(i).weight() / total;
      cumulative[i] = running;
    }
    cumulative[cumulative.length - 1] = 1.0;
  }

  /** Returns the id of the source of the P-codes. */
  public String source() {
    return source;
  }

  /** Returns whether the P-code scheme as a whole is flagged for verification. */
  public boolean uncertain() {
    return uncertain;
  }

  /** Returns the note on weights and codes. */
  public String note() {
    return note;
  }

  /** Returns the regular expression every level-1 P-code matches. */
  public Pattern level1Pattern() {
    return level1Pattern;
  }

  /** Returns the level-1 areas in file order. */
  public List<Level1Area> level1() {
    return level1;
  }

  /** Returns the shape of level-2 codes. */
  public LowerLevel level2() {
    return level2;
  }

  /** Returns the shape of level-3 codes. */
  public LowerLevel level3() {
    return level3;
  }

  /**
   * Returns the share of casualties in a level-1 area (its weight normalised).
   *
   * @param index the area's index in {@link #level1()}
   * @return the share
   */
  public double share(int index) {
    return cumulative[index] - (index == 0 ? 0 : cumulative[index - 1]);
  }

  /**
   * Returns the index of the level-1 area a uniform number in [0, 1) falls on.
   *
   * @param uniform a number in [0, 1)
   * @return an index into {@link #level1()}
   */
  public int pick(double uniform) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (uniform < cumulative[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
