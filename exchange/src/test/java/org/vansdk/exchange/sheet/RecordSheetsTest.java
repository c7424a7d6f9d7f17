package org.vansdk.exchange.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.person.Sex;
import org.vansdk.core.submission.RecordType;
import org.vansdk.core.submission.Submission;
import org.vansdk.exchange.Golden;
import org.vansdk.testkit.gen.SampleRecords;
import org.vansdk.testkit.gen.VanGen;
import org.vansdk.testkit.junit.SeedSource;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

class RecordSheetsTest {
  static List<Object> records(Submission s) {
    List<Object> all = new ArrayList<>();
    all.addAll(s.persons());
    all.addAll(s.incidents());
    all.addAll(s.casualties());
    all.addAll(s.affectedRelations());
    all.addAll(s.functioningAssessments());
    all.addAll(s.needsAssessments());
    all.addAll(s.organisations());
    all.addAll(s.services());
    all.addAll(s.serviceLocations());
    all.addAll(s.serviceDeliveries());
    all.addAll(s.consents());
    all.addAll(s.referrals());
    all.addAll(s.referralAttempts());
    all.addAll(s.qualityOfLifeSurveys());
    return all;
  }

  static Map<RecordType, Integer> counts(List<Object> records) {
    Map<RecordType, Integer> c = new EnumMap<>(RecordType.class);
    for (Object r : records) {
      c.merge(RecordType.of(r), 1, Integer::sum);
    }
    return c;
  }

  @ParameterizedTest(name = "seed {0}")
  @SeedSource(10)
  void xlsx_hasASheetPerRecordType_withEveryRecord(long seed) throws Exception {
    List<Object> records = records(VanGen.submission(seed));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RecordSheets sheets = RecordSheets.xlsx(out, LabelLanguage.TH)) {
      records.forEach(sheets::add);
    }
    Map<RecordType, Integer> counts = counts(records);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertEquals(counts.size(), book.getNumberOfSheets(), "seed " + seed);
      for (Map.Entry<RecordType, Integer> e : counts.entrySet()) {
        Sheet sheet = book.getSheet(e.getKey().code());
        assertEquals(e.getValue() + 1, sheet.getPhysicalNumberOfRows(), "seed " + seed);
        assertEquals(
            RecordTables.headings(e.getKey()).size(),
            sheet.getRow(0).getPhysicalNumberOfCells(),
            "seed " + seed);
      }
    }
  }

  @Test
  void csv_oneFilePerType_codeValuesInTheChosenLanguage(@TempDir Path dir) throws Exception {
    List<Object> records = records(VanGen.submission(4));
    try (RecordSheets sheets = RecordSheets.csv(dir, LabelLanguage.KM)) {
      records.forEach(sheets::add);
    }
    CsvMapper csv = CsvMapper.builder().build();
    for (Map.Entry<RecordType, Integer> e : counts(records).entrySet()) {
      Path file = dir.resolve(e.getKey().code() + ".csv");
      List<List<String>> rows;
      try (MappingIterator<List<String>> it =
          csv.readerForListOf(String.class)
              .with(CsvReadFeature.WRAP_AS_ARRAY)
              .readValues(file.toFile())) {
        rows = it.readAll();
      }
      assertEquals(e.getValue() + 1, rows.size(), e.getKey().code());
    }
    String persons = Files.readString(dir.resolve("person.csv"));
    assertTrue(
        persons.contains(Sex.MALE.label(LabelLanguage.KM))
            || persons.contains(Sex.FEMALE.label(LabelLanguage.KM)),
        "sex in Khmer");
  }

  @Test
  void sampleRecords_matchGoldenCsv(@TempDir Path dir) throws Exception {
    try (RecordSheets sheets = RecordSheets.csv(dir, LabelLanguage.EN)) {
      sheets.add(SampleRecords.person());
      sheets.add(SampleRecords.incident());
      sheets.add(SampleRecords.casualty());
      sheets.add(SampleRecords.service());
    }
    for (String f : List.of("person.csv", "incident.csv", "casualty.csv", "service.csv")) {
      Golden.assertMatches("records/" + f, Files.readString(dir.resolve(f)));
    }
  }
}
