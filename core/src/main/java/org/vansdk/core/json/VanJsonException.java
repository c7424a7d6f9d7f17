package org.vansdk.core.json;

import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * A JSON document could not be read: malformed, over a safety limit, or not matching the model.
 * Says where (JSON Pointer, line and column when known) and what is allowed, never echoing personal
 * data.
 *
 * @since 1.0
 */
public class VanJsonException extends VanException {
  private static final long serialVersionUID = 1L;

  private final String pointer;
  private final long line;
  private final long column;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param code the stable error code
   * @param problem what was wrong, without the location
   * @param pointer the JSON Pointer of the offending value ({@code ""} for the root)
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   */
  public VanJsonException(ErrorCode code, String problem, String pointer, long line, long column) {
    super(code, problem + " at " + (pointer.isEmpty() ? "/" : pointer) + where(line, column));
    this.problem = problem;
    this.pointer = pointer;
    this.line = line;
    this.column = column;
  }

  /** Returns what was wrong, without the location. */
  public String problem() {
    return problem;
  }

  /** Returns the JSON Pointer of the offending value; {@code ""} is the document root. */
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

  /**
   * Returns a copy located on another line (used for NDJSON, where each line is its own document).
   *
   * @param lineNumber the 1-based line of the NDJSON stream
   * @param pointerPrefix a pointer prefix, e.g. {@code /record}
   * @return the relocated exception
   */
  public VanJsonException atLine(long lineNumber, String pointerPrefix) {
    return new VanJsonException(code(), problem, pointerPrefix + pointer, lineNumber, column);
  }

  private static String where(long line, long column) {
    return line > 0 ? " (line " + line + ", column " + column + ")" : "";
  }
}
