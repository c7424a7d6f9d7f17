package org.vansdk.anonymisation.table;

import java.util.OptionalLong;

/**
 * A {@link CountTable} after small-cell protection: every cell, row total, column total and the
 * grand total is either published or suppressed, with the reason. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class ProtectedTable {
  private final CountTable table;
  private final Suppression[][] flags; // augmented (rows + 1) x (columns + 1)

  ProtectedTable(CountTable table, Suppression[][] flags) {
    this.table = table;
    this.flags = flags;
  }

  /**
   * Returns the number of rows.
   *
   * @return at least 1
   */
  public int rows() {
    return table.rows();
  }

  /**
   * Returns the number of columns.
   *
   * @return at least 1
   */
  public int columns() {
    return table.columns();
  }

  /**
   * Returns why a cell is or is not published.
   *
   * @param row the row
   * @param column the column
   * @return the suppression of the cell
   */
  public Suppression cellSuppression(int row, int column) {
    return flags[row][column];
  }

  /**
   * Returns why a row total is or is not published.
   *
   * @param row the row
   * @return the suppression of the total
   */
  public Suppression rowTotalSuppression(int row) {
    return flags[row][table.columns()];
  }

  /**
   * Returns why a column total is or is not published.
   *
   * @param column the column
   * @return the suppression of the total
   */
  public Suppression columnTotalSuppression(int column) {
    return flags[table.rows()][column];
  }

  /**
   * Returns why the grand total is or is not published.
   *
   * @return the suppression of the grand total
   */
  public Suppression grandTotalSuppression() {
    return flags[table.rows()][table.columns()];
  }

  /**
   * Returns a cell's count if published.
   *
   * @param row the row
   * @param column the column
   * @return the count, or empty if suppressed
   */
  public OptionalLong cell(int row, int column) {
    return published(row, column);
  }

  /**
   * Returns a row total if published.
   *
   * @param row the row
   * @return the total, or empty if suppressed
   */
  public OptionalLong rowTotal(int row) {
    return published(row, table.columns());
  }

  /**
   * Returns a column total if published.
   *
   * @param column the column
   * @return the total, or empty if suppressed
   */
  public OptionalLong columnTotal(int column) {
    return published(table.rows(), column);
  }

  /**
   * Returns the grand total if published.
   *
   * @return the total, or empty if suppressed
   */
  public OptionalLong grandTotal() {
    return published(table.rows(), table.columns());
  }

  private OptionalLong published(int row, int column) {
    return flags[row][column] == Suppression.NONE
        ? OptionalLong.of(table.augmented(row, column))
        : OptionalLong.empty();
  }

  /**
   * Counts the cells and margins suppressed for a reason.
   *
   * @param reason {@link Suppression#PRIMARY} or {@link Suppression#SECONDARY}
   * @return how many cells and margins carry that flag
   */
  public int count(Suppression reason) {
    int n = 0;
    for (Suppression[] row : flags) {
      for (Suppression s : row) {
        if (s == reason) {
          n++;
        }
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "ProtectedTable["
        + rows()
        + "x"
        + columns()
        + ", primary="
        + count(Suppression.PRIMARY)
        + ", secondary="
        + count(Suppression.SECONDARY)
        + "]";
  }
}
