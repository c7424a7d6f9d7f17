package org.vansdk.ingest.mapping;

/** The format of a source file. */
public enum SourceFormat {
  /** Delimited text. */
  CSV,
  /** An Office Open XML workbook, read as a stream. */
  XLSX
}
