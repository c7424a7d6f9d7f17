package org.vansdk.anonymisation.table;

import org.vansdk.anonymisation.AnonymisationException;

/**
 * A two-way table of non-negative counts with its row totals, column totals and grand total.
 * Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class CountTable {
  private final long[][] cells;
  private final long[] rowTotals;
  private final long[] columnTotals;
  private final long grandTotal;

  private CountTable(long[][] cells, long[] rowTotals, long[] columnTotals, long grandTotal) {
    this.cells = cells;
    this.rowTotals = rowTotals;
    this.columnTotals = columnTotals;
    this.grandTotal = grandTotal;
  }

  /**
   * Creates a table from its cells; the totals are their sums.
   *
   * @param cells rows of counts, all rows of the same length, at least one row and one column;
   *     copied
   * @return the table
   * @throws AnonymisationException {@code VAN-A-0007} if rows are ragged or a count is negative
   */
  public static CountTable of(long[][] cells) {
    int rows = cells.length;
    int columns = rows == 0 ? 0 : cells[0].length;
    if (rows == 0 || columns == 0) {
      throw invalid("a table needs at least one row and one column");
    }
    long[][] copy = new long[rows][];
    long[] rowTotals = new long[rows];
    long[] columnTotals = new long[columns];
    long grand = 0;
    for (int r = 0; r < rows; r++) {
      if (cells[r].length != columns) {
        throw invalid("row " + r + " has " + cells[r].length + " cells; expected " + columns);
      }
      copy[r] = cells[r].clone();
      for (int c = 0; c < columns; c++) {
        if (copy[r][c] < 0) {
          throw invalid("cell (" + r + ", " + c + ") is negative; counts are at least 0");
        }
        rowTotals[r] += copy[r][c];
        columnTotals[c] += copy[r][c];
        grand += copy[r][c];
      }
    }
    return new CountTable(copy, rowTotals, columnTotals, grand);
  }

  /**
   * Creates a table from its cells and declared totals, checking that they add up.
   *
   * @param cells rows of counts; copied
   * @param rowTotals the total of each row
   * @param columnTotals the total of each column
   * @param grandTotal the total of the table
   * @return the table
   * @throws AnonymisationException {@code VAN-A-0007} if a total differs from the sum of its cells
   */
  public static CountTable of(
      long[][] cells, long[] rowTotals, long[] columnTotals, long grandTotal) {
    CountTable t = of(cells);
    if (rowTotals.length != t.rows() || columnTotals.length != t.columns()) {
      throw invalid("totals do not match the table's " + t.rows() + "x" + t.columns() + " shape");
    }
    for (int r = 0; r < t.rows(); r++) {
      if (rowTotals[r] != t.rowTotals[r]) {
        throw invalid("row total " + r + " differs from the sum of its cells");
      }
    }
    for (int c = 0; c < t.columns(); c++) {
      if (columnTotals[c] != t.columnTotals[c]) {
        throw invalid("column total " + c + " differs from the sum of its cells");
      }
    }
    if (grandTotal != t.grandTotal) {
      throw invalid("grand total differs from the sum of the cells");
    }
    return t;
  }

  private static AnonymisationException invalid(String what) {
    return new AnonymisationException(AnonymisationException.INVALID_TABLE, what);
  }

  /**
   * Returns the number of rows.
   *
   * @return at least 1
   */
  public int rows() {
    return cells.length;
  }

  /**
   * Returns the number of columns.
   *
   * @return at least 1
   */
  public int columns() {
    return cells[0].length;
  }

  /**
   * Returns a cell.
   *
   * @param row the row
   * @param column the column
   * @return the count
   */
  public long cell(int row, int column) {
    return cells[row][column];
  }

  /**
   * Returns a row total.
   *
   * @param row the row
   * @return the total
   */
  public long rowTotal(int row) {
    return rowTotals[row];
  }

  /**
   * Returns a column total.
   *
   * @param column the column
   * @return the total
   */
  public long columnTotal(int column) {
    return columnTotals[column];
  }

  /**
   * Returns the grand total.
   *
   * @return the total
   */
  public long grandTotal() {
    return grandTotal;
  }

  /**
   * Value of the augmented table: row {@code rows()} holds column totals, column {@code columns()}
   * row totals.
   */
  long augmented(int row, int column) {
    boolean totalRow = row == rows();
    boolean totalColumn = column == columns();
    if (totalRow && totalColumn) {
      return grandTotal;
    }
    if (totalRow) {
      return columnTotals[column];
    }
    if (totalColumn) {
      return rowTotals[row];
    }
    return cells[row][column];
  }
}
