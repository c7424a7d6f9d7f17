package org.vansdk.schema.validation;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target of {@link MessageValidator}: the stored inputs under {@code
 * MessageValidatorFuzzTestInputs/validate/} in the normal build, fuzzing with {@code
 * JAZZER_FUZZ=1}. Each input must give a report with the properties of {@link FuzzProperties}, and
 * a message issue never carries a value.
 */
class MessageValidatorFuzzTest {
  private static final MessageValidator VALIDATOR = MessageValidator.create();

  @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
  void validate(byte[] input) {
    ValidationReport report = FuzzProperties.check(true, () -> VALIDATOR.validate(input));
    for (ValidationIssue i : report.issues()) {
      if (i.value().isPresent()
          && i.code() != IssueCode.UNSUPPORTED_VERSION
          && i.code() != IssueCode.NEWER_MINOR_VERSION) {
        throw new AssertionError("a message issue carries a value: " + i);
      }
    }
  }
}
