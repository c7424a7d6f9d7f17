package org.vansdk.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.submission.RecordType;
import tools.jackson.databind.node.ObjectNode;

/** Row-level behaviour of an import and the clear errors for unusable files. */
class ImporterTest {
  private static final String HEADER =
      "Casualty No,Person No,Incident No,CMVIS ID,Name,Sex,Date of Birth,Age,Home Province,"
          + "Incident Date,Incident Province,Accident Type,Device Type,Activity,Status,"
          + "Victim Type,Died Later On,Mine Risk Education\r\n";

  @TempDir Path dir;

  record Result(ImportSummary summary, String out, String rejects) {}

  private Result importCmvis(String rows) throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, HEADER + rows);
    return run(Mapping.shipped(ShippedMapping.CMVIS), csv);
  }

  private static Result run(Mapping mapping, Path file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream rejects = new ByteArrayOutputStream();
    ImportSummary s = Importer.of(mapping).withClock(RoundTripTest.CLOCK).run(file, out, rejects);
    assertEquals(s.read(), s.accepted() + s.rejected(), "read = accepted + rejected");
    return new Result(
        s, out.toString(StandardCharsets.UTF_8), rejects.toString(StandardCharsets.UTF_8));
  }

  private static String row(String casualty, String person, String name, String birth, String age) {
    return casualty
        + ","
        + person
        + ",I1,,"
        + name
        + ",F,"
        + birth
        + ","
        + age
        + ",Battambang,14/6/2019,បាត់ដំបង,EO accident,AP Mine,Farming,Injured,Civilian,,No\r\n";
  }

  @Test
  void samePersonOnSeveralRows_isOnePerson_andReimportGivesTheSameBytes() throws IOException {
    String rows =
        row("C1", "P1", "Dara Sok", "2/3/1980", "39")
            + row("C2", "P1", "Dara Sok", "2/3/1980", "39")
            + row("C3", "P2", "Sokha Chan", "1990", "");
    Result first = importCmvis(rows);
    assertEquals(3, first.summary().accepted(), first.rejects());
    assertEquals(2L, first.summary().written().get(RecordType.PERSON));
    assertEquals(1L, first.summary().written().get(RecordType.INCIDENT));
    assertEquals(3L, first.summary().written().get(RecordType.CASUALTY));
    assertTrue(first.out().contains("\"id\":\"KHM-CMAA-P1\""), first.out());
    assertTrue(
        first
            .out()
            .contains(
                "\"location\":{\"adminArea\":{\"level\":1,\"name\":\"Battambang\",\"pCode\":\"KH02\"}"));
    assertTrue(first.out().contains("\"birthDate\":\"1990\",\"birthDateEstimated\":true"));
    Result again = importCmvis(rows);
    assertArrayEquals(first.out().getBytes(), again.out().getBytes(), "deterministic ids");
  }

  @Test
  void samePersonWithOtherValues_rejectsTheLaterRowOnly() throws IOException {
    Result r =
        importCmvis(
            row("C1", "P1", "Dara Sok", "2/3/1980", "39")
                + row("C2", "P1", "Dara Sok", "2/3/1981", "38"));
    assertEquals(1, r.summary().accepted());
    assertEquals(1, r.summary().rejected());
    assertTrue(
        r.rejects().contains("3,\"Person No\",person/id,VAN-G-0108,conflicting_duplicate"),
        r.rejects());
  }

  @Test
  void everyBadRowIsRejectedWithRowColumnAndCode_andNoValueIsQuoted() throws IOException {
    String rows =
        row("C1", "P1", "Dara Sok", "31/2/1980", "39")
            + row("C2", "P2", "Vuthy Keo", "2/3/1980", "70")
            + row("C3", "P3 x", "Rithy Heng", "2/3/1980", "39")
            + row("C4", "P4", "Piseth Sun", "2/3/1980", "39").replace("Battambang", "Atlantis")
            + row("C5", "P5", "Sokha Ouk", "2/3/1980", "").replace("14/6/2019", "14/6/2030")
            + row("C6", "P6", "Nary Sam", "2/3/1980", "39").replace(",No\r\n", ",No,extra\r\n")
            + "\r\n"
            + row("C7", "P7", "Chanthy Prak", "២/៣/២៥២៣", "៣៩");
    Result r = importCmvis(rows);
    assertEquals(7, r.summary().read());
    assertEquals(1, r.summary().blank());
    assertEquals(1, r.summary().accepted(), r.rejects());
    List<String> lines = List.of(r.rejects().split("\r?\n"));
    assertTrue(
        lines.contains(
            "2,\"Date of Birth\",person/birthDate,VAN-G-0104,invalid_date,\"expected one of [d/M/yyyy, M/yyyy, yyyy] on the calendar\""),
        r.rejects());
    assertTrue(
        r.rejects().contains("3,Age,casualty/ageAtIncident,VAN-G-0109,age_mismatch"), r.rejects());
    assertTrue(
        r.rejects().contains("4,\"Person No\",person/id,VAN-G-0107,invalid_key"), r.rejects());
    assertTrue(
        r.rejects().contains("5,\"Home Province\",person/residence,VAN-G-0106,unknown_area"),
        r.rejects());
    assertTrue(
        r.rejects()
            .contains("6,\"Incident Date\",incident/date,VAN-G-0111,invalid_record,\"VAN-S-"),
        r.rejects());
    assertTrue(r.rejects().contains("7,\"#19\",,VAN-G-0101,ragged_row"), r.rejects());
    for (String secret : List.of("Vuthy", "Atlantis", "2030", "extra", "31/2")) {
      assertFalse(r.rejects().contains(secret), "the reject file quotes " + secret);
    }
    assertTrue(r.out().contains("\"birthDate\":\"1980-03-02\""), "Khmer digits, Buddhist Era");
  }

  @Test
  void aTextSeenBefore_readsAsBefore_pastTheMemoLimit_andABadTextIsRejectedEachTime()
      throws IOException {
    int n = ValueReader.MEMO_LIMIT + 50;
    StringBuilder rows = new StringBuilder();
    int bad = 0;
    for (int i = 0; i < n; i++) {
      java.time.LocalDate birth = java.time.LocalDate.of(1950, 1, 1).plusDays(i);
      String r =
          row(
              "C" + i,
              "P" + i,
              "Dara Sok",
              birth.getDayOfMonth() + "/" + birth.getMonthValue() + "/" + birth.getYear(),
              "");
      if (i % 1000 == 7) {
        r = r.replace("Battambang", "Atlantis");
        bad++;
      }
      rows.append(r);
    }
    Result r = importCmvis(rows.toString());
    assertEquals(n - bad, r.summary().accepted(), r.rejects());
    assertEquals(bad, r.rejects().split("unknown_area", -1).length - 1, r.rejects());
    java.time.LocalDate last = java.time.LocalDate.of(1950, 1, 1).plusDays(n - 1);
    assertTrue(r.out().contains("\"birthDate\":\"" + last + "\""), "a date past the memo's limit");
    assertEquals(
        n, r.out().split("\"residence\":\\{\"adminArea\":\\{\"level\":1,", -1).length - 1 + bad);
  }

  @Test
  void explicitUnknowns_becomeUnknownCodes_blanksStayAbsent() throws IOException {
    Result r =
        importCmvis("C1,P1,I1,,,មិនដឹង,,,,1998,Unknown,EO accident,?,Farming,N/A,Civilian,,\r\n");
    assertEquals(1, r.summary().accepted(), r.rejects());
    assertTrue(r.out().contains("\"sex\":\"unknown\""), r.out());
    assertTrue(r.out().contains("\"deviceCategory\":\"unknown\""), r.out());
    assertTrue(r.out().contains("\"outcome\":\"unknown\""), r.out());
    assertTrue(r.out().contains("\"date\":\"1998\",\"dateEstimated\":true"), r.out());
    assertFalse(r.out().contains("priorRiskEducation"), r.out());
    assertFalse(r.out().contains("\"name\""), r.out());
  }

  @Test
  void wrongEncodings_areClearErrors() throws IOException {
    Mapping cmvis = Mapping.shipped(ShippedMapping.CMVIS);
    Path utf16 = dir.resolve("utf16.csv");
    Files.write(
        utf16, (HEADER + row("C1", "P1", "Dara", "1980", "")).getBytes(StandardCharsets.UTF_16LE));
    assertCode(IngestException.SOURCE_ENCODING, "utf-16", () -> run(cmvis, utf16));

    Path thai = dir.resolve("thai.csv");
    Files.write(
        thai,
        (HEADER + row("C1", "P1", "สมชาย", "1980", "")).getBytes(Charset.forName("x-windows-874")));
    assertCode(IngestException.SOURCE_ENCODING, "not utf-8 text", () -> run(cmvis, thai));

    Mapping thaiMapping =
        withSource(cmvis, "{\"format\":\"csv\",\"encoding\":\"windows-874\"}", "THA");
    Path utf8 = dir.resolve("utf8.csv");
    Files.writeString(utf8, HEADER + row("C1", "P1", "สมชาย", "1980", ""));
    assertCode(IngestException.SOURCE_ENCODING, "is UTF-8", () -> run(thaiMapping, utf8));
  }

  @Test
  void windows874_thaiFileImports_withThaiProvinceNamesAndBuddhistYears() throws IOException {
    Mapping thaiMapping =
        withSource(
            Mapping.shipped(ShippedMapping.CMVIS),
            "{\"format\":\"csv\",\"encoding\":\"windows-874\"}",
            "THA");
    Path thai = dir.resolve("thai.csv");
    String r =
        "C1,P1,I1,,สมชาย ใจดี,M,๒/๓/๒๕๒๓,,สระแก้ว,14/6/2562,จังหวัดสระแก้ว,EO accident,AP Mine,Farming,Injured,Civilian,,No\r\n";
    Files.write(thai, (HEADER + r).getBytes(Charset.forName("x-windows-874")));
    Result result = run(thaiMapping, thai);
    assertEquals(1, result.summary().accepted(), result.rejects());
    assertTrue(result.out().contains("\"name\":\"สมชาย ใจดี\""), result.out());
    assertTrue(result.out().contains("\"pCode\":\"TH27\""), result.out());
    assertTrue(result.out().contains("\"date\":\"2019-06-14\""), result.out());
    assertTrue(result.out().contains("\"ageAtIncident\":39"), "derived from the dates");
  }

  /** The CMVIS mapping with another source block and country (provinces resolve there). */
  private static Mapping withSource(Mapping base, String source, String country) {
    var json = org.vansdk.core.json.VanJson.strict();
    ObjectNode doc = (ObjectNode) json.readTree(ShippedMapping.CMVIS.document());
    doc.set("source", json.readTree(source.getBytes(StandardCharsets.UTF_8)));
    doc.put("country", country);
    ((ObjectNode) doc.at("/records/person/fields/nationality")).put("constant", country);
    ((ObjectNode) doc.at("/records/incident/fields/reportingOrganisation"))
        .put("constant", country + "-CMAA-org");
    return Mapping.parse(json.writeBytes(doc), "thai.mapping.json");
  }

  @Test
  void unclosedQuote_missingColumn_hugeFile_areClearErrors() throws IOException {
    Mapping cmvis = Mapping.shipped(ShippedMapping.CMVIS);
    Path quote = dir.resolve("quote.csv");
    Files.writeString(quote, HEADER + "C1,\"P1,I1\r\n" + "x".repeat(40_000));
    assertCode(IngestException.SOURCE_TOO_LARGE, "row 2", () -> run(cmvis, quote));

    Path noColumn = dir.resolve("nocol.csv");
    Files.writeString(noColumn, HEADER.replace("Home Province", "Residence"));
    assertCode(IngestException.SOURCE_HEADER, "'Home Province'", () -> run(cmvis, noColumn));

    Path huge = dir.resolve("huge.csv");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(2L << 30);
    }
    assertCode(IngestException.SOURCE_TOO_LARGE, "2,147,483,648 bytes", () -> run(cmvis, huge));
    Files.delete(huge);
  }

  @Test
  void xlsxBombAndNonWorkbook_areClearErrors() throws IOException {
    Mapping imsma = Mapping.shipped(ShippedMapping.IMSMA);
    Path bomb = dir.resolve("bomb.xlsx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                  + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                  + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                  + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                  + "</Types>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("_rels/.rels"));
      zip.write(
          ("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                  + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                  + "</Relationships>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
      zip.write(
          ("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                  + "<sheets><sheet name=\"Victims\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/_rels/workbook.xml.rels"));
      zip.write(
          ("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                  + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                  + "</Relationships>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      StringBuilder header = new StringBuilder("<row>");
      for (String name : org.vansdk.testkit.legacy.LegacyLayout.IMSMA.header()) {
        header.append("<c t=\"inlineStr\"><is><t>").append(name).append("</t></is></c>");
      }
      zip.write(
          ("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                  + header
                  + "</row>")
              .getBytes(StandardCharsets.UTF_8));
      byte[] cell =
          "<row><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>"
              .getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 400_000; i++) {
        zip.write(cell);
      }
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
    }
    assertCode(IngestException.SOURCE_TOO_LARGE, "zip bomb", () -> run(imsma, bomb));

    Path notXlsx = dir.resolve("not.xlsx");
    Files.writeString(notXlsx, HEADER);
    assertCode(IngestException.SOURCE_MALFORMED, "not a readable XLSX", () -> run(imsma, notXlsx));
  }

  private static void assertCode(
      org.vansdk.core.ErrorCode code,
      String fragment,
      org.junit.jupiter.api.function.Executable run) {
    IngestException e = assertThrows(IngestException.class, run);
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @SuppressWarnings("unused")
  private static void write(Path p, OutputStream unused) {}
}
