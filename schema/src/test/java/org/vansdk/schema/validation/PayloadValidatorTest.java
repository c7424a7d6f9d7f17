package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.RecordType;
import org.vansdk.testkit.gen.SampleRecords;

class PayloadValidatorTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final PayloadValidator VALIDATOR = PayloadValidator.withClock(CLOCK);

  @Test
  void sampleSubmission_isValid() {
    String json = VanJson.strict().writePretty(SampleRecords.submission());
    ValidationReport report = VALIDATOR.validate(json);
    assertTrue(report.isValid(), report::toString);
    assertTrue(report.issues().isEmpty(), report::toString);
  }

  @Test
  void everySampleRecord_isValidAlone() {
    Object[] records = {
      SampleRecords.person(), SampleRecords.incident(), SampleRecords.casualty(),
          SampleRecords.relation(),
      SampleRecords.functioning(), SampleRecords.needs(), SampleRecords.organisation(),
          SampleRecords.service(),
      SampleRecords.serviceLocation(), SampleRecords.delivery(), SampleRecords.consent(),
          SampleRecords.referral(),
      SampleRecords.attempt(), SampleRecords.survey(), SampleRecords.deidentified()
    };
    for (Object r : records) {
      String json = VanJson.strict().write(r);
      ValidationReport typed = VALIDATOR.validateRecord(RecordType.of(r), json);
      assertTrue(typed.issues().isEmpty(), RecordType.of(r) + ": " + typed);
      ValidationReport detected = VALIDATOR.validate(json);
      assertTrue(detected.issues().isEmpty(), "detected " + RecordType.of(r) + ": " + detected);
    }
  }

  @Test
  void wrongCode_isLocatedByLineAndColumn() {
    String json =
        VanJson.strict().writePretty(SampleRecords.casualty()).replace("\"injured\"", "\"hurt\"");
    ValidationReport report = VALIDATOR.validateRecord(RecordType.CASUALTY, json);
    assertFalse(report.isValid());
    ValidationIssue issue = report.issues().get(0);
    assertEquals(IssueCode.NOT_IN_CODE_LIST, issue.code(), report::toString);
    assertEquals("/outcome", issue.pointer());
    String[] lines = json.split("\n");
    assertTrue(lines[(int) issue.line() - 1].contains("\"outcome\""), report::toString);
  }

  @Test
  void jsonlFile_isReadAsNdjson_likeTheCli(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    byte[] stream = NdjsonValidationTest.sampleStream();
    for (String name : new String[] {"a.jsonl", "b.JSONL", "c.ndjson"}) {
      java.nio.file.Path file = dir.resolve(name);
      java.nio.file.Files.write(file, stream);
      assertTrue(PayloadValidator.isNdjson(file), name);
      ValidationReport report = VALIDATOR.validate(file);
      assertTrue(report.issues().isEmpty(), name + ": " + report);
    }
    java.nio.file.Path json = dir.resolve("d.json");
    java.nio.file.Files.write(json, stream);
    assertFalse(PayloadValidator.isNdjson(json));
    assertEquals(
        IssueCode.TRAILING_CONTENT,
        VALIDATOR.validate(json).issues().get(0).code(),
        "one document");
  }
}
