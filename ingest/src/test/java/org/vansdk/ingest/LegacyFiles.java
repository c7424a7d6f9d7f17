package org.vansdk.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.vansdk.testkit.legacy.LegacyExport;
import org.vansdk.testkit.legacy.LegacyLayout;
import org.vansdk.testkit.population.PopulationGenerator;

/** Writes the testkit's legacy rows as the files the shipped mappings read (CSV or XLSX). */
final class LegacyFiles {
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");

  private LegacyFiles() {}

  /** Writes the export's file: CSV from the testkit, or (IMSMA) an XLSX workbook. */
  static Path write(LegacyExport export, PopulationGenerator population, Path dir)
      throws IOException {
    if (export.layout() == LegacyLayout.IMSMA) {
      Path file = dir.resolve("imsma.xlsx");
      writeXlsx(export, population, file);
      return file;
    }
    Path file = dir.resolve(export.layout().name().toLowerCase() + ".csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      export.writeCsv(population, out);
    }
    return file;
  }

  /**
   * Writes the rows into sheet {@code Victims} with POI's streaming writer: ISO dates as date cells
   * (so the reader's date formatting is exercised), short digit strings as numbers.
   */
  static void writeXlsx(LegacyExport export, PopulationGenerator population, Path file)
      throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
      Sheet sheet = wb.createSheet("Victims");
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("d/m/yyyy"));
      writeRow(sheet.createRow(0), export.layout().header(), null);
      int[] next = {1};
      export.forEachRow(
          population,
          cells -> {
            Row row = sheet.createRow(next[0]++);
            writeRow(row, cells, dateStyle);
          });
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
      wb.dispose();
    }
  }

  private static void writeRow(Row row, List<String> cells, CellStyle dateStyle) {
    for (int i = 0; i < cells.size(); i++) {
      String v = cells.get(i);
      if (v.isEmpty()) {
        continue;
      }
      if (dateStyle != null && ISO_DATE.matcher(v).matches()) {
        var cell = row.createCell(i);
        cell.setCellValue(LocalDate.parse(v));
        cell.setCellStyle(dateStyle);
      } else if (dateStyle != null && NUMBER.matcher(v).matches() && !v.startsWith("0")) {
        row.createCell(i).setCellValue(Double.parseDouble(v));
      } else {
        row.createCell(i).setCellValue(v);
      }
    }
  }
}
