package org.vansdk.schema.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One-line checks for a vendor's tests: {@code PayloadAssertions.assertValid(json)} fails with an
 * {@link AssertionError} listing every issue (code, pointer, line, message — never the personal
 * data itself) when the payload is not valid. Works with any test framework. Thread-safe.
 *
 * @since 1.0
 */
public final class PayloadAssertions {
  private static final PayloadValidator VALIDATOR = PayloadValidator.create();

  private PayloadAssertions() {}

  /**
   * Asserts that a document (a record, a Submission or an NDJSON stream) has no errors.
   *
   * @param document the payload
   * @throws AssertionError listing the errors
   */
  public static void assertValid(String document) {
    assertValid(document.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Asserts that a document has no errors.
   *
   * @param document the UTF-8 payload
   * @throws AssertionError listing the errors
   */
  public static void assertValid(byte[] document) {
    ValidationReport report = VALIDATOR.validate(document);
    if (!report.isValid()) {
      throw new AssertionError("payload is not valid:\n" + describe(report.errors()));
    }
  }

  /**
   * Asserts that a document is invalid with exactly the given issue codes (in any order, counting
   * repeats).
   *
   * @param document the payload
   * @param codes the expected codes, e.g. {@code "VAN-S-0013"}
   * @throws AssertionError when the reported codes differ
   */
  public static void assertIssues(String document, String... codes) {
    ValidationReport report = VALIDATOR.validate(document.getBytes(StandardCharsets.UTF_8));
    List<String> got = report.errors().stream().map(i -> i.code().code()).sorted().toList();
    List<String> want = java.util.Arrays.stream(codes).sorted().toList();
    if (!got.equals(want)) {
      throw new AssertionError(
          "expected issues " + want + " but got " + got + ":\n" + describe(report.errors()));
    }
  }

  private static String describe(List<ValidationIssue> issues) {
    return issues.stream()
        .map(
            i ->
                String.format(
                    "  %s %s (line %d, column %d): %s",
                    i.code().code(),
                    i.pointer().isEmpty() ? "/" : i.pointer(),
                    i.line(),
                    i.column(),
                    i.message()))
        .collect(Collectors.joining("\n"));
  }
}
