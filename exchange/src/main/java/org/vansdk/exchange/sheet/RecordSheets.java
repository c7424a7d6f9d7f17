package org.vansdk.exchange.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.submission.RecordType;
import org.vansdk.exchange.ExchangeException;

/**
 * Writes records of any types, in any order, as tables (see {@link RecordTables}): either one XLSX
 * workbook with a sheet per record type, or a directory with one CSV file per record type ({@code
 * person.csv}, {@code casualty.csv}...). Records are streamed: memory does not grow with their
 * number. Not thread-safe; {@link #close} finishes the output.
 *
 * @since 1.0
 */
public final class RecordSheets implements AutoCloseable {
  private final LabelLanguage language;
  private final XlsxWorkbook book;
  private final OutputStream xlsxOut;
  private final Path csvDir;
  private final Map<RecordType, XlsxWorkbook.Sheet> sheets = new EnumMap<>(RecordType.class);
  private final Map<RecordType, Writer> writers = new EnumMap<>(RecordType.class);
  private final Map<RecordType, CsvTable> tables = new EnumMap<>(RecordType.class);
  private long count;

  private RecordSheets(LabelLanguage language, OutputStream xlsxOut, Path csvDir) {
    this.language = language;
    this.xlsxOut = xlsxOut;
    this.csvDir = csvDir;
    this.book = xlsxOut == null ? null : new XlsxWorkbook();
  }

  /** Records to one XLSX workbook written to the stream on {@link #close} (not closed). */
  public static RecordSheets xlsx(OutputStream out, LabelLanguage language) {
    return new RecordSheets(language, out, null);
  }

  /**
   * Records to CSV files in a directory, created if needed.
   *
   * @throws ExchangeException {@code VAN-E-0002} if the directory cannot be created
   */
  public static RecordSheets csv(Path directory, LabelLanguage language) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new ExchangeException(
          ExchangeException.EXPORT_FAILED, "cannot create the output directory", e);
    }
    return new RecordSheets(language, null, directory);
  }

  /**
   * Adds a record to the table of its type.
   *
   * @throws IllegalArgumentException if it is not a record of the model
   * @throws ExchangeException {@code VAN-E-0002} if writing fails or a sheet is full
   */
  public void add(Object record) {
    RecordType type = RecordType.of(record);
    if (book != null) {
      sheets
          .computeIfAbsent(type, t -> book.sheet(t.code(), RecordTables.headings(t, language)))
          .row(RecordTables.row(record, language));
    } else {
      tables.computeIfAbsent(type, this::open).row(RecordTables.row(record, language));
    }
    count++;
  }

  private CsvTable open(RecordType type) {
    try {
      Writer w =
          Files.newBufferedWriter(csvDir.resolve(type.code() + ".csv"), StandardCharsets.UTF_8);
      writers.put(type, w);
      return CsvTable.start(w, RecordTables.headings(type, language));
    } catch (IOException e) {
      throw new ExchangeException(
          ExchangeException.EXPORT_FAILED, "cannot write " + type.code(), e);
    }
  }

  /** The number of records added. */
  public long count() {
    return count;
  }

  /**
   * Finishes the output: writes the workbook, or closes the CSV files.
   *
   * @throws ExchangeException {@code VAN-E-0002} if writing fails
   */
  @Override
  public void close() {
    if (book != null) {
      try (XlsxWorkbook b = book) {
        b.finish(xlsxOut);
      }
      return;
    }
    for (CsvTable t : tables.values()) {
      t.close();
    }
    for (Writer w : writers.values()) {
      try {
        w.close();
      } catch (IOException e) {
        throw new ExchangeException(ExchangeException.EXPORT_FAILED, "cannot close a CSV file", e);
      }
    }
  }
}
