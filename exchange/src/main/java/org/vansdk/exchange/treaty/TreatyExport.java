package org.vansdk.exchange.treaty;

import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.exchange.sheet.CsvTable;
import org.vansdk.exchange.sheet.XlsxWorkbook;
import org.vansdk.indicators.export.SdmxTimePeriod;

/**
 * Writes treaty and Monitor tables as CSV (one table per call, heading row first) or as one XLSX
 * workbook (a sheet per table: title and period, the table, the note on withheld cells), in one of
 * the network's languages. Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class TreatyExport {
  private TreatyExport() {}

  /** Writes one table as CSV in a language; the writer is flushed, not closed. */
  public static void csv(TreatyTable table, LabelLanguage language, Writer out) {
    List<List<Object>> grid = table.grid(language);
    try (CsvTable csv = CsvTable.start(out, grid.get(0))) {
      for (List<Object> row : grid.subList(1, grid.size())) {
        csv.row(row);
      }
    }
  }

  /** Writes the tables as one XLSX workbook in a language; the stream is not closed. */
  public static void xlsx(List<TreatyTable> tables, LabelLanguage language, OutputStream out) {
    try (XlsxWorkbook book = new XlsxWorkbook()) {
      for (TreatyTable t : tables) {
        XlsxWorkbook.Sheet sheet =
            book.sheet(
                sheetName(t),
                List.of(t.title(language) + " (" + SdmxTimePeriod.sdmx(t.period()) + ")"));
        for (List<Object> row : t.grid(language)) {
          sheet.row(row);
        }
        sheet.row(List.of());
        sheet.row(List.of(TreatyTable.withheldNote(language)));
      }
      book.finish(out);
    }
  }

  /** The sheet name of a table: its code, cut to XLSX's 31 characters. */
  static String sheetName(TreatyTable t) {
    String code = t.kind().code();
    return code.length() > 31 ? code.substring(0, 31) : code;
  }
}
