package org.vansdk.schema.validation;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One problem found in a payload: a stable code, a severity, where it is (JSON Pointer, and line
 * and column in the input, 1-based, 0 when unknown) and a message naming the rule and what is
 * allowed. The offending value is kept only when it is not personal data (e.g. a code). Immutable.
 *
 * @since 1.0
 */
public final class ValidationIssue {
  private final IssueCode code;
  private final Severity severity;
  private final String pointer;
  private final long line;
  private final long column;
  private final @Nullable String value;
  private final String message;

  /**
   * Where the issue is in the input, to locate it by line and column; differs from {@link #pointer}
   * only when the pointer hides a property name that may be personal data. Never shown.
   */
  private final String locus;

  private ValidationIssue(
      IssueCode code,
      Severity severity,
      String pointer,
      long line,
      long column,
      @Nullable String value,
      String message,
      @Nullable String locus) {
    this.code = Objects.requireNonNull(code, "code");
    this.severity = Objects.requireNonNull(severity, "severity");
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.line = line;
    this.column = column;
    this.value = value;
    this.message = Objects.requireNonNull(message, "message");
    this.locus = locus == null ? pointer : locus;
  }

  /**
   * Returns an error issue without a location in the text (it is added by the validator).
   *
   * @param code the code
   * @param pointer the JSON Pointer of the offending value ("" for the document)
   * @param message what is wrong and what is allowed, without personal data
   * @return the issue
   */
  public static ValidationIssue error(IssueCode code, String pointer, String message) {
    return new ValidationIssue(code, Severity.ERROR, pointer, 0, 0, null, message, null);
  }

  /**
   * Returns a warning issue.
   *
   * @param code the code
   * @param pointer the JSON Pointer
   * @param message the message
   * @return the issue
   */
  public static ValidationIssue warning(IssueCode code, String pointer, String message) {
    return new ValidationIssue(code, Severity.WARNING, pointer, 0, 0, null, message, null);
  }

  /**
   * Returns a copy carrying the offending value, which must not be personal data.
   *
   * @param nonPersonalValue a code, version or similar
   * @return the copy
   */
  public ValidationIssue withValue(String nonPersonalValue) {
    return new ValidationIssue(
        code, severity, pointer, line, column, nonPersonalValue, message, locus);
  }

  /**
   * Returns a copy located in the input.
   *
   * @param line 1-based line
   * @param column 1-based column
   * @return the copy
   */
  public ValidationIssue at(long line, long column) {
    return new ValidationIssue(code, severity, pointer, line, column, value, message, locus);
  }

  /**
   * Returns a copy whose pointer is prefixed, e.g. to place a record inside a submission.
   *
   * @param prefix a JSON Pointer prefix
   * @return the copy
   */
  public ValidationIssue under(String prefix) {
    return new ValidationIssue(
        code, severity, prefix + pointer, line, column, value, message, prefix + locus);
  }

  /** Returns a copy with severity warning (for lenient validation of a newer minor version). */
  public ValidationIssue asWarning() {
    return new ValidationIssue(
        code, Severity.WARNING, pointer, line, column, value, message, locus);
  }

  /**
   * Returns a copy that is located in the input by another pointer than the one it shows: the
   * pointer shown hides a name that may be personal data, the locus is the real path.
   */
  ValidationIssue locatedBy(String realPointer) {
    return new ValidationIssue(code, severity, pointer, line, column, value, message, realPointer);
  }

  /** The real path of the issue in the input, for locating it; never shown. */
  String locus() {
    return locus;
  }

  /** Returns the stable code. */
  public IssueCode code() {
    return code;
  }

  /** Returns the severity. */
  public Severity severity() {
    return severity;
  }

  /** Returns the JSON Pointer of the offending value, "" for the whole document. */
  public String pointer() {
    return pointer;
  }

  /** Returns the 1-based line in the input, or 0 when unknown. */
  public long line() {
    return line;
  }

  /** Returns the 1-based column in the input, or 0 when unknown. */
  public long column() {
    return column;
  }

  /** Returns the offending value, present only when it is not personal data. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /** Returns the message (English), naming the rule and what is allowed. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ValidationIssue)) {
      return false;
    }
    ValidationIssue other = (ValidationIssue) o;
    return code == other.code
        && severity == other.severity
        && pointer.equals(other.pointer)
        && line == other.line
        && column == other.column
        && Objects.equals(value, other.value)
        && message.equals(other.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, severity, pointer, line, column, value, message);
  }

  @Override
  public String toString() {
    return code.code()
        + " "
        + severity
        + " at "
        + (pointer.isEmpty() ? "(document)" : pointer)
        + (line > 0 ? " (line " + line + ", column " + column + ")" : "")
        + ": "
        + message;
  }
}
