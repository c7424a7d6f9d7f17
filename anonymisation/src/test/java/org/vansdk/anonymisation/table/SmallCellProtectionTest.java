package org.vansdk.anonymisation.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.testkit.audit.LinearProgram;

/**
 * Small-cell protection, checked by an independent audit: for every suppressed cell or margin, a
 * linear programme over the published cells and the table's additivity (with counts >= 0) gives the
 * smallest and largest value the cell can take; it must never be a single value.
 */
class SmallCellProtectionTest {

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  static CountTable randomTable(Random random) {
    int rows = 2 + random.nextInt(5);
    int columns = 2 + random.nextInt(5);
    long[][] cells = new long[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int kind = random.nextInt(4);
        cells[r][c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(4) : random.nextInt(40);
      }
    }
    return CountTable.of(cells);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void protect_randomTable_noSuppressedValueIsDetermined(long seed) {
    Random random = new Random(seed);
    CountTable table = randomTable(random);
    ZeroCells zeros = random.nextInt(3) == 0 ? ZeroCells.SUPPRESS : ZeroCells.PUBLISH;
    int threshold = 2 + random.nextInt(5);
    ProtectedTable p = SmallCellProtection.of(threshold, zeros).protect(table);
    int rows = table.rows() + 1;
    int columns = table.columns() + 1;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        long v = table.augmented(r, c);
        boolean small = (v > 0 && v < threshold) || (v == 0 && zeros == ZeroCells.SUPPRESS);
        Suppression s = flag(p, r, c);
        assertEquals(small, s == Suppression.PRIMARY, "seed " + seed + " cell " + r + "," + c);
        if (s != Suppression.NONE) {
          double[] range = Audit.feasibleRange(table, p, r, c);
          assertTrue(
              range[0] <= v + 1e-6 && v <= range[1] + 1e-6,
              "seed " + seed + " true value outside audited range");
          assertTrue(
              range[1] - range[0] >= 1 - 1e-6,
              "seed "
                  + seed
                  + " "
                  + p
                  + " cell "
                  + r
                  + ","
                  + c
                  + " is recoverable: range "
                  + range[0]
                  + ".."
                  + range[1]);
        }
      }
    }
  }

  static Suppression flag(ProtectedTable p, int r, int c) {
    if (r == p.rows() && c == p.columns()) {
      return p.grandTotalSuppression();
    }
    if (r == p.rows()) {
      return p.columnTotalSuppression(c);
    }
    if (c == p.columns()) {
      return p.rowTotalSuppression(r);
    }
    return p.cellSuppression(r, c);
  }

  @Test
  void protect_singleSmallCell_needsThreeMoreToHideIt() {
    CountTable t = CountTable.of(new long[][] {{2, 10, 12}, {15, 20, 9}, {30, 8, 11}});
    ProtectedTable p = SmallCellProtection.withDefaults().protect(t);
    assertEquals(Suppression.PRIMARY, p.cellSuppression(0, 0));
    assertEquals(1, p.count(Suppression.PRIMARY));
    assertEquals(3, p.count(Suppression.SECONDARY));
    assertTrue(p.cell(0, 0).isEmpty());
    assertEquals(117, p.grandTotal().getAsLong());
  }

  @Test
  void protect_noSmallCells_publishesEverything() {
    CountTable t = CountTable.of(new long[][] {{20, 10}, {0, 30}});
    ProtectedTable p = SmallCellProtection.withDefaults().protect(t);
    assertEquals(0, p.count(Suppression.PRIMARY) + p.count(Suppression.SECONDARY));
    assertEquals(0, p.cell(1, 0).getAsLong());
  }

  @Test
  void countTable_inconsistentTotals_refused() {
    AnonymisationException e =
        assertThrows(
            AnonymisationException.class,
            () ->
                CountTable.of(
                    new long[][] {{1, 2}, {3, 4}}, new long[] {3, 7}, new long[] {4, 5}, 10));
    assertEquals(AnonymisationException.INVALID_TABLE, e.code());
    assertFalse(e.getMessage().isEmpty());
  }

  /** Independent audit: feasible range of one hidden value by linear programming. */
  static final class Audit {
    private Audit() {}

    static double[] feasibleRange(CountTable t, ProtectedTable p, int row, int column) {
      int rows = t.rows() + 1;
      int columns = t.columns() + 1;
      List<int[]> unknowns = new ArrayList<>();
      int[][] index = new int[rows][columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          index[r][c] = -1;
          if (flag(p, r, c) != Suppression.NONE) {
            index[r][c] = unknowns.size();
            unknowns.add(new int[] {r, c});
          }
        }
      }
      List<double[]> a = new ArrayList<>();
      List<Double> b = new ArrayList<>();
      // Row r: sum of cells - total = 0; column c likewise. Published values move to the right.
      for (int line = 0; line < rows + columns; line++) {
        double[] coefficients = new double[unknowns.size()];
        double rhs = 0;
        boolean any = false;
        int length = line < rows ? columns : rows;
        for (int k = 0; k < length; k++) {
          int r = line < rows ? line : k;
          int c = line < rows ? k : line - rows;
          double sign = (line < rows ? c == columns - 1 : r == rows - 1) ? -1 : 1;
          if (index[r][c] >= 0) {
            coefficients[index[r][c]] += sign;
            any = true;
          } else {
            rhs -= sign * published(p, r, c);
          }
        }
        if (any) {
          a.add(coefficients);
          b.add(rhs);
        }
      }
      double[][] matrix = a.toArray(new double[0][]);
      double[] rhs = b.stream().mapToDouble(Double::doubleValue).toArray();
      double[] objective = new double[unknowns.size()];
      objective[index[row][column]] = 1;
      double max = LinearProgram.maximise(matrix, rhs, objective);
      objective[index[row][column]] = -1;
      double min = -LinearProgram.maximise(matrix, rhs, objective);
      return new double[] {min, max};
    }

    static long published(ProtectedTable p, int r, int c) {
      if (r == p.rows() && c == p.columns()) {
        return p.grandTotal().getAsLong();
      }
      if (r == p.rows()) {
        return p.columnTotal(c).getAsLong();
      }
      if (c == p.columns()) {
        return p.rowTotal(r).getAsLong();
      }
      return p.cell(r, c).getAsLong();
    }
  }
}
