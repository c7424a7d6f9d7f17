package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.anonymisation.table.CountTable;
import org.vansdk.anonymisation.table.ProtectedTable;
import org.vansdk.anonymisation.table.SmallCellProtection;
import org.vansdk.anonymisation.table.Suppression;
import org.vansdk.core.casualty.AgeGroup;
import org.vansdk.core.casualty.LandmineMonitorGroup;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.person.Sex;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.ObservationStatus;

/**
 * Primary and secondary suppression of every request of one output, protected together as linked
 * tables.
 *
 * <p>What a reader can subtract: every request of an indicator counts the same records, so a
 * request is a margin of every finer request of the same indicator in the table (CAS-01 total is
 * the sum of CAS-01 by sex, which is the sum over age group of CAS-01 by sex and age group), and a
 * coarse code is the sum of its fine codes (device group of device categories; Landmine Monitor
 * group of sex by age group). Those sums are cut into two-way tables with their margins (two
 * dimensions of a request whose three margins are requested too) and one-way sums (a request and
 * each nearest coarser request, or a coarse code and its fine codes). Across indicators, a count of
 * one is a count of another, or a sum of others (CAS-01 by sex is CAS-02's killed plus CAS-08's
 * injured plus CAS-02's unknown outcome, by sex): those equalities and sums come from {@link
 * CrossIndicatorSums} as one-way sums. Each table is laid out as a {@link CountTable} and protected
 * in turn by the anonymisation module's {@link SmallCellProtection}, fed the cells hidden so far in
 * any table, until no table hides anything new (the modular approach to linked tables). A cell is
 * primary-suppressed when its count, numerator, denominator or unknowns is small, and a hidden cell
 * hides all of them. A cell whose key is hidden in the base count of the same people (CAS-01,
 * SUR-01; see {@link #base}) is hidden too.
 *
 * <p>Not covered: month within year (year-only dates have an unknown month), admin area within
 * country, requests sharing a margin that is not itself requested, and counts no two indicators
 * share (REF-04's reasons, NEED-02's needs). Not thread-safe; one instance per run.
 */
final class LinkedTableProtection {
  /** A dimension whose codes are sums of the codes of finer dimensions. */
  private static final class Coarsening {
    final Set<Dimension> fine;
    final Dimension coarse;
    final Function<Map<Dimension, String>, String> map;

    Coarsening(
        Set<Dimension> fine, Dimension coarse, Function<Map<Dimension, String>, String> map) {
      this.fine = fine;
      this.coarse = coarse;
      this.map = map;
    }
  }

  private static final List<Coarsening> COARSENINGS =
      List.of(
          new Coarsening(
              EnumSet.of(Dimension.DEVICE_CATEGORY),
              Dimension.DEVICE_GROUP,
              c -> DeviceCategory.fromCode(c.get(Dimension.DEVICE_CATEGORY)).group().code()),
          new Coarsening(
              EnumSet.of(Dimension.SEX, Dimension.AGE_GROUP),
              Dimension.LANDMINE_MONITOR_GROUP,
              c ->
                  LandmineMonitorGroup.of(
                          Sex.fromCode(c.get(Dimension.SEX)),
                          AgeGroup.fromCode(c.get(Dimension.AGE_GROUP)))
                      .code()));

  /**
   * A sum laid out as a two-way table: global cell ids in the augmented layout, and the values a
   * reader sees there, one layout per measure (count, numerator, denominator) the sum holds for.
   */
  private static final class Linked {
    final int[][] ids;
    final long[][][] values;
    boolean dead;

    Linked(int[][] ids, long[][][] values) {
      this.ids = ids;
      this.values = values;
    }
  }

  private final List<CellGrid> grids;
  private final SmallCellProtection protection;
  private final int[] offsets;
  private final int cellCount;
  private final long[][] counts; // per global id: count or numerator, denominator, unknowns
  private final int[][] measures; // per global id: the counts protected (see CellGrid.measures)
  private final boolean[] hidden;
  private final int[] baseCell; // per global id: the same key in its base count, or -1
  private final List<Linked> tables = new ArrayList<>();

  /**
   * @param grids every request of one output
   * @param protection the small-cell rule
   */
  LinkedTableProtection(List<CellGrid> grids, SmallCellProtection protection) {
    this.grids = grids;
    this.protection = protection;
    this.offsets = new int[grids.size()];
    int n = 0;
    for (int g = 0; g < grids.size(); g++) {
      offsets[g] = n;
      n += grids.get(g).size();
    }
    this.cellCount = n;
    this.counts = new long[n][];
    this.measures = new int[n][];
    this.hidden = new boolean[n];
    this.baseCell = new int[n];
    for (int g = 0; g < grids.size(); g++) {
      CellGrid grid = grids.get(g);
      int[] which = CellGrid.measures(grid.request.indicator().unit());
      for (int i = 0; i < grid.size(); i++) {
        int id = offsets[g] + i;
        counts[id] = grid.counts[i];
        measures[id] = which;
        for (int m : which) {
          long v = grid.counts[i][m];
          if (v > 0 && v < protection.threshold()) {
            hidden[id] = true;
          }
        }
        // A small count of unknowns is a small group of people too.
        long unknown = grid.counts[i][2];
        if (unknown > 0 && unknown < protection.threshold()) {
          hidden[id] = true;
        }
      }
    }
    linkToBase();
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

  private void linkToBase() {
    Map<String, Integer> baseCells = new HashMap<>();
    for (int g = 0; g < grids.size(); g++) {
      CellGrid grid = grids.get(g);
      String code = grid.request.indicator().code();
      if (base(code).equals(code)) {
        for (int i = 0; i < grid.size(); i++) {
          baseCells.put(code + "|" + cellKey(grid, i), offsets[g] + i);
        }
      }
    }
    for (int g = 0; g < grids.size(); g++) {
      CellGrid grid = grids.get(g);
      String code = grid.request.indicator().code();
      for (int i = 0; i < grid.size(); i++) {
        Integer b =
            base(code).equals(code) ? null : baseCells.get(base(code) + "|" + cellKey(grid, i));
        baseCell[offsets[g] + i] = b == null ? -1 : b;
      }
    }
  }

  /**
   * The key of a cell across indicators: its request's dimensions and their values (intrinsic
   * dimensions such as DQ-01's field left out), e.g. {@code SEX=female|AGE_GROUP=child}.
   */
  static String cellKey(CellGrid g, int i) {
    Map<Dimension, String> cell = g.cell(i);
    StringBuilder key = new StringBuilder();
    for (Dimension d : g.dimensions) {
      key.append(d.name()).append('=').append(cell.get(d)).append('|');
    }
    return key.toString();
  }

  /** Flags every small cell and every cell hidden to protect one, in the grids. */
  void run() {
    Map<String, List<CellGrid>> byIndicator = new LinkedHashMap<>();
    for (CellGrid g : grids) {
      byIndicator.computeIfAbsent(g.request.indicator().code(), k -> new ArrayList<>()).add(g);
    }
    for (List<CellGrid> same : byIndicator.values()) {
      buildTables(same);
    }
    for (CrossIndicatorSums.Sum sum : CrossIndicatorSums.of(grids, offsets)) {
      addSum(sum);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Linked t : tables) {
        if (!t.dead) {
          changed |= protect(t);
        }
      }
      for (int id = 0; id < cellCount; id++) {
        if (!hidden[id] && baseCell[id] >= 0 && hidden[baseCell[id]]) {
          hidden[id] = true;
          changed = true;
        }
      }
    }
    for (int g = 0; g < grids.size(); g++) {
      CellGrid grid = grids.get(g);
      for (int i = 0; i < grid.size(); i++) {
        int id = offsets[g] + i;
        if (hidden[id]) {
          grid.suppression[i] = ObservationStatus.SUPPRESSED;
        }
      }
    }
  }

  /** Protects one table with the cells hidden so far; true if it hid anything new. */
  private boolean protect(Linked t) {
    int rows = t.ids.length;
    int columns = t.ids[0].length;
    boolean[][] mask = new boolean[rows][columns];
    boolean any = false;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        mask[r][c] = hidden[t.ids[r][c]];
        any |= mask[r][c];
      }
    }
    if (!any) {
      return false;
    }
    boolean changed = false;
    for (long[][] values : t.values) {
      long[][] cells = new long[rows - 1][columns - 1];
      for (int r = 0; r < rows - 1; r++) {
        for (int c = 0; c < columns - 1; c++) {
          cells[r][c] = values[r][c];
        }
      }
      ProtectedTable p;
      try {
        p = protection.protect(CountTable.of(cells), mask);
      } catch (AnonymisationException e) {
        // No rectangle can protect a hidden cell (counts pinned at zero): hide the whole sum.
        for (int[] row : t.ids) {
          for (int id : row) {
            changed |= !hidden[id];
            hidden[id] = true;
          }
        }
        t.dead = true;
        return changed;
      }
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          if (!mask[r][c] && flag(p, r, c) != Suppression.NONE) {
            mask[r][c] = true;
            hidden[t.ids[r][c]] = true;
            changed = true;
          }
        }
      }
    }
    return changed;
  }

  private static Suppression flag(ProtectedTable p, int r, int c) {
    boolean totalRow = r == p.rows();
    boolean totalColumn = c == p.columns();
    if (totalRow && totalColumn) {
      return p.grandTotalSuppression();
    }
    if (totalRow) {
      return p.columnTotalSuppression(c);
    }
    if (totalColumn) {
      return p.rowTotalSuppression(r);
    }
    return p.cellSuppression(r, c);
  }

  private static CellGrid grid(List<CellGrid> grids, Set<Dimension> dims) {
    for (CellGrid g : grids) {
      if (g.dimensions.equals(dims)) {
        return g;
      }
    }
    return null;
  }

  private int id(CellGrid g, Map<Dimension, String> cell) {
    int i = g.indexOf(cell);
    return i < 0 ? -1 : offsets[grids.indexOf(g)] + i;
  }

  /** The tables of one indicator's requests. */
  private void buildTables(List<CellGrid> grids) {
    for (CellGrid fine : grids) {
      for (CellGrid coarse : grids) {
        if (covers(grids, coarse.dimensions, fine.dimensions)) {
          addSums(fine, coarse, c -> c);
        }
      }
      for (Coarsening h : COARSENINGS) {
        if (fine.dimensions.containsAll(h.fine) && !fine.dimensions.contains(h.coarse)) {
          Set<Dimension> dims = EnumSet.copyOf(fine.dimensions);
          dims.removeAll(h.fine);
          dims.add(h.coarse);
          CellGrid coarse = grid(grids, dims);
          if (coarse != null) {
            addSums(
                fine,
                coarse,
                c -> {
                  Map<Dimension, String> m = new HashMap<>(c);
                  m.put(h.coarse, h.map.apply(c));
                  return m;
                });
          }
        }
      }
      List<Dimension> dims = new ArrayList<>(fine.dimensions);
      for (int a = 0; a < dims.size(); a++) {
        for (int b = a + 1; b < dims.size(); b++) {
          addTwoWay(grids, fine, dims.get(a), dims.get(b));
        }
      }
    }
  }

  /** Whether {@code small} is a strict subset of {@code big} with no request strictly between. */
  private static boolean covers(List<CellGrid> grids, Set<Dimension> small, Set<Dimension> big) {
    if (!big.containsAll(small) || big.size() == small.size()) {
      return false;
    }
    for (CellGrid g : grids) {
      Set<Dimension> mid = g.dimensions;
      if (mid.size() > small.size()
          && mid.size() < big.size()
          && mid.containsAll(small)
          && big.containsAll(mid)) {
        return false;
      }
    }
    return true;
  }

  /** One-way sums: each cell of {@code coarse} is the sum of the fine cells mapped onto it. */
  private void addSums(
      CellGrid fine,
      CellGrid coarse,
      Function<Map<Dimension, String>, Map<Dimension, String>> toCoarse) {
    Map<Integer, List<Integer>> children = new LinkedHashMap<>();
    for (int i = 0; i < fine.size(); i++) {
      int parent = id(coarse, toCoarse.apply(fine.cell(i)));
      if (parent < 0) {
        return; // the grids do not line up: no exact sum for a reader to use
      }
      children.computeIfAbsent(parent, k -> new ArrayList<>()).add(id(fine, fine.cell(i)));
    }
    for (Map.Entry<Integer, List<Integer>> e : children.entrySet()) {
      List<Integer> parts = e.getValue();
      // n x 1 table: cells are the parts (their row totals repeat them), the column total and the
      // grand total are the sum.
      int[][] ids = new int[parts.size() + 1][2];
      for (int i = 0; i < parts.size(); i++) {
        ids[i][0] = parts.get(i);
        ids[i][1] = parts.get(i);
      }
      ids[parts.size()][0] = e.getKey();
      ids[parts.size()][1] = e.getKey();
      add(ids);
    }
  }

  /** Two-way tables of dimensions a (rows) and b (columns) with their three margins. */
  private void addTwoWay(List<CellGrid> grids, CellGrid g, Dimension a, Dimension b) {
    Set<Dimension> noB = EnumSet.copyOf(g.dimensions);
    noB.remove(b);
    Set<Dimension> noA = EnumSet.copyOf(g.dimensions);
    noA.remove(a);
    Set<Dimension> neither = EnumSet.copyOf(noA);
    neither.remove(b);
    CellGrid rowTotals = grid(grids, noB);
    CellGrid columnTotals = grid(grids, noA);
    CellGrid grand = grid(grids, neither);
    if (rowTotals == null || columnTotals == null || grand == null) {
      return;
    }
    List<String> rowValues = g.values.get(g.keyDimensions.indexOf(a));
    List<String> columnValues = g.values.get(g.keyDimensions.indexOf(b));
    Map<Map<Dimension, String>, int[][]> byContext = new LinkedHashMap<>();
    for (int i = 0; i < g.size(); i++) {
      Map<Dimension, String> cell = g.cell(i);
      Map<Dimension, String> context = new HashMap<>(cell);
      context.remove(a);
      context.remove(b);
      int[][] ids =
          byContext.computeIfAbsent(
              context, k -> new int[rowValues.size() + 1][columnValues.size() + 1]);
      int r = rowValues.indexOf(cell.get(a));
      int c = columnValues.indexOf(cell.get(b));
      ids[r][c] = id(g, cell);
      Map<Dimension, String> m = new HashMap<>(cell);
      m.remove(b);
      ids[r][columnValues.size()] = id(rowTotals, m);
      m = new HashMap<>(cell);
      m.remove(a);
      ids[rowValues.size()][c] = id(columnTotals, m);
      ids[rowValues.size()][columnValues.size()] = id(grand, context);
    }
    for (int[][] ids : byContext.values()) {
      add(ids);
    }
  }

  /**
   * Adds a table of one indicator's cells if every position is a cell and its margins are the sums
   * of its cells, for each measure of the indicator.
   */
  private void add(int[][] ids) {
    int rows = ids.length - 1;
    int columns = ids[0].length - 1;
    for (int[] row : ids) {
      for (int id : row) {
        if (id < 0 || id >= cellCount) {
          return;
        }
      }
    }
    int[] which = measures[ids[0][0]];
    long[][][] values = new long[which.length][rows + 1][columns + 1];
    for (int m = 0; m < which.length; m++) {
      long[][] v = values[m];
      for (int r = 0; r <= rows; r++) {
        for (int c = 0; c <= columns; c++) {
          v[r][c] = counts[ids[r][c]][which[m]];
        }
      }
      long grand = 0;
      for (int r = 0; r < rows; r++) {
        long sum = 0;
        for (int c = 0; c < columns; c++) {
          sum += v[r][c];
        }
        if (sum != v[r][columns]) {
          return;
        }
        grand += sum;
      }
      for (int c = 0; c < columns; c++) {
        long sum = 0;
        for (int r = 0; r < rows; r++) {
          sum += v[r][c];
        }
        if (sum != v[rows][c]) {
          return;
        }
      }
      if (grand != v[rows][columns]) {
        return;
      }
    }
    tables.add(new Linked(ids, values));
  }

  /** Adds a sum across indicators as an n x 1 table (its values hold, see CrossIndicatorSums). */
  private void addSum(CrossIndicatorSums.Sum sum) {
    int parts = sum.cells.length - 1;
    int[][] ids = new int[parts + 1][2];
    long[][] values = new long[parts + 1][2];
    for (int i = 0; i <= parts; i++) {
      ids[i][0] = sum.cells[i];
      ids[i][1] = sum.cells[i];
      values[i][0] = sum.values[i];
      values[i][1] = sum.values[i];
    }
    tables.add(new Linked(ids, new long[][][] {values}));
  }
}
