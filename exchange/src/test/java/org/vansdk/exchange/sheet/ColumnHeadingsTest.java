package org.vansdk.exchange.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.submission.RecordType;
import org.vansdk.testkit.gen.SampleRecords;

/** Column headings in the six languages, chosen by the language option. */
class ColumnHeadingsTest {
  @Test
  void everyColumnOfEveryType_hasALabelInEveryLanguage() {
    for (LabelLanguage l : LabelLanguage.values()) {
      for (RecordType t : RecordType.values()) {
        for (String c : RecordTables.columns(t)) {
          assertTrue(
              ColumnLabels.label(c, l).isPresent(),
              "no " + l.tag() + " label for " + t.code() + "." + c);
        }
      }
    }
  }

  @Test
  void headings_inTheChosenLanguage_keepTheFieldName() {
    List<String> en = RecordTables.headings(RecordType.PERSON, LabelLanguage.EN);
    List<String> km = RecordTables.headings(RecordType.PERSON, LabelLanguage.KM);
    assertEquals(en.size(), km.size());
    assertTrue(en.contains("Birth date (birthDate)"), en.toString());
    assertTrue(km.contains("ថ្ងៃខែឆ្នាំកំណើត (birthDate)"), km.toString());
    for (LabelLanguage l : LabelLanguage.values()) {
      if (l != LabelLanguage.EN) {
        assertNotEquals(en, RecordTables.headings(RecordType.PERSON, l), l.tag());
      }
    }
  }

  @Test
  void csv_headingRowInTheLanguage(@TempDir Path dir) throws Exception {
    try (RecordSheets s = RecordSheets.csv(dir, LabelLanguage.TH)) {
      s.add(SampleRecords.person());
    }
    String first = Files.readAllLines(dir.resolve("person.csv")).get(0);
    assertTrue(first.contains("วันเกิด (birthDate)"), first);
  }

  @Test
  void xlsx_writesWithLocalHeadings() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RecordSheets s = RecordSheets.xlsx(out, LabelLanguage.VI)) {
      s.add(SampleRecords.person());
    }
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(out.toByteArray()))) {
      var row = book.getSheet("person").getRow(0);
      boolean found = false;
      for (var cell : row) {
        found |= cell.getStringCellValue().equals("Ngày sinh (birthDate)");
      }
      assertTrue(found, "Vietnamese heading of birthDate");
    }
  }
}
