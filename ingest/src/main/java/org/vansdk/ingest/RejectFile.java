package org.vansdk.ingest;

import java.io.OutputStream;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The reject file: a UTF-8 CSV with one line per problem of a rejected row — row number, source
 * column, output field, reason code and what was expected. It quotes no source value, so it holds
 * no personal data beyond what the row number points to. Not thread-safe.
 */
final class RejectFile implements AutoCloseable {
  /** The header of the reject file. */
  static final String[] HEADER = {"row", "column", "field", "code", "reason", "detail"};

  private final SequenceWriter writer;

  RejectFile(OutputStream out) {
    CsvMapper mapper = CsvMapper.builder().build();
    this.writer = mapper.writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(out);
    writer.write(HEADER);
  }

  void write(long row, Problem p) {
    writer.write(
        new String[] {
          Long.toString(row),
          p.column(),
          p.field(),
          p.reason().code().value(),
          p.reason().name().toLowerCase(java.util.Locale.ROOT),
          p.detail()
        });
  }

  void flush() {
    writer.flush();
  }

  @Override
  public void close() {
    writer.flush();
  }
}
