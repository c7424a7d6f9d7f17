package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.List;
import org.vansdk.indicators.table.Observation;

/**
 * Primary suppression only: a cell whose count, numerator or denominator is between 1 and threshold
 * - 1 is withheld. Used until the anonymisation module's table suppression is available.
 */
final class PrimaryCellSuppression implements CellSuppression {
  @Override
  public List<Observation> apply(List<Observation> cells, int threshold) {
    List<Observation> out = new ArrayList<>(cells.size());
    for (Observation o : cells) {
      out.add(isSmall(o, threshold) ? o.suppressed() : o);
    }
    return out;
  }

  static boolean isSmall(Observation o, int threshold) {
    long num = o.numerator().orElse(0);
    long den = o.denominator().orElse(0);
    return (num > 0 && num < threshold) || (den > 0 && den < threshold);
  }
}
