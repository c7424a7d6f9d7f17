package org.vansdk.schema.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of validating one payload: its issues in the order found. A payload is valid when it
 * has no issue of severity {@link Severity#ERROR}. Immutable.
 *
 * @since 1.0
 */
public final class ValidationReport {
  private final List<ValidationIssue> issues;

  private ValidationReport(List<ValidationIssue> issues) {
    this.issues = List.copyOf(issues);
  }

  /**
   * Returns a report of issues.
   *
   * @param issues the issues, possibly empty
   * @return the report
   */
  public static ValidationReport of(List<ValidationIssue> issues) {
    return new ValidationReport(issues);
  }

  /** Returns true when there is no error (warnings allowed). */
  public boolean isValid() {
    return issues.stream().noneMatch(i -> i.severity() == Severity.ERROR);
  }

  /** Returns all issues. */
  public List<ValidationIssue> issues() {
    return issues;
  }

  /** Returns the errors. */
  public List<ValidationIssue> errors() {
    return issues.stream()
        .filter(i -> i.severity() == Severity.ERROR)
        .collect(Collectors.toUnmodifiableList());
  }

  /** Returns the warnings. */
  public List<ValidationIssue> warnings() {
    return issues.stream()
        .filter(i -> i.severity() == Severity.WARNING)
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public String toString() {
    if (issues.isEmpty()) {
      return "valid (no issues)";
    }
    return issues.stream().map(ValidationIssue::toString).collect(Collectors.joining("\n"));
  }
}
