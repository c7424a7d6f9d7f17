package org.vansdk.exchange.sheet;

import java.io.Writer;
import java.util.List;
import org.vansdk.exchange.ExchangeException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * One CSV table written as a stream with Jackson's CSV generator (RFC 4180 quoting, UTF-8 text as
 * given): a heading row, then rows; values are written with {@code toString()}, absent ones empty.
 * Not thread-safe; close it to flush (the writer is not closed).
 *
 * @since 1.0
 */
public final class CsvTable implements AutoCloseable {
  private static final CsvMapper CSV = CsvMapper.builder().build();

  private final SequenceWriter out;

  private CsvTable(SequenceWriter out) {
    this.out = out;
  }

  /**
   * Starts a table with its heading row.
   *
   * @throws ExchangeException {@code VAN-E-0002} if writing fails
   */
  public static CsvTable start(Writer writer, List<?> heading) {
    try {
      CsvTable t =
          new CsvTable(
              CSV.writer(CsvSchema.emptySchema())
                  .without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
                  .writeValues(writer));
      t.row(heading);
      return t;
    } catch (JacksonException e) {
      throw new ExchangeException(ExchangeException.EXPORT_FAILED, "cannot write CSV", e);
    }
  }

  /**
   * Appends a row.
   *
   * @throws ExchangeException {@code VAN-E-0002} if writing fails
   */
  public void row(List<?> values) {
    String[] cells = new String[values.size()];
    for (int i = 0; i < cells.length; i++) {
      Object v = values.get(i);
      cells[i] = v == null ? "" : v.toString();
    }
    try {
      out.write(cells);
    } catch (JacksonException e) {
      throw new ExchangeException(ExchangeException.EXPORT_FAILED, "cannot write CSV", e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (JacksonException e) {
      throw new ExchangeException(ExchangeException.EXPORT_FAILED, "cannot write CSV", e);
    }
  }
}
