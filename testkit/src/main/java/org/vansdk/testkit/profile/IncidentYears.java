package org.vansdk.testkit.profile;

/**
 * Casualties per year by period, from which incident years are drawn in proportion. Immutable and
 * thread-safe.
 *
 * @since 1.0
 */
public final class IncidentYears {
  private final int first;
  private final double[] perYear;
  private final double[] cumulative;
  private final String source;
  private final boolean approximate;
  private final String basis;

  IncidentYears(int first, double[] perYear, String source, boolean approximate, String basis) {
    this.first = first;
    this.perYear = perYear.clone();
    this.source = source;
    this.approximate = approximate;
    this.basis = basis;
    this.cumulative = new double[perYear.length];
    double total = 0;
    for (double w : perYear) {
      total += w;
    }
    double running = 0;
    for (int i = 0; i < perYear.length; i++) {
      running += perYear[i] / total;
      cumulative[i] = running;
    }
    cumulative[perYear.length - 1] = 1.0;
  }

  /** Returns the first year covered. */
  public int first() {
    return first;
  }

  /** Returns the last year covered (inclusive). */
  public int last() {
    return first + perYear.length - 1;
  }

  /**
   * Returns the casualties per year the profile gives for a year.
   *
   * @param year a year between {@link #first()} and {@link #last()}
   * @return the count, zero outside the range
   */
  public double perYear(int year) {
    int i = year - first;
    return i < 0 || i >= perYear.length ? 0 : perYear[i];
  }

  /**
   * Returns the share of all casualties that falls in a year.
   *
   * @param year a year
   * @return the share, zero outside the range
   */
  public double share(int year) {
    int i = year - first;
    if (i < 0 || i >= perYear.length) {
      return 0;
    }
    return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
  }

  /**
   * Returns the year a uniform number in [0, 1) falls on, binary search over the cumulative shares.
   *
   * @param uniform a number in [0, 1)
   * @return a year between {@link #first()} and {@link #last()}
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
    return first + lo;
  }

  /** Returns the id of the source followed. */
  public String source() {
    return source;
  }

  /** Returns whether the counts are approximate. */
  public boolean approximate() {
    return approximate;
  }

  /** Returns how the counts were derived. */
  public String basis() {
    return basis;
  }
}
