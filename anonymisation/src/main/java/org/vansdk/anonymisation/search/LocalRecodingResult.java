package org.vansdk.anonymisation.search;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import org.vansdk.anonymisation.hierarchy.Hierarchy;

/**
 * The outcome of {@link LocalRecoding}: each record's generalisation levels, the records
 * suppressed, the information loss, and whether local recoding was kept or the global optimum was
 * returned because local recoding did not do strictly better. Immutable; accessors return copies.
 */
public final class LocalRecodingResult {
  private final Dataset data;
  private final byte[][] levels; // [qi][row]
  private final BitSet suppressed;
  private final double loss;
  private final double[] attributeLoss;
  private final boolean local;
  private final SearchResult global;
  private final int partitions;

  private LocalRecodingResult(
      Dataset data,
      byte[][] levels,
      BitSet suppressed,
      double loss,
      double[] attributeLoss,
      boolean local,
      SearchResult global,
      int partitions) {
    this.data = data;
    this.levels = levels;
    this.suppressed = suppressed;
    this.loss = loss;
    this.attributeLoss = attributeLoss;
    this.local = local;
    this.global = global;
    this.partitions = partitions;
  }

  static LocalRecodingResult ofLocal(
      Dataset data,
      byte[][] levels,
      BitSet suppressed,
      long[] sums,
      LossModel model,
      SearchResult global,
      int partitions) {
    int m = data.quasiIdentifierCount();
    double[] perAttribute = new double[m];
    for (int a = 0; a < m; a++) {
      long denominator = model.denominator(data.hierarchy(a));
      perAttribute[a] =
          denominator == 0 || data.size() == 0
              ? 0d
              : sums[a] / ((double) data.size() * denominator);
    }
    return new LocalRecodingResult(
        data,
        levels,
        (BitSet) suppressed.clone(),
        model.aggregate(perAttribute.clone()),
        perAttribute,
        true,
        global,
        partitions);
  }

  static LocalRecodingResult ofGlobal(Dataset data, SearchResult global, LossModel model) {
    int m = data.quasiIdentifierCount();
    byte[][] levels = new byte[m][data.size()];
    int[] chosen = global.levels();
    for (int a = 0; a < m; a++) {
      Arrays.fill(levels[a], (byte) chosen[a]);
    }
    return new LocalRecodingResult(
        data,
        levels,
        (BitSet) global.suppressedRows().clone(),
        global.loss(),
        global.attributeLoss(),
        false,
        global,
        global.classCount());
  }

  /**
   * Returns a result that applies a full-domain solution to every record, for callers that chose
   * global recoding but read results through this type.
   *
   * @param data the dataset the search ran on
   * @param global the full-domain result
   * @param model the loss model the search used
   * @return the result, with {@link #isLocal()} false
   */
  public static LocalRecodingResult of(Dataset data, SearchResult global, LossModel model) {
    return ofGlobal(data, global, model);
  }

  /**
   * Returns whether local recoding was kept; false when the global optimum is returned.
   *
   * @return true for a local release
   */
  public boolean isLocal() {
    return local;
  }

  /**
   * Returns the global optimum this result was compared with, if one exists.
   *
   * @return the full-domain result, or empty when no full-domain transformation satisfies the
   *     models within the suppression limit
   */
  public Optional<SearchResult> global() {
    return Optional.ofNullable(global);
  }

  /**
   * Returns the generalisation level of a record's quasi-identifier.
   *
   * @param qi the quasi-identifier index
   * @param row the record index
   * @return the level; meaningless for a suppressed record
   */
  public int level(int qi, int row) {
    return levels[qi][row];
  }

  /**
   * Returns the levels of a record, in column order.
   *
   * @param row the record index
   * @return a new array
   */
  public int[] levels(int row) {
    int[] out = new int[levels.length];
    for (int a = 0; a < out.length; a++) {
      out[a] = levels[a][row];
    }
    return out;
  }

  /**
   * Returns whether a record is suppressed.
   *
   * @param row the record index
   * @return true if withheld
   */
  public boolean isSuppressed(int row) {
    return suppressed.get(row);
  }

  /**
   * Returns the released value of a record's quasi-identifier, {@code *} if suppressed.
   *
   * @param qi the quasi-identifier index
   * @param row the record index
   * @return the label
   */
  public String releasedValue(int qi, int row) {
    if (suppressed.get(row)) {
      return "*";
    }
    Hierarchy h = data.hierarchy(qi);
    int level = levels[qi][row];
    return h.label(level, h.code(data.leaf(qi, row), level));
  }

  /**
   * Returns the number of suppressed records.
   *
   * @return at most the configured limit
   */
  public long suppressedCount() {
    return suppressed.cardinality();
  }

  /**
   * Returns the information loss of the release under the loss model, suppressed records costing 1
   * on every attribute.
   *
   * @return the aggregated loss
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
   * Returns the number of released partitions; partitions with equal released values form one
   * class, so this is at least the number of classes.
   *
   * @return the partition count
   */
  public int partitionCount() {
    return partitions;
  }

  @Override
  public String toString() {
    return "LocalRecodingResult["
        + (local ? "local" : "global")
        + ", loss="
        + loss
        + (global == null ? "" : ", global loss=" + global.loss())
        + ", suppressed="
        + suppressedCount()
        + " of "
        + data.size()
        + "]";
  }
}
