package org.vansdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code van} sub-commands in process and checks exit codes, output and files. */
class VanCommandTest {
  @TempDir static Path dir;
  static Path population;

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {}

  static Run van(String... args) {
    return vanWithInput(new byte[0], args);
  }

  static Run vanWithInput(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Van.execute(
            new java.io.ByteArrayInputStream(stdin),
            new PrintWriter(out),
            new PrintWriter(err),
            args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void generate() {
    population = dir.resolve("khm.ndjson");
    Run run =
        van(
            "generate",
            "--country",
            "KHM",
            "--persons",
            "300",
            "--seed",
            "7",
            "--out",
            population.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("300 casualties"), run.out());
  }

  @Test
  void generate_isDeterministic_andSubmissionModeWritesOneDocument() throws IOException {
    Path again = dir.resolve("again.ndjson");
    assertEquals(
        0, van("generate", "--persons", "300", "--seed", "7", "--out", again.toString()).code());
    assertEquals(-1L, Files.mismatch(population, again));
    Path submission = dir.resolve("small.json");
    assertEquals(
        0,
        van("generate", "--persons", "20", "--submission", "--out", submission.toString()).code());
    assertTrue(Files.readString(submission).startsWith("{\"schemaVersion\":\"1.0\""));
  }

  @Test
  void validate_generatedPopulation_isValid() {
    Run run = van("validate", population.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("1 file checked: 0 errors, 0 warnings"), run.out());
  }

  @Test
  void validate_badDocument_exit1_withLocatedIssue() throws IOException {
    Path bad = dir.resolve("bad.json");
    String line =
        Files.readAllLines(population).stream()
            .filter(l -> l.contains("\"type\":\"casualty\""))
            .findFirst()
            .orElseThrow();
    String record = line.substring(line.indexOf("\"record\":") + 9, line.length() - 1);
    Files.writeString(
        bad, record.replace("\"outcome\":\"", "\"outcome\":\"x"), StandardCharsets.UTF_8);
    Run run = van("validate", bad.toString());
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().contains(bad + ":1:"), run.out());
    assertTrue(run.out().contains("VAN-S-0013  /outcome"), run.out());
    Run json = van("validate", "--format", "json", bad.toString());
    assertEquals(1, json.code());
    assertTrue(json.out().contains("\"valid\":false"), json.out());
    assertTrue(json.out().contains("\"code\":\"VAN-S-0013\""), json.out());
  }

  @Test
  void validate_limitError_isLocated_andTheRootPointerIsTheEmptyString() throws IOException {
    Path deep = dir.resolve("deep.json");
    Files.writeString(
        deep, "{\"id\":\"KHM-CMAA-P1\",\n\"sex\":" + "[".repeat(80) + "]".repeat(80) + "}");
    Run text = van("validate", deep.toString());
    assertEquals(1, text.code(), text.out() + text.err());
    assertTrue(text.out().contains(deep + ":2:"), text.out());
    assertTrue(text.out().contains("VAN-S-0002  /sex/0/0/"), text.out());
    Run json = van("validate", "--format", "json", deep.toString());
    assertTrue(json.out().contains("\"pointer\":\"/sex/0/0/"), json.out());
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "");
    Run root = van("validate", "--format", "json", empty.toString());
    assertTrue(root.out().contains("\"pointer\":\"\""), root.out());
    assertTrue(van("validate", empty.toString()).out().contains("VAN-S-0001  \"\"  "));
  }

  @Test
  void usageErrors_exit2_inOneLine() {
    Run missing = van("validate", dir.resolve("nope.json").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());
    Run unknown = van("frobnicate");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("Try 'van --help'."), unknown.err());
    assertTrue(van("validate").err().contains("Try 'van validate --help'."));
    Run badPeriod = van("indicators", population.toString(), "--period", "last week");
    assertEquals(2, badPeriod.code());
    assertTrue(badPeriod.err().contains("--period must be"), badPeriod.err());
    assertFalse(badPeriod.err().contains("\tat "), "no stack trace without --debug");
  }

  @Test
  void help_hasExamples() {
    for (String sub :
        new String[] {
          "validate", "generate", "anonymise", "indicators", "export", "schemas", "docs", "demo"
        }) {
      Run run = van(sub, "--help");
      assertEquals(0, run.code(), sub);
      assertTrue(run.out().contains("Example"), sub + ": " + run.out());
    }
  }

  @Test
  void indicators_printTable_andExportCsvAndJson() throws IOException {
    Run table =
        van(
            "indicators",
            population.toString(),
            "--period",
            "1979-01-01..2025-12-31",
            "--indicators",
            "CAS-01,CAS-05",
            "--by",
            "sex");
    assertEquals(0, table.code(), table.err());
    assertTrue(table.out().contains("CAS-01   sex=male"), table.out());
    assertTrue(table.out().contains("observations"), table.out());
    Path csv = dir.resolve("ind.csv");
    assertEquals(
        0,
        van("indicators", population.toString(), "--period", "2025", "--out", csv.toString())
            .code());
    assertTrue(Files.readString(csv).lines().count() > 10);
    Path json = dir.resolve("ind.json");
    Run toJson =
        van(
            "indicators",
            population.toString(),
            "--period",
            "1979-01-01..2025-12-31",
            "--out",
            json.toString());
    assertEquals(0, toJson.code(), toJson.err());
    assertTrue(Files.readString(json).contains("CAS-01"));
  }

  @Test
  void export_everyFormat_writesItsFiles() throws IOException {
    String in = population.toString();
    String period = "1979-01-01..2025-12-31";
    Path hsds = dir.resolve("hsds");
    Run h = van("export", in, "--format", "hsds", "--out", hsds.toString());
    assertEquals(0, h.code(), h.err());
    assertTrue(Files.readString(hsds.resolve("services.json")).contains("\"taxonomy_term\""));
    Path sdmx = dir.resolve("ind-sdmx.csv");
    Run s =
        van(
            "export",
            in,
            "--format",
            "SDMX",
            "--period",
            period,
            "--country",
            "KHM",
            "--out",
            "" + sdmx);
    assertEquals(0, s.code(), s.err());
    assertTrue(Files.readString(sdmx).contains(",I,CAS-01,KHM,"));
    Path adx = dir.resolve("ind.adx.xml");
    Run a =
        van(
            "export",
            in,
            "--format",
            "adx",
            "--period",
            period,
            "--org-unit",
            "KH",
            "--out",
            "" + adx);
    assertEquals(0, a.code(), a.err());
    assertTrue(Files.readString(adx).contains("orgUnit=\"KH\""));
    Path treaty = dir.resolve("treaty.xlsx");
    Run t =
        van(
            "export",
            in,
            "--format",
            "treaty",
            "--period",
            period,
            "--lang",
            "km",
            "--out",
            "" + treaty);
    assertEquals(0, t.code(), t.err());
    assertTrue(Files.size(treaty) > 1000);
    Path treatyCsv = dir.resolve("treaty");
    assertEquals(
        0,
        van("export", in, "--format", "treaty", "--period", period, "--out", "" + treatyCsv)
            .code());
    assertTrue(Files.exists(treatyCsv.resolve("casualties_by_year_device.csv")));
    Path xlsx = dir.resolve("records.xlsx");
    Run x = van("export", in, "--format", "xlsx", "--lang", "th", "--out", "" + xlsx);
    assertEquals(0, x.code(), x.err());
    assertTrue(x.out().contains("records to"), x.out());
    Path csv = dir.resolve("records");
    assertEquals(0, van("export", in, "--format", "csv", "--out", "" + csv).code());
    assertTrue(Files.readString(csv.resolve("casualty.csv")).lines().count() > 300);
    Run bad = van("export", in, "--format", "dhis", "--out", "" + csv);
    assertEquals(Van.ERROR, bad.code());
    assertTrue(bad.err().contains("allowed: hsds, sdmx, adx, treaty, xlsx, csv"), bad.err());
    Run badLang = van("export", in, "--format", "csv", "--lang", "fr", "--out", "" + csv);
    assertEquals(Van.ERROR, badLang.code());
    assertTrue(badLang.err().contains("--lang"), badLang.err());
  }

  @Test
  void schemas_writesEveryPublishedFile() throws IOException {
    Path out = dir.resolve("schemas");
    Run run = van("schemas", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    try (var files = Files.walk(out.resolve("1.0"))) {
      assertEquals(SchemasCommand.schemaFiles().size(), files.filter(Files::isRegularFile).count());
    }
    assertTrue(Files.readString(out.resolve("1.0/casualty.schema.json")).contains("2020-12"));
    assertTrue(
        Files.readString(out.resolve("1.0/message/message.schema.json"))
            .contains("\"$ref\": \"referral-request.schema.json\""));
    assertTrue(Files.exists(out.resolve("1.0/message/envelope.schema.json")));
  }

  @Test
  void anonymise_writesRegionalProfileAndAudit_andPrintsRisk() throws IOException {
    Path key = dir.resolve("key.b64");
    Files.writeString(
        key, java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'Q'));
    Path regional = dir.resolve("regional.ndjson");
    Run run =
        van("anonymise", "--key-file", key.toString(), population.toString(), regional.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("before"), run.out());
    assertTrue(run.out().contains("after"), run.out());
    assertTrue(run.out().contains("local recoding"), run.out());
    assertTrue(run.out().contains("casualties by province and year: "), run.out());
    String first = Files.readAllLines(regional).get(0);
    assertTrue(first.contains("\"pseudonym\":\"v1."), first);
    assertTrue(
        Files.readString(dir.resolve("regional.ndjson.audit.json")).contains("policySha256"));
    Path again = dir.resolve("regional2.ndjson");
    assertEquals(
        0,
        van("anonymise", "--key-file", key.toString(), population.toString(), again.toString())
            .code());
    assertEquals(
        -1L, Files.mismatch(regional, again), "same input, key and policy give the same bytes");
    Run example = van("anonymise", "--example-policy");
    assertTrue(example.out().contains("\"k\": 5"), example.out());
  }

  @Test
  void anonymise_withoutKey_isAUsageError() {
    Run run = van("anonymise", population.toString(), dir.resolve("x.ndjson").toString());
    assertEquals(System.getenv("VAN_PSEUDONYM_KEY") == null ? 2 : 0, run.code(), run.err());
  }

  @Test
  void demo_tellsTheWholeStory() {
    Run run = van("demo", "--persons", "300", "--dir", dir.resolve("demo").toString());
    assertEquals(0, run.code(), run.out() + run.err());
    for (String step :
        new String[] {
          "1. Generate",
          "2. Validate",
          "3. Refer",
          "4. Anonymise",
          "questions the release can still answer",
          "5. Compute",
          "Demo complete"
        }) {
      assertTrue(run.out().contains(step), step + " missing:\n" + run.out());
    }
    assertTrue(
        run.out().contains("status at referrer: completed, at receiver: completed"), run.out());
    assertTrue(run.out().contains("verified"), run.out());
    assertFalse(run.out().contains("+855"), "no personal data in the demo output");
  }
}
