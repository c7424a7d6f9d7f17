package org.vansdk.anonymisation.search;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The outcome of a {@link FullDomainSearch}: the chosen generalisation level of each
 * quasi-identifier, its information loss, the records suppressed and how much of the lattice was
 * visited. Immutable; accessors return copies.
 */
public final class SearchResult {
  private final Dataset data;
  private final int[] levels;
  private final double loss;
  private final double[] attributeLoss;
  private final long suppressedCount;
  private final int classCount;
  private final BitSet suppressed;
  private final Statistics statistics;

  SearchResult(
      Dataset data,
      int[] levels,
      double loss,
      double[] attributeLoss,
      long suppressedCount,
      int classCount,
      BitSet suppressed,
      Statistics statistics) {
    this.data = data;
    this.levels = levels.clone();
    this.loss = loss;
    this.attributeLoss = attributeLoss.clone();
    this.suppressedCount = suppressedCount;
    this.classCount = classCount;
    this.suppressed = (BitSet) suppressed.clone();
    this.statistics = statistics;
  }

  /**
   * Returns the generalisation level of each quasi-identifier, in column order.
   *
   * @return a new array
   */
  public int[] levels() {
    return levels.clone();
  }

  /**
   * Returns the information loss of the transformation under the search's loss model.
   *
   * @return between 0 and 1
   */
  public double loss() {
    return loss;
  }

  /**
   * Returns the loss of each quasi-identifier, before aggregation.
   *
   * @return a new array, in column order
   */
  public double[] attributeLoss() {
    return attributeLoss.clone();
  }

  /**
   * Returns the number of suppressed records.
   *
   * @return at most the configured limit
   */
  public long suppressedCount() {
    return suppressedCount;
  }

  /**
   * Returns the number of equivalence classes released (suppressed records not counted).
   *
   * @return the class count
   */
  public int classCount() {
    return classCount;
  }

  /**
   * Returns whether a record is suppressed.
   *
   * @param row the record index
   * @return true if the record is not released
   */
  public boolean isSuppressed(int row) {
    return suppressed.get(row);
  }

  /** The suppressed records, not copied: callers in this package must not modify it. */
  BitSet suppressedRows() {
    return suppressed;
  }

  /**
   * Returns the released value of a record's quasi-identifier: its generalisation at the chosen
   * level, or {@code *} when the record is suppressed.
   *
   * @param qi the quasi-identifier index
   * @param row the record index
   * @return the label
   */
  public String releasedValue(int qi, int row) {
    if (suppressed.get(row)) {
      return "*";
    }
    var h = data.hierarchy(qi);
    return h.label(levels[qi], h.code(data.leaf(qi, row), levels[qi]));
  }

  /**
   * Returns how much of the lattice the search visited.
   *
   * @return the statistics
   */
  public Statistics statistics() {
    return statistics;
  }

  @Override
  public String toString() {
    return "SearchResult[levels="
        + Arrays.toString(levels)
        + ", loss="
        + loss
        + ", suppressed="
        + suppressedCount
        + ", classes="
        + classCount
        + "]";
  }

  /**
   * How much of the lattice a search visited.
   *
   * @param transformations the size of the lattice
   * @param evaluated transformations whose classes were built and checked
   * @param prunedByMonotonicity transformations skipped because a neighbour decided them
   * @param prunedByBound transformations never reached because their loss bound was too high
   * @param rollUps class tables rolled up from a finer cached table
   * @param scans class tables built by reading every record
   */
  public record Statistics(
      int transformations,
      int evaluated,
      int prunedByMonotonicity,
      int prunedByBound,
      long rollUps,
      long scans) {}
}
