package org.vansdk.exchange.treaty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.vansdk.core.casualty.LandmineMonitorGroup;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.exchange.Golden;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.testkit.gen.VanGen;
import org.vansdk.testkit.junit.SeedSource;

class TreatyTablesTest {
  static final ReportingPeriod PERIOD =
      ReportingPeriod.of(LocalDate.of(1990, 1, 1), LocalDate.of(2025, 12, 31));

  static List<TreatyTable> tables(long seed, int threshold) {
    Submission s = VanGen.submission(seed);
    IndicatorEngine e = IndicatorEngine.builder().period(PERIOD).threshold(threshold).build();
    return TreatyTables.compute(e, e.load(s));
  }

  @ParameterizedTest(name = "seed {0}")
  @SeedSource(40)
  void unsuppressed_rowsAddUpToTheirTotal_andTablesAgree(long seed) {
    List<TreatyTable> t = tables(seed, 1);
    Map<String, Long> byYearFromGroups = new HashMap<>();
    for (TreatyTable table : t) {
      for (int r = 0; r < table.rows().size(); r++) {
        List<OptionalLong> cells = table.cells().get(r);
        long sum = 0;
        for (OptionalLong c : cells.subList(0, cells.size() - 1)) {
          sum += c.getAsLong();
        }
        assertEquals(cells.get(cells.size() - 1).getAsLong(), sum, "seed " + seed);
        if (table.kind() == TreatyTableKind.CASUALTIES_BY_YEAR_OUTCOME_GROUP) {
          byYearFromGroups.merge(table.rows().get(r).get(0), sum, Long::sum);
        }
      }
    }
    TreatyTable devices = t.get(1);
    Map<String, Long> byYearFromDevices = new HashMap<>();
    for (int r = 0; r < devices.rows().size(); r++) {
      List<OptionalLong> cells = devices.cells().get(r);
      byYearFromDevices.put(devices.rows().get(r).get(0), cells.get(cells.size() - 1).getAsLong());
    }
    byYearFromDevices.values().removeIf(v -> v == 0);
    byYearFromGroups.values().removeIf(v -> v == 0);
    assertEquals(byYearFromDevices, byYearFromGroups, "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @SeedSource(40)
  void suppressed_noSmallCountIsPublished(long seed) {
    for (TreatyTable table : tables(seed, 5)) {
      for (List<OptionalLong> row : table.cells()) {
        for (OptionalLong c : row) {
          assertTrue(c.isEmpty() || c.getAsLong() == 0 || c.getAsLong() >= 5, "seed " + seed);
        }
      }
    }
  }

  @Test
  void labels_inEachLanguage_andGoldenCsv() throws Exception {
    List<TreatyTable> t = tables(11, 5);
    assertEquals(
        List.of("man", "woman", "boy", "girl", "unknown"), t.get(0).columns(), "Monitor groups");
    for (LabelLanguage l : LabelLanguage.values()) {
      List<Object> head = t.get(0).grid(l).get(0);
      assertEquals(LandmineMonitorGroup.MAN.label(l), head.get(2), l.tag());
      StringWriter w = new StringWriter();
      TreatyExport.csv(t.get(0), l, w);
      Golden.assertMatches(
          "treaty/casualties_by_year_outcome_group_" + l.tag() + ".csv", w.toString());
    }
    for (TreatyTable table : t.subList(1, 3)) {
      StringWriter w = new StringWriter();
      TreatyExport.csv(table, LabelLanguage.EN, w);
      Golden.assertMatches("treaty/" + table.kind().code() + "_en.csv", w.toString());
    }
  }

  @Test
  void xlsx_hasASheetPerTable_withTheCounts() throws Exception {
    List<TreatyTable> t = tables(11, 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TreatyExport.xlsx(t, LabelLanguage.KM, out);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertEquals(3, book.getNumberOfSheets());
      for (int i = 0; i < 3; i++) {
        assertEquals(TreatyExport.sheetName(t.get(i)), book.getSheetName(i));
        assertTrue(book.getSheetAt(i).getRow(0).getCell(0).getStringCellValue().contains("("));
        List<OptionalLong> first = t.get(i).cells().get(0);
        int totalColumn = t.get(i).kind().rows().size() + t.get(i).columns().size();
        assertEquals(
            first.get(first.size() - 1).getAsLong(),
            (long) book.getSheetAt(i).getRow(2).getCell(totalColumn).getNumericCellValue());
      }
    }
  }
}
