package org.vansdk.anonymisation.risk;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vansdk.anonymisation.hierarchy.Hierarchy;
import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.LocalRecodingResult;
import org.vansdk.anonymisation.search.SearchResult;

/**
 * Prosecutor-model risk of one release of a dataset: each released record's risk is {@code 1 / size
 * of its equivalence class}; suppressed records are not released and carry no risk.
 *
 * @param records records in the input
 * @param suppressedRecords records not released
 * @param equivalenceClasses classes among the released records
 * @param recordsBelowK released records in classes smaller than {@code k}
 * @param k the class size the report measures against
 * @param highestRisk the largest record risk, {@code 1 / smallest class}; 0 if nothing released
 * @param averageRisk the mean record risk over released records, {@code classes / released}
 * @param attributeLoss per quasi-identifier information loss of the release (0 before)
 * @since 1.0
 */
public record RiskReport(
    long records,
    long suppressedRecords,
    long equivalenceClasses,
    long recordsBelowK,
    int k,
    double highestRisk,
    double averageRisk,
    List<Double> attributeLoss) {

  /** Copies the loss list. */
  public RiskReport {
    attributeLoss = List.copyOf(attributeLoss);
  }

  /**
   * Measures the risk of releasing the dataset as it is.
   *
   * @param data the dataset
   * @param k the class size to count records below
   * @return the report
   */
  public static RiskReport before(Dataset data, int k) {
    int[] levels = new int[data.quasiIdentifierCount()];
    Double[] zero = new Double[levels.length];
    Arrays.fill(zero, 0d);
    return measure(data, (a, row) -> 0, row -> false, k, List.of(zero));
  }

  /**
   * Measures the risk of a search result's release.
   *
   * @param data the dataset the search ran on
   * @param result the search result
   * @param k the class size to count records below
   * @return the report
   */
  public static RiskReport after(Dataset data, SearchResult result, int k) {
    Double[] loss = Arrays.stream(result.attributeLoss()).boxed().toArray(Double[]::new);
    int[] levels = result.levels();
    return measure(data, (a, row) -> levels[a], result::isSuppressed, k, List.of(loss));
  }

  /**
   * Measures the risk of a local recoding's release, where records may carry different levels.
   *
   * @param data the dataset the recoding ran on
   * @param result the recoding result
   * @param k the class size to count records below
   * @return the report
   */
  public static RiskReport after(Dataset data, LocalRecodingResult result, int k) {
    Double[] loss = Arrays.stream(result.attributeLoss()).boxed().toArray(Double[]::new);
    return measure(data, result::level, result::isSuppressed, k, List.of(loss));
  }

  /** The level of a record's quasi-identifier in a release. */
  @FunctionalInterface
  interface LevelOf {
    int level(int qi, int row);
  }

  /** Whether a record is withheld from a release. */
  @FunctionalInterface
  interface Withheld {
    boolean test(int row);
  }

  static RiskReport measure(
      Dataset data, LevelOf levelOf, Withheld withheld, int k, List<Double> attributeLoss) {
    int m = data.quasiIdentifierCount();
    int n = data.size();
    // A value is identified by its level and code: codes of all levels numbered one after another.
    long[] radix = new long[m];
    int[][] offset = new int[m][];
    boolean fits = true;
    long product = 1;
    for (int a = 0; a < m; a++) {
      Hierarchy h = data.hierarchy(a);
      offset[a] = new int[h.levels()];
      for (int level = 0; level < h.levels(); level++) {
        offset[a][level] = (int) radix[a];
        radix[a] += h.codeCount(level);
      }
      if (product > Long.MAX_VALUE / Math.max(1, radix[a])) {
        fits = false;
      } else {
        product *= radix[a];
      }
    }
    long[] keys = new long[n];
    String @Nullable [] wide = fits ? null : new String[n];
    int released = 0;
    for (int row = 0; row < n; row++) {
      if (withheld.test(row)) {
        continue;
      }
      long key = 0;
      @Nullable StringBuilder text = fits ? null : new StringBuilder();
      for (int a = 0; a < m; a++) {
        Hierarchy h = data.hierarchy(a);
        int level = levelOf.level(a, row);
        int code = offset[a][level] + h.code(data.leaf(a, row), level);
        if (fits) {
          key = key * radix[a] + code;
        } else {
          Objects.requireNonNull(text).append(code).append(',');
        }
      }
      if (fits) {
        keys[released] = key;
      } else {
        Objects.requireNonNull(wide)[released] = Objects.requireNonNull(text).toString();
      }
      released++;
    }
    long classes = 0;
    long below = 0;
    long smallest = Long.MAX_VALUE;
    if (fits) {
      long[] sorted = Arrays.copyOf(keys, released);
      Arrays.sort(sorted);
      for (int i = 0; i < released; ) {
        int j = i;
        while (j < released && sorted[j] == sorted[i]) {
          j++;
        }
        classes++;
        smallest = Math.min(smallest, j - i);
        if (j - i < k) {
          below += j - i;
        }
        i = j;
      }
    } else {
      String[] sorted = Arrays.copyOf(Objects.requireNonNull(wide), released);
      Arrays.sort(sorted);
      for (int i = 0; i < released; ) {
        int j = i;
        while (j < released && sorted[j].equals(sorted[i])) {
          j++;
        }
        classes++;
        smallest = Math.min(smallest, j - i);
        if (j - i < k) {
          below += j - i;
        }
        i = j;
      }
    }
    return new RiskReport(
        n,
        n - released,
        classes,
        below,
        k,
        released == 0 ? 0 : 1d / smallest,
        released == 0 ? 0 : (double) classes / released,
        attributeLoss);
  }
}
