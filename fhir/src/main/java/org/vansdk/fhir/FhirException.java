package org.vansdk.fhir;

import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * A FHIR document could not be read back into our records, or our records cannot be written as
 * FHIR. The message names the place (a FHIR path such as {@code Bundle.entry[3].resource.status},
 * or a JSON Pointer for JSON that is not FHIR) and what is allowed; it never repeats a value the
 * document holds, so no personal data reaches a log.
 */
public class FhirException extends VanException {
  private static final long serialVersionUID = 1L;

  /** {@code VAN-F-0001}: the text is not FHIR R4 JSON (syntax, unknown element, wrong type). */
  public static final ErrorCode NOT_FHIR = ErrorCode.of("VAN-F-0001");

  /** {@code VAN-F-0002}: a resource or element our profiles require is missing or repeated. */
  public static final ErrorCode MISSING = ErrorCode.of("VAN-F-0002");

  /** {@code VAN-F-0003}: a code, identifier or value is not one our mapping allows. */
  public static final ErrorCode INVALID_VALUE = ErrorCode.of("VAN-F-0003");

  /** {@code VAN-F-0004}: the document contradicts itself (e.g. Task status against history). */
  public static final ErrorCode INCONSISTENT = ErrorCode.of("VAN-F-0004");

  /** {@code VAN-F-0005}: the records given for an export do not belong together. */
  public static final ErrorCode RECORDS_MISMATCH = ErrorCode.of("VAN-F-0005");

  /** {@code VAN-F-0006}: a Task update asks for a move the attempt state table does not allow. */
  public static final ErrorCode TRANSITION_REFUSED = ErrorCode.of("VAN-F-0006");

  /**
   * A new exception.
   *
   * @param code the error code
   * @param message what was wrong, where, and what is allowed; no personal data
   */
  public FhirException(ErrorCode code, String message) {
    super(code, message);
  }

  /**
   * A new exception with its cause.
   *
   * @param code the error code
   * @param message what was wrong, where, and what is allowed; no personal data
   * @param cause the cause
   */
  public FhirException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
