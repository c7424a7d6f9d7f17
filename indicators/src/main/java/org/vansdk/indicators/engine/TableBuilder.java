package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vansdk.anonymisation.table.SmallCellProtection;
import org.vansdk.anonymisation.table.ZeroCells;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

/**
 * Builds the published table of an accumulation: lays every request out as a full grid of cells
 * (zeros included, see {@link CellGrid}), protects small cells indicator by indicator with {@link
 * LinkedTableProtection} (all requests of one indicator together, since each is a margin of the
 * finer ones), and turns the cells into observations. Immutable and thread-safe.
 */
final class TableBuilder {
  private final int threshold;

  /**
   * @param threshold cells whose count, numerator or denominator is from 1 to threshold - 1 are
   *     small; 1 or less turns suppression off
   */
  TableBuilder(int threshold) {
    this.threshold = threshold;
  }

  IndicatorTable build(Accumulation acc) {
    Map<IndicatorRequest, CellGrid> grids = new LinkedHashMap<>();
    for (IndicatorRequest r : acc.requests()) {
      grids.computeIfAbsent(r, q -> CellGrid.of(q, acc));
    }
    if (threshold > 1) {
      SmallCellProtection protection = SmallCellProtection.of(threshold, ZeroCells.PUBLISH);
      Map<String, List<CellGrid>> byIndicator = new LinkedHashMap<>();
      for (CellGrid g : grids.values()) {
        byIndicator.computeIfAbsent(g.request.indicator().code(), k -> new ArrayList<>()).add(g);
      }
      for (List<CellGrid> linked : byIndicator.values()) {
        new LinkedTableProtection(linked, protection).run();
      }
    }
    List<Observation> all = new ArrayList<>();
    for (IndicatorRequest r : acc.requests()) {
      all.addAll(grids.get(r).observations());
    }
    return IndicatorTable.of(all);
  }

  /** The unsuppressed observations of one request, zeros included. */
  static List<Observation> observations(Accumulation acc, IndicatorRequest r) {
    return CellGrid.of(r, acc).observations();
  }
}
