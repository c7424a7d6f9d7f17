package org.vansdk.benchmarks.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.vansdk.testkit.legacy.LegacyExport;
import org.vansdk.testkit.legacy.LegacyLayout;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;

/** Writes the benchmark inputs: synthetic legacy exports of a given number of casualty rows. */
final class LegacySource {
  private LegacySource() {}

  static PopulationGenerator population(LegacyLayout layout, long rows) {
    return PopulationGenerator.of(
        PopulationSpec.builder()
            .country(layout.country())
            .casualties(rows)
            .seed(42)
            .careFlow(false)
            .build());
  }

  /** A CMVIS-style CSV of {@code rows} casualties. */
  static void writeCsv(Path file, long rows) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      LegacyExport.of(LegacyLayout.CMVIS).writeCsv(population(LegacyLayout.CMVIS, rows), out);
    }
  }

  /** An IMSMA-style workbook (sheet Victims) of {@code rows} casualties, written as a stream. */
  static void writeXlsx(Path file, long rows) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      wb.setCompressTempFiles(true);
      Sheet sheet = wb.createSheet("Victims");
      Row header = sheet.createRow(0);
      int c = 0;
      for (String name : LegacyLayout.IMSMA.header()) {
        header.createCell(c++).setCellValue(name);
      }
      int[] next = {1};
      LegacyExport.of(LegacyLayout.IMSMA)
          .forEachRow(
              population(LegacyLayout.IMSMA, rows),
              cells -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < cells.size(); i++) {
                  if (!cells.get(i).isEmpty()) {
                    row.createCell(i).setCellValue(cells.get(i));
                  }
                }
              });
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        wb.write(out);
      }
      wb.dispose();
    }
  }
}
