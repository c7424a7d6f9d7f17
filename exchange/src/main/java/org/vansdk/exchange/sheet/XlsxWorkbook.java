package org.vansdk.exchange.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.vansdk.exchange.ExchangeException;

/**
 * An XLSX workbook written as a stream with POI's SXSSF: only a window of rows per sheet is in
 * memory, so a sheet of a million records needs little heap. {@link #sheet} starts a sheet and
 * returns it; rows may be appended to any started sheet in any interleaving; {@link #finish} writes
 * the file. Numbers ({@link Number}) become numeric cells, everything else text; the first row of a
 * sheet is bold. Not thread-safe; close it to free the temporary files.
 *
 * @since 1.0
 */
public final class XlsxWorkbook implements AutoCloseable {
  /** The largest number of rows a sheet holds (the XLSX limit, heading included). */
  public static final int MAX_ROWS = 1_048_576;

  private static final int WINDOW = 200;

  private final SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
  private final CellStyle bold;

  /** A new empty workbook. */
  public XlsxWorkbook() {
    book.setCompressTempFiles(true);
    Font f = book.createFont();
    f.setBold(true);
    bold = book.createCellStyle();
    bold.setFont(f);
  }

  /**
   * Starts a sheet with a heading row.
   *
   * @param name the sheet name: at most 31 characters, none of {@code : \ / ? * [ ]}
   * @param heading the heading row
   * @return the sheet, to append rows to
   */
  public Sheet sheet(String name, List<?> heading) {
    Sheet s = new Sheet(book.createSheet(name));
    Row r = s.write(heading);
    for (Cell c : r) {
      c.setCellStyle(bold);
    }
    s.sheet.createFreezePane(0, 1);
    return s;
  }

  /** A sheet of the workbook being written. Not thread-safe. */
  public static final class Sheet {
    private final SXSSFSheet sheet;
    private int next;

    private Sheet(SXSSFSheet sheet) {
      this.sheet = sheet;
    }

    /**
     * Appends a row.
     *
     * @throws ExchangeException {@code VAN-E-0002} when the sheet is full
     */
    public void row(List<?> values) {
      write(values);
    }

    private Row write(List<?> values) {
      if (next >= MAX_ROWS) {
        throw new ExchangeException(
            ExchangeException.EXPORT_FAILED,
            "sheet " + sheet.getSheetName() + " is full: XLSX holds " + MAX_ROWS + " rows a sheet");
      }
      Row r = sheet.createRow(next++);
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        if (v == null) {
          continue;
        }
        Cell c = r.createCell(i);
        if (v instanceof Number) {
          c.setCellValue(((Number) v).doubleValue());
        } else {
          c.setCellValue(v.toString());
        }
      }
      return r;
    }
  }

  /**
   * Writes the workbook; the stream is not closed.
   *
   * @throws ExchangeException {@code VAN-E-0002} if writing fails
   */
  public void finish(OutputStream out) {
    try {
      book.write(out);
    } catch (IOException e) {
      throw new ExchangeException(ExchangeException.EXPORT_FAILED, "cannot write the XLSX", e);
    }
  }

  @Override
  public void close() {
    try {
      book.close();
    } catch (IOException e) {
      throw new ExchangeException(ExchangeException.EXPORT_FAILED, "cannot close the XLSX", e);
    }
  }
}
