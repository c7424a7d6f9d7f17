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

class PayloadValidatorTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final PayloadValidator VALIDATOR = PayloadValidator.withClock(CLOCK);

  @Test
  void sampleSubmission_isValid() {
    String json = VanJson.strict().writePretty(Samples.submission());
    ValidationReport report = VALIDATOR.validate(json);
    assertTrue(report.isValid(), report::toString);
    assertTrue(report.issues().isEmpty(), report::toString);
  }

  @Test
  void everySampleRecord_isValidAlone() {
    Object[] records = {
      Samples.person(), Samples.incident(), Samples.casualty(), Samples.relation(),
      Samples.functioning(), Samples.needs(), Samples.organisation(), Samples.service(),
      Samples.serviceLocation(), Samples.delivery(), Samples.consent(), Samples.referral(),
      Samples.attempt(), Samples.survey(), Samples.deidentified()
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
        VanJson.strict().writePretty(Samples.casualty()).replace("\"injured\"", "\"hurt\"");
    ValidationReport report = VALIDATOR.validateRecord(RecordType.CASUALTY, json);
    assertFalse(report.isValid());
    ValidationIssue issue = report.issues().get(0);
    assertEquals(IssueCode.NOT_IN_CODE_LIST, issue.code(), report::toString);
    assertEquals("/outcome", issue.pointer());
    String[] lines = json.split("\n");
    assertTrue(lines[(int) issue.line() - 1].contains("\"outcome\""), report::toString);
  }
}
