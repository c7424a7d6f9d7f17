package org.vansdk.anonymisation.search;

import java.util.Arrays;
import org.vansdk.anonymisation.AnonymisationException;

/**
 * A privacy model that every equivalence class of a release must satisfy; records of classes that
 * fail are suppressed, up to the search's suppression limit.
 *
 * <p>Models are immutable values: k-anonymity, and distinct, entropy and recursive (c,l)
 * l-diversity on the dataset's sensitive attribute. Instances are created by the static factories.
 */
public abstract class PrivacyModel {
  PrivacyModel() {}

  /**
   * k-anonymity: every class has at least {@code k} records.
   *
   * @param k at least 1
   * @return the model
   */
  public static PrivacyModel kAnonymity(int k) {
    require(k >= 1, "k-anonymity needs k >= 1, got " + k);
    return new KAnonymity(k);
  }

  /**
   * Distinct l-diversity: every class has at least {@code l} distinct sensitive values.
   *
   * @param l at least 1
   * @return the model
   */
  public static PrivacyModel distinctLDiversity(int l) {
    require(l >= 1, "distinct l-diversity needs l >= 1, got " + l);
    return new DistinctLDiversity(l);
  }

  /**
   * Entropy l-diversity: the entropy of every class's sensitive values is at least {@code log l}.
   *
   * @param l at least 1
   * @return the model
   */
  public static PrivacyModel entropyLDiversity(double l) {
    require(l >= 1, "entropy l-diversity needs l >= 1, got " + l);
    return new EntropyLDiversity(l);
  }

  /**
   * Recursive (c,l)-diversity: in every class, {@code r1 < c (rl + ... + rm)} where {@code r1 >= r2
   * >= ...} are the sensitive value frequencies.
   *
   * @param c greater than 0
   * @param l at least 2
   * @return the model
   */
  public static PrivacyModel recursiveCLDiversity(double c, int l) {
    require(c > 0 && l >= 2, "recursive (c,l)-diversity needs c > 0 and l >= 2");
    return new RecursiveCLDiversity(c, l);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new AnonymisationException(AnonymisationException.INVALID_CONFIGURATION, message);
    }
  }

  /** Whether the model reads the sensitive attribute. */
  abstract boolean needsSensitive();

  /**
   * Whether, with record suppression, a model that holds for a transformation holds for every
   * generalisation of it (then the set of suppressed records can only shrink).
   */
  abstract boolean monotoneWithSuppression();

  /** The smallest class size that can possibly pass, used for quick rejection. */
  abstract int minimumClassSize();

  /**
   * Whether a class passes.
   *
   * @param size the number of records in the class
   * @param frequencies sensitive value frequencies of the class in {@code [off, off + len)}, each
   *     positive; unused by models that do not read the sensitive attribute
   */
  abstract boolean accepts(int size, int[] frequencies, int off, int len);

  static final class KAnonymity extends PrivacyModel {
    final int k;

    KAnonymity(int k) {
      this.k = k;
    }

    @Override
    boolean needsSensitive() {
      return false;
    }

    @Override
    boolean monotoneWithSuppression() {
      return true;
    }

    @Override
    int minimumClassSize() {
      return k;
    }

    @Override
    boolean accepts(int size, int[] frequencies, int off, int len) {
      return size >= k;
    }

    @Override
    public String toString() {
      return "k-anonymity(k=" + k + ")";
    }
  }

  static final class DistinctLDiversity extends PrivacyModel {
    final int l;

    DistinctLDiversity(int l) {
      this.l = l;
    }

    @Override
    boolean needsSensitive() {
      return true;
    }

    @Override
    boolean monotoneWithSuppression() {
      // A merged class with fewer than l values is made of classes that each had fewer than l.
      return true;
    }

    @Override
    int minimumClassSize() {
      return l;
    }

    @Override
    boolean accepts(int size, int[] frequencies, int off, int len) {
      return len >= l;
    }

    @Override
    public String toString() {
      return "distinct-l-diversity(l=" + l + ")";
    }
  }

  static final class EntropyLDiversity extends PrivacyModel {
    final double l;
    final double logL;

    EntropyLDiversity(double l) {
      this.l = l;
      this.logL = Math.log(l);
    }

    @Override
    boolean needsSensitive() {
      return true;
    }

    @Override
    boolean monotoneWithSuppression() {
      // Merging a failing class with a passing one can fail: outliers may grow.
      return false;
    }

    @Override
    int minimumClassSize() {
      return (int) Math.ceil(l - 1e-9);
    }

    @Override
    boolean accepts(int size, int[] frequencies, int off, int len) {
      double sum = 0;
      for (int i = off; i < off + len; i++) {
        double f = frequencies[i];
        sum += f * Math.log(f);
      }
      double entropy = Math.log(size) - sum / size;
      return entropy >= logL - 1e-12;
    }

    @Override
    public String toString() {
      return "entropy-l-diversity(l=" + l + ")";
    }
  }

  static final class RecursiveCLDiversity extends PrivacyModel {
    final double c;
    final int l;

    RecursiveCLDiversity(double c, int l) {
      this.c = c;
      this.l = l;
    }

    @Override
    boolean needsSensitive() {
      return true;
    }

    @Override
    boolean monotoneWithSuppression() {
      return false;
    }

    @Override
    int minimumClassSize() {
      return l;
    }

    @Override
    boolean accepts(int size, int[] frequencies, int off, int len) {
      if (len < l) {
        return false;
      }
      int[] sorted = Arrays.copyOfRange(frequencies, off, off + len);
      Arrays.sort(sorted);
      // sorted ascending: r1 is sorted[len-1], rl is sorted[len-l]; tail = r_l + ... + r_m
      long tail = 0;
      for (int i = 0; i <= len - l; i++) {
        tail += sorted[i];
      }
      return sorted[len - 1] < c * tail;
    }

    @Override
    public String toString() {
      return "recursive-cl-diversity(c=" + c + ", l=" + l + ")";
    }
  }
}
