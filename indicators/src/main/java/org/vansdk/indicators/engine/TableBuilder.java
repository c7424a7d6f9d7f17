package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vansdk.anonymisation.table.SmallCellProtection;
import org.vansdk.anonymisation.table.ZeroCells;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

/**
 * Builds the published table of an accumulation: lays every request out as a full grid of cells
 * (zeros included, see {@link CellGrid}), protects small cells of all requests together with {@link
 * LinkedTableProtection} (each request is a margin of the finer ones of its indicator, and the
 * counts of one indicator are counts or sums of counts of others), and turns the cells into
 * observations. Only what one call computes is protected together: tables from separate calls must
 * not be published side by side. Immutable and thread-safe.
 */
final class TableBuilder {
  private final int threshold;
  private final ReportingPeriod period;

  /**
   * @param period the reporting period the table is for
   * @param threshold cells whose count, numerator or denominator is from 1 to threshold - 1 are
   *     small; 1 or less turns suppression off
   */
  TableBuilder(ReportingPeriod period, int threshold) {
    this.period = period;
    this.threshold = threshold;
  }

  IndicatorTable build(Accumulation acc) {
    Map<IndicatorRequest, CellGrid> grids = new LinkedHashMap<>();
    for (IndicatorRequest r : acc.requests()) {
      grids.computeIfAbsent(r, q -> CellGrid.of(q, acc));
    }
    if (threshold > 1) {
      protect(grids.values());
    }
    List<Observation> all = new ArrayList<>();
    for (IndicatorRequest r : acc.requests()) {
      all.addAll(grids.get(r).observations());
    }
    return IndicatorTable.of(period, all);
  }

  /**
   * Protects every request of the output together: a count of one indicator is a count of another,
   * or a margin of others, so hiding cells indicator by indicator would let a reader subtract
   * across them (see {@link LinkedTableProtection}).
   */
  private void protect(Collection<CellGrid> all) {
    SmallCellProtection protection = SmallCellProtection.of(threshold, ZeroCells.PUBLISH);
    new LinkedTableProtection(new ArrayList<>(all), protection).run();
  }
}
