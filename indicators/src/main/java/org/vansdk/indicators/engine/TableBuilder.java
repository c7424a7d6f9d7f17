package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vansdk.anonymisation.table.SmallCellProtection;
import org.vansdk.anonymisation.table.ZeroCells;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

/**
 * Builds the published table of an accumulation: lays every request out as a full grid of cells
 * (zeros included, see {@link CellGrid}), protects small cells indicator by indicator with {@link
 * LinkedTableProtection} (all requests of one indicator together, since each is a margin of the
 * finer ones) and from a base count to the indicators over the same people, and turns the cells
 * into observations. Only what one call computes is protected together: tables from separate calls
 * must not be published side by side. Immutable and thread-safe.
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
   * Protects indicator by indicator, the base counts first: a cell hidden in a base count (CAS-01,
   * the casualties of the period; SUR-01, the survivors at its end) is hidden in every indicator
   * over the same people too, since their cell size (denominator plus unknowns, or DQ-01's
   * denominator) is that count, and two indicators hiding different partners of the same small
   * count could be subtracted from each other.
   */
  private void protect(Collection<CellGrid> all) {
    SmallCellProtection protection = SmallCellProtection.of(threshold, ZeroCells.PUBLISH);
    Map<String, List<CellGrid>> byIndicator = new LinkedHashMap<>();
    for (CellGrid g : all) {
      byIndicator.computeIfAbsent(g.request.indicator().code(), k -> new ArrayList<>()).add(g);
    }
    Map<String, Set<String>> hiddenInBase = new HashMap<>();
    for (Map.Entry<String, List<CellGrid>> e : byIndicator.entrySet()) {
      if (base(e.getKey()).equals(e.getKey())) {
        new LinkedTableProtection(e.getValue(), protection, Set.of()).run();
        Set<String> hidden = new HashSet<>();
        for (CellGrid g : e.getValue()) {
          for (int i = 0; i < g.size(); i++) {
            if (g.suppression[i] != null) {
              hidden.add(LinkedTableProtection.cellKey(g, i));
            }
          }
        }
        hiddenInBase.put(e.getKey(), hidden);
      }
    }
    for (Map.Entry<String, List<CellGrid>> e : byIndicator.entrySet()) {
      if (!base(e.getKey()).equals(e.getKey())) {
        Set<String> shared = hiddenInBase.getOrDefault(base(e.getKey()), Set.of());
        new LinkedTableProtection(e.getValue(), protection, shared).run();
      }
    }
  }

  /**
   * The base count whose cells an indicator's cell sizes equal or are part of: CAS-01 for the
   * casualty indicators of the period (CAS-02 to CAS-06, CAS-08, CAS-09, DQ-01), SUR-01 for the
   * survivors' (SUR-02, NEED-*, SRV-01); an indicator over other units (CAS-07 and CAS-10 over
   * incidents, REF-* over attempts) is its own base.
   */
  static String base(String code) {
    if (code.startsWith("SUR-") || code.startsWith("NEED-") || code.startsWith("SRV-")) {
      return "SUR-01";
    }
    if (code.startsWith("REF-") || code.equals("CAS-07") || code.equals("CAS-10")) {
      return code;
    }
    return "CAS-01";
  }
}
