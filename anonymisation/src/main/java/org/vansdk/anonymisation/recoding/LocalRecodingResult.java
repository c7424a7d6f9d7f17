package org.vansdk.anonymisation.recoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.LossModel;
import org.vansdk.anonymisation.search.SearchResult;

/**
 * The result of {@link LocalRecoding}: for every record, the levels of its group and whether it is
 * suppressed, and the loss of the whole release. Immutable.
 */
public final class LocalRecodingResult {
  private final Dataset data;
  private final int[] groupOfRow;
  private final int[] positionInGroup;
  private final List<SearchResult> groups;
  private final double[] attributeLoss;
  private final double loss;
  private final long suppressed;

  LocalRecodingResult(Dataset data, Map<int[], SearchResult> results, LossModel model) {
    this.data = data;
    this.groupOfRow = new int[data.size()];
    this.positionInGroup = new int[data.size()];
    this.groups = new ArrayList<>();
    int m = data.quasiIdentifierCount();
    double[] weighted = new double[m];
    long s = 0;
    for (Map.Entry<int[], SearchResult> e : results.entrySet()) {
      int g = groups.size();
      groups.add(e.getValue());
      int[] rows = e.getKey();
      for (int i = 0; i < rows.length; i++) {
        groupOfRow[rows[i]] = g;
        positionInGroup[rows[i]] = i;
      }
      if (e.getValue() == null) {
        for (int a = 0; a < m; a++) {
          weighted[a] += rows.length;
        }
        s += rows.length;
        continue;
      }
      double[] part = e.getValue().attributeLoss();
      for (int a = 0; a < m; a++) {
        weighted[a] += part[a] * rows.length;
      }
      s += e.getValue().suppressedCount();
    }
    for (int a = 0; a < m; a++) {
      weighted[a] = data.size() == 0 ? 0 : weighted[a] / data.size();
    }
    this.attributeLoss = weighted;
    this.loss = model.combine(weighted);
    this.suppressed = s;
  }

  /**
   * Returns the number of groups searched separately (the remainder group counts as one, also when
   * it is suppressed whole).
   *
   * @return the group count
   */
  public int groupCount() {
    return groups.size();
  }

  /**
   * Returns the levels applied to a record.
   *
   * @param row the record index
   * @return a new array, one level per quasi-identifier
   */
  public int[] levels(int row) {
    SearchResult g = groups.get(groupOfRow[row]);
    if (g == null) {
      int[] top = new int[data.quasiIdentifierCount()];
      for (int a = 0; a < top.length; a++) {
        top[a] = data.hierarchy(a).levels() - 1;
      }
      return top;
    }
    return g.levels();
  }

  /**
   * Returns whether a record is suppressed.
   *
   * @param row the record index
   * @return true if withheld
   */
  public boolean isSuppressed(int row) {
    SearchResult g = groups.get(groupOfRow[row]);
    return g == null || g.isSuppressed(positionInGroup[row]);
  }

  /**
   * Returns the released value of a record's quasi-identifier, {@code *} if suppressed.
   *
   * @param qi the quasi-identifier index
   * @param row the record index
   * @return the label
   */
  public String releasedValue(int qi, int row) {
    SearchResult g = groups.get(groupOfRow[row]);
    return g == null ? "*" : g.releasedValue(qi, positionInGroup[row]);
  }

  /**
   * Returns the number of suppressed records.
   *
   * @return the count
   */
  public long suppressedCount() {
    return suppressed;
  }

  /**
   * Returns the loss of the whole release under the recoding's loss model.
   *
   * @return the aggregated loss
   */
  public double loss() {
    return loss;
  }

  /**
   * Returns the per-attribute loss of the whole release.
   *
   * @return a new array
   */
  public double[] attributeLoss() {
    return attributeLoss.clone();
  }

  @Override
  public String toString() {
    return "LocalRecodingResult["
        + groups.size()
        + " groups, loss="
        + loss
        + ", suppressed="
        + suppressed
        + " of "
        + data.size()
        + "]";
  }
}
