package org.vansdk.examples;

import java.io.PrintStream;
import java.util.List;
import org.vansdk.core.submission.RecordType;
import org.vansdk.schema.validation.PayloadValidator;
import org.vansdk.schema.validation.ValidationIssue;
import org.vansdk.schema.validation.ValidationReport;

/**
 * Validate a payload: check a casualty record against the published schema and the semantic rules,
 * and print each problem as {@code CODE /pointer message}. Issues are data, never exceptions, and
 * their messages never repeat personal data, so they are safe to log or show to the sender.
 */
public final class ValidatePayload {
  /** A valid casualty, as a vendor's system would send it. */
  static final String VALID_CASUALTY =
      """
      {
        "id" : "KHM-CMAA-C000077",
        "personId" : "KHM-CMAA-P000123",
        "incidentId" : "KHM-CMAA-I000045",
        "outcome" : "injured",
        "civilianStatus" : "civilian",
        "ageAtIncident" : 34,
        "activityAtIncident" : "farming"
      }
      """;

  /** The same casualty with an outcome that is not in the code list. */
  static final String WRONG_CODE = VALID_CASUALTY.replace("\"injured\"", "\"hurt\"");

  private ValidatePayload() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static List<ValidationReport> run(PrintStream out) {
    // One validator serves the whole application: it is immutable and thread-safe, and loads
    // the schemas from the classpath only (no network).
    PayloadValidator validator = PayloadValidator.create();

    // validateRecord when you know the type; validate(String) detects it (record, Submission
    // or NDJSON line), and validateNdjson(InputStream) streams large files in bounded memory.
    ValidationReport valid = validator.validateRecord(RecordType.CASUALTY, VALID_CASUALTY);
    ValidationReport invalid = validator.validateRecord(RecordType.CASUALTY, WRONG_CODE);

    print(out, "valid casualty", valid);
    print(out, "casualty with a wrong code", invalid);
    return List.of(valid, invalid);
  }

  private static void print(PrintStream out, String what, ValidationReport report) {
    out.printf(
        "%s: %s (%d errors, %d warnings)%n",
        what,
        report.isValid() ? "valid" : "invalid",
        report.errors().size(),
        report.warnings().size());
    for (ValidationIssue issue : report.issues()) {
      // The line and column locate the issue in the text as sent (issue.line(), issue.column()).
      out.printf("  %s %s %s%n", issue.code().code(), issue.pointer(), issue.message());
    }
  }
}
