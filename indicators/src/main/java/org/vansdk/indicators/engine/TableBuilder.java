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
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

/**
 * Builds the published table of an accumulation: lays every request out as a full grid of cells
 * (zeros included, see {@link CellGrid}), protects small cells indicator by indicator with {@link
 * LinkedTableProtection} (all requests of one indicator together, since each is a margin of the
 * finer ones) and across the indicators that count the same people, and turns the cells into
 * observations. Only what one call computes is protected together: tables from separate calls must
 * not be published side by side. Immutable and thread-safe.
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
      protect(grids.values());
    }
    List<Observation> all = new ArrayList<>();
    for (IndicatorRequest r : acc.requests()) {
      all.addAll(grids.get(r).observations());
    }
    return IndicatorTable.of(all);
  }

  /**
   * Protects indicator by indicator, then shares the hidden cells within each family of indicators
   * that count the same people (a cell hidden in one is hidden in all, by its dimensions and
   * values), and protects again until no family hides anything new.
   */
  private void protect(Collection<CellGrid> all) {
    SmallCellProtection protection = SmallCellProtection.of(threshold, ZeroCells.PUBLISH);
    Map<String, List<CellGrid>> byIndicator = new LinkedHashMap<>();
    for (CellGrid g : all) {
      byIndicator.computeIfAbsent(g.request.indicator().code(), k -> new ArrayList<>()).add(g);
    }
    Map<String, Set<String>> hiddenByFamily = new HashMap<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, List<CellGrid>> e : byIndicator.entrySet()) {
        Set<String> shared = hiddenByFamily.getOrDefault(family(e.getKey()), Set.of());
        new LinkedTableProtection(e.getValue(), protection, shared).run();
      }
      for (CellGrid g : all) {
        Set<String> shared =
            hiddenByFamily.computeIfAbsent(
                family(g.request.indicator().code()), k -> new HashSet<>());
        for (int i = 0; i < g.size(); i++) {
          if (g.suppression[i] != null) {
            changed |= shared.add(LinkedTableProtection.cellKey(g, i));
          }
        }
      }
    }
  }

  /**
   * The family of an indicator: indicators over the same people in the same cells. The casualties
   * of the period (CAS-01 counts them; the other casualty indicators' denominators plus unknowns,
   * or their counts, are subsets or equal, e.g. DQ-01's denominator is CAS-01), the survivors at
   * the period's end (SUR, NEED, SRV), referral attempts (REF), and the incident-level CAS-07 and
   * CAS-10 each alone. Sharing over a whole family hides more than the exact sums require; that
   * errs on the side of the survivors.
   */
  static String family(String code) {
    if (code.startsWith("REF-")) {
      return "attempts";
    }
    if (code.startsWith("SUR-") || code.startsWith("NEED-") || code.startsWith("SRV-")) {
      return "survivors";
    }
    if (code.equals("CAS-07") || code.equals("CAS-10")) {
      return code;
    }
    return "casualties";
  }

  /** The unsuppressed observations of one request, zeros included. */
  static List<Observation> observations(Accumulation acc, IndicatorRequest r) {
    return CellGrid.of(r, acc).observations();
  }
}
