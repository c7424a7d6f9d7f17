package org.vansdk.ingest.source;

/**
 * One row of a source file: its 1-based row number (the spreadsheet row, or the CSV record counting
 * the header and blank lines) and its cells as text. Cells hold personal data: never log them.
 *
 * @param number the row number
 * @param cells the cells; a short row has fewer cells than the header
 */
public record SourceRow(long number, String[] cells) {
  /** Returns whether every cell is blank (a blank line or an empty spreadsheet row). */
  public boolean isBlank() {
    for (String c : cells) {
      if (c != null && !c.isBlank()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "row " + number + " (" + cells.length + " cells)";
  }
}
