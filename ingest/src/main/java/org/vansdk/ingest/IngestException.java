package org.vansdk.ingest;

import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * A mapping document or a source file that cannot be used at all (as opposed to a single bad row,
 * which is rejected and counted). Its message names the place (JSON Pointer, row, column) and never
 * quotes source data.
 */
public final class IngestException extends VanException {
  private static final long serialVersionUID = 1L;

  /** The mapping document is malformed or breaks its schema (unknown key or value). */
  public static final ErrorCode MAPPING_INVALID = ErrorCode.of("VAN-G-0001");

  /** The source file is not in the encoding the mapping declares. */
  public static final ErrorCode SOURCE_ENCODING = ErrorCode.of("VAN-G-0002");

  /** The source file is not well-formed CSV or XLSX. */
  public static final ErrorCode SOURCE_MALFORMED = ErrorCode.of("VAN-G-0003");

  /** The source file exceeds a safety limit (file size, XLSX expansion, cell or row size). */
  public static final ErrorCode SOURCE_TOO_LARGE = ErrorCode.of("VAN-G-0004");

  /** The header row is missing, repeats a name, or lacks a column the mapping reads. */
  public static final ErrorCode SOURCE_HEADER = ErrorCode.of("VAN-G-0005");

  /**
   * Creates an exception.
   *
   * @param code the stable error code
   * @param message what was wrong and where; no source data
   */
  public IngestException(ErrorCode code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable error code
   * @param message what was wrong and where; no source data
   * @param cause the underlying cause; its message is not shown to users
   */
  public IngestException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
