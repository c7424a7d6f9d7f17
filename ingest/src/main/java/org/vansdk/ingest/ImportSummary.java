package org.vansdk.ingest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.vansdk.core.submission.RecordType;

/**
 * The counts of an import: rows read, accepted and rejected (read = accepted + rejected), blank
 * rows skipped, and records written by type. Holds no source data. Immutable.
 */
public final class ImportSummary {
  private final long read;
  private final long accepted;
  private final long rejected;
  private final long blank;
  private final Map<RecordType, Long> written;

  ImportSummary(
      long read, long accepted, long rejected, long blank, Map<RecordType, Long> written) {
    this.read = read;
    this.accepted = accepted;
    this.rejected = rejected;
    this.blank = blank;
    this.written = Collections.unmodifiableMap(new EnumMap<>(written));
  }

  /** Returns the data rows read (after the header; blank rows not counted). */
  public long read() {
    return read;
  }

  /** Returns the rows whose records were all written. */
  public long accepted() {
    return accepted;
  }

  /** Returns the rows written to the reject file. */
  public long rejected() {
    return rejected;
  }

  /** Returns the blank rows skipped (empty lines, empty spreadsheet rows). */
  public long blank() {
    return blank;
  }

  /** Returns the records written, by type (a person or incident named on several rows once). */
  public Map<RecordType, Long> written() {
    return written;
  }

  /** Returns the total number of records written. */
  public long recordsWritten() {
    return written.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "read %,d rows: %,d accepted, %,d rejected (%,d blank rows skipped); wrote",
                read, accepted, rejected, blank));
    if (written.isEmpty()) {
      sb.append(" no records");
    }
    String sep = " ";
    for (Map.Entry<RecordType, Long> e : written.entrySet()) {
      sb.append(sep).append(String.format("%,d %s", e.getValue(), e.getKey().code()));
      sep = ", ";
    }
    return sb.toString();
  }
}
