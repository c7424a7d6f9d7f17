package org.vansdk.ingest.source;

/**
 * Safety limits on a source file, checked before and while reading so that a huge or hostile file
 * gives an error instead of exhausting memory.
 *
 * @param maxFileBytes the largest source file accepted
 * @param maxCellChars the longest cell
 * @param maxColumns the most cells in a row
 * @param maxExpandedBytes the most bytes an XLSX part may expand to
 */
public record SourceLimits(
    long maxFileBytes, int maxCellChars, int maxColumns, long maxExpandedBytes) {
  /** 1 GiB files, 32,767-character cells (Excel's own limit), 1,000 columns, 4 GiB parts. */
  public static final SourceLimits DEFAULT = new SourceLimits(1L << 30, 32_767, 1_000, 4L << 30);
}
