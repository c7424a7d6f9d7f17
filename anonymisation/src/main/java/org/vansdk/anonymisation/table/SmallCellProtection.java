package org.vansdk.anonymisation.table;

import org.jspecify.annotations.Nullable;
import org.vansdk.anonymisation.AnonymisationException;

/**
 * Primary and secondary suppression of small cells in a two-way table with margins.
 *
 * <p>Primary: every cell or margin counting from 1 to {@code threshold - 1} (and 0 when zeros are
 * {@link ZeroCells#SUPPRESS protected}) is hidden. Secondary: the table with its margins is a
 * zero-sum table (each row and column of cells minus its total is 0), so hidden values can move
 * together along a cycle of hidden cells (rows and columns as vertices, hidden cells as edges)
 * without changing anything published, as long as no count goes below zero. A hidden value is
 * exposed when no such cycle can move it by one, up or down (a bridge of that graph, or a cycle
 * pinned by zero counts). While a value is exposed, the cheapest rectangle through it (fewest newly
 * hidden cells, then fewest zero counts among them, then smallest total count, then first in
 * row-major order) is hidden too. Zeros are avoided as partners because a zero can only grow: a
 * small count hidden with a zero partner is known to lie between 0 and itself. Deterministic.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class SmallCellProtection {
  /** The default threshold: counts below 5 are small. */
  public static final int DEFAULT_THRESHOLD = 5;

  private final int threshold;
  private final ZeroCells zeroCells;

  private SmallCellProtection(int threshold, ZeroCells zeroCells) {
    this.threshold = threshold;
    this.zeroCells = zeroCells;
  }

  /**
   * Returns protection with the default threshold 5 and published zeros.
   *
   * @return the protection
   */
  public static SmallCellProtection withDefaults() {
    return new SmallCellProtection(DEFAULT_THRESHOLD, ZeroCells.PUBLISH);
  }

  /**
   * Returns protection with a given threshold and zero handling.
   *
   * @param threshold counts from 1 to {@code threshold - 1} are small; at least 1
   * @param zeroCells what to do with zero counts
   * @return the protection
   * @throws AnonymisationException {@code VAN-A-0003} if the threshold is below 1
   */
  public static SmallCellProtection of(int threshold, ZeroCells zeroCells) {
    if (threshold < 1) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_CONFIGURATION,
          "small-cell threshold is " + threshold + "; it must be at least 1");
    }
    return new SmallCellProtection(threshold, zeroCells);
  }

  /**
   * Returns the threshold.
   *
   * @return counts below it are small
   */
  public int threshold() {
    return threshold;
  }

  /**
   * Returns the handling of zero counts.
   *
   * @return the zero handling
   */
  public ZeroCells zeroCells() {
    return zeroCells;
  }

  /**
   * Protects a table.
   *
   * @param table the table
   * @return the table with every cell and margin flagged
   */
  public ProtectedTable protect(CountTable table) {
    return protect(table, new boolean[table.rows() + 1][table.columns() + 1]);
  }

  /**
   * Protects a table some of whose cells or margins are already hidden, for instance because they
   * are shared with a linked table in which they were suppressed. Those stay hidden (flagged {@link
   * Suppression#SECONDARY} unless small) and are protected like small ones: none of them can be
   * recovered from this table's published values. Protecting each of a set of linked tables in
   * turn, feeding every table the cells hidden so far, until nothing changes, is the modular
   * approach to linked tables.
   *
   * @param table the table
   * @param hidden the cells and margins already hidden, in the augmented layout: {@code
   *     hidden[r][c]} for cell (r, c), {@code hidden[r][columns()]} for row total r, {@code
   *     hidden[rows()][c]} for column total c, {@code hidden[rows()][columns()]} for the grand
   *     total; not modified
   * @return the table with every cell and margin flagged
   * @throws AnonymisationException {@code VAN-A-0007} if {@code hidden} does not have the shape
   *     (rows + 1) x (columns + 1)
   */
  public ProtectedTable protect(CountTable table, boolean[][] hidden) {
    int rows = table.rows() + 1;
    int columns = table.columns() + 1;
    if (hidden.length != rows) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_TABLE,
          "hidden mask has " + hidden.length + " rows; expected " + rows + " (rows + totals)");
    }
    Suppression[][] flags = new Suppression[rows][columns];
    for (int r = 0; r < rows; r++) {
      if (hidden[r].length != columns) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_TABLE,
            "hidden mask row "
                + r
                + " has "
                + hidden[r].length
                + " entries; expected "
                + columns
                + " (columns + totals)");
      }
      for (int c = 0; c < columns; c++) {
        long v = table.augmented(r, c);
        boolean small = (v > 0 && v < threshold) || (v == 0 && zeroCells == ZeroCells.SUPPRESS);
        flags[r][c] =
            small ? Suppression.PRIMARY : hidden[r][c] ? Suppression.SECONDARY : Suppression.NONE;
      }
    }
    while (true) {
      int[] exposed = firstExposed(table, flags);
      if (exposed == null) {
        break;
      }
      if (!closeRectangle(table, flags, exposed[0], exposed[1])) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_TABLE,
            "hidden cell ("
                + exposed[0]
                + ", "
                + exposed[1]
                + ") of the table with margins cannot be protected by any rectangle of cells;"
                + " merge rows or columns");
      }
    }
    return new ProtectedTable(table, flags);
  }

  /*
   * The table with margins is a zero-sum table in y, where y = x for cells and the grand total and
   * y = -x for row and column totals. Moving t along a cycle of hidden cells adds +t to the cells
   * traversed row -> column and -t to those traversed column -> row, and keeps every published
   * value. A cell may be traversed in a direction only if its count stays >= 0 for t = 1: a count
   * of zero can only grow. A hidden value is then not a single value exactly when one of its
   * allowed directions lies on a directed cycle of allowed directions.
   */

  private static boolean isMargin(Suppression[][] flags, int r, int c) {
    boolean totalRow = r == flags.length - 1;
    boolean totalColumn = c == flags[0].length - 1;
    return totalRow != totalColumn;
  }

  /** Whether cell (r, c) may be traversed row to column (y + 1) or column to row (y - 1). */
  private static boolean allowed(
      CountTable table, Suppression[][] flags, int r, int c, boolean rowToColumn) {
    if (table.augmented(r, c) > 0) {
      return true;
    }
    // x = 0 must grow: y + 1 for cells and grand total, y - 1 for margins.
    return rowToColumn != isMargin(flags, r, c);
  }

  private static int @Nullable [] firstExposed(CountTable table, Suppression[][] flags) {
    int rows = flags.length;
    int columns = flags[0].length;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        if (flags[r][c] == Suppression.NONE) {
          continue;
        }
        boolean movable =
            (allowed(table, flags, r, c, true) && reaches(table, flags, rows + c, r, r, c))
                || (allowed(table, flags, r, c, false) && reaches(table, flags, r, rows + c, r, c));
        if (!movable) {
          return new int[] {r, c};
        }
      }
    }
    return null;
  }

  /** Whether {@code to} is reachable from {@code from} along allowed arcs, avoiding one cell. */
  private static boolean reaches(
      CountTable table, Suppression[][] flags, int from, int to, int skipRow, int skipColumn) {
    int rows = flags.length;
    int columns = flags[0].length;
    boolean[] seen = new boolean[rows + columns];
    int[] queue = new int[rows + columns];
    int head = 0;
    int tail = 0;
    queue[tail++] = from;
    seen[from] = true;
    while (head < tail) {
      int v = queue[head++];
      if (v == to) {
        return true;
      }
      if (v < rows) {
        for (int c = 0; c < columns; c++) {
          int w = rows + c;
          if (!seen[w]
              && flags[v][c] != Suppression.NONE
              && !(v == skipRow && c == skipColumn)
              && allowed(table, flags, v, c, true)) {
            seen[w] = true;
            queue[tail++] = w;
          }
        }
      } else {
        int c = v - rows;
        for (int r = 0; r < rows; r++) {
          if (!seen[r]
              && flags[r][c] != Suppression.NONE
              && !(r == skipRow && c == skipColumn)
              && allowed(table, flags, r, c, false)) {
            seen[r] = true;
            queue[tail++] = r;
          }
        }
      }
    }
    return false;
  }

  private static boolean closeRectangle(CountTable table, Suppression[][] flags, int r, int c) {
    int rows = flags.length;
    int columns = flags[0].length;
    int bestNew = Integer.MAX_VALUE;
    int bestZeros = Integer.MAX_VALUE;
    long bestSum = Long.MAX_VALUE;
    int bestRow = -1;
    int bestColumn = -1;
    for (boolean forward : new boolean[] {true, false}) {
      if (!allowed(table, flags, r, c, forward)) {
        continue;
      }
      for (int r2 = 0; r2 < rows; r2++) {
        if (r2 == r) {
          continue;
        }
        for (int c2 = 0; c2 < columns; c2++) {
          if (c2 == c) {
            continue;
          }
          // forward: r->c (this), c->r2 via (r2,c), r2->c2 via (r2,c2), c2->r via (r,c2)
          boolean ok =
              allowed(table, flags, r2, c, !forward)
                  && allowed(table, flags, r2, c2, forward)
                  && allowed(table, flags, r, c2, !forward);
          if (!ok) {
            continue;
          }
          int added = 0;
          int zeros = 0;
          long sum = 0;
          for (int[] cell : new int[][] {{r, c2}, {r2, c2}, {r2, c}}) {
            if (flags[cell[0]][cell[1]] == Suppression.NONE) {
              added++;
              long count = table.augmented(cell[0], cell[1]);
              zeros += count == 0 ? 1 : 0;
              sum += count;
            }
          }
          if (added < bestNew
              || (added == bestNew && zeros < bestZeros)
              || (added == bestNew && zeros == bestZeros && sum < bestSum)) {
            bestNew = added;
            bestZeros = zeros;
            bestSum = sum;
            bestRow = r2;
            bestColumn = c2;
          }
        }
      }
    }
    if (bestRow < 0) {
      return false;
    }
    for (int[] cell : new int[][] {{r, bestColumn}, {bestRow, bestColumn}, {bestRow, c}}) {
      if (flags[cell[0]][cell[1]] == Suppression.NONE) {
        flags[cell[0]][cell[1]] = Suppression.SECONDARY;
      }
    }
    return true;
  }
}
