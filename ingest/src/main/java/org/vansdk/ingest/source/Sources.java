package org.vansdk.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vansdk.ingest.IngestException;
import org.vansdk.ingest.mapping.MappingModel.SourceSpec;
import org.vansdk.ingest.mapping.SourceFormat;

/** Opens a source file in the format a mapping declares and streams its rows to a sink. */
public final class Sources {
  private Sources() {}

  /**
   * Reads a source file: the rows before the header row are skipped, the header row goes to {@link
   * RowSink#header}, every later row to {@link RowSink#row}.
   *
   * @param path the file
   * @param spec the format and its options
   * @param limits the safety limits
   * @param sink receives the rows
   * @throws IngestException if the file is too large, malformed, in another encoding or lacks its
   *     header row
   */
  public static void read(Path path, SourceSpec spec, SourceLimits limits, RowSink sink) {
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw new IngestException(
          IngestException.SOURCE_MALFORMED,
          "cannot read " + path.getFileName() + ": " + e.getClass().getSimpleName(),
          e);
    }
    if (size > limits.maxFileBytes()) {
      throw new IngestException(
          IngestException.SOURCE_TOO_LARGE,
          path.getFileName()
              + " has "
              + String.format("%,d", size)
              + " bytes; the limit is "
              + String.format("%,d", limits.maxFileBytes())
              + " (split the export, or raise the limit)");
    }
    if (spec.format() == SourceFormat.CSV) {
      CsvRows.read(path, spec, limits, sink);
    } else {
      XlsxRows.read(path, spec, limits, sink);
    }
  }
}
