package org.vansdk.anonymisation.search;

import org.vansdk.anonymisation.hierarchy.Hierarchy;

/**
 * An information-loss model: for each quasi-identifier, the mean over records of a per-value cost
 * in [0, 1] (a suppressed record costs 1), combined across attributes by an aggregate.
 *
 * <p>Costs are exact rationals (an integer numerator over a per-attribute denominator) so a loss is
 * the same however its classes were computed. Immutable and thread-safe.
 */
public abstract class LossModel {
  LossModel() {}

  /**
   * ARX's "Loss" model (Iyengar): a generalised value covering {@code g} of the hierarchy's {@code
   * D} leaves costs {@code (g - 1) / (D - 1)}; attributes are combined by the geometric mean {@code
   * prod(v_i + 1)^(1/m) - 1}. Matches ARX 3.9 with its default generalisation/suppression factor
   * 0.5.
   *
   * @return the model
   */
  public static LossModel loss() {
    return Loss.INSTANCE;
  }

  /**
   * Precision (Sweeney): a value generalised to level {@code l} of a hierarchy of height {@code h}
   * costs {@code l / (h - 1)}; attributes are combined by the arithmetic mean.
   *
   * @return the model
   */
  public static LossModel precision() {
    return Precision.INSTANCE;
  }

  /**
   * Combines per-attribute losses (each the mean cost over records) into one figure, as the search
   * does.
   *
   * @param perAttribute the loss of each quasi-identifier
   * @return the aggregated loss
   */
  public double combine(double[] perAttribute) {
    return aggregate(perAttribute.clone());
  }

  /** Numerator of the cost of a code at a level. */
  abstract long numerator(Hierarchy hierarchy, int level, int code);

  /** Denominator shared by every cost of an attribute; 0 when every value costs 0. */
  abstract long denominator(Hierarchy hierarchy);

  /** Combines per-attribute losses. */
  abstract double aggregate(double[] perAttribute);

  static final class Loss extends LossModel {
    static final Loss INSTANCE = new Loss();

    @Override
    long numerator(Hierarchy hierarchy, int level, int code) {
      return hierarchy.leavesUnder(level, code) - 1L;
    }

    @Override
    long denominator(Hierarchy hierarchy) {
      return hierarchy.leafCount() - 1L;
    }

    @Override
    double aggregate(double[] perAttribute) {
      double result = 1d;
      for (double v : perAttribute) {
        result *= Math.pow(v + 1d, 1d / perAttribute.length);
      }
      return result - 1d;
    }

    @Override
    public String toString() {
      return "loss";
    }
  }

  static final class Precision extends LossModel {
    static final Precision INSTANCE = new Precision();

    @Override
    long numerator(Hierarchy hierarchy, int level, int code) {
      return level;
    }

    @Override
    long denominator(Hierarchy hierarchy) {
      return hierarchy.levels() - 1L;
    }

    @Override
    double aggregate(double[] perAttribute) {
      double sum = 0;
      for (double v : perAttribute) {
        sum += v;
      }
      return sum / perAttribute.length;
    }

    @Override
    public String toString() {
      return "precision";
    }
  }
}
