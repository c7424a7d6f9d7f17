package org.vansdk.ingest.source;

import java.util.List;

/** Receives a source's header and rows, in file order. */
public interface RowSink {
  /**
   * Receives the header row.
   *
   * @param names the column names, normalised
   */
  void header(List<String> names);

  /**
   * Receives a data row (after the header row).
   *
   * @param row the row
   */
  void row(SourceRow row);
}
