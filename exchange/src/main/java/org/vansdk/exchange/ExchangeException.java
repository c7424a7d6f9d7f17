package org.vansdk.exchange;

import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * A document another system wrote (HSDS, SDMX-CSV, ADX) could not be read, or an export could not
 * be written. The message names the place (JSON Pointer, row and column, XML element) and what is
 * allowed, never a personal value.
 *
 * @since 1.0
 */
public class ExchangeException extends VanException {
  private static final long serialVersionUID = 1L;

  /** {@code VAN-E-0001}: an input document breaks its format or our mapping of it. */
  public static final ErrorCode INVALID_INPUT = ErrorCode.of("VAN-E-0001");

  /** {@code VAN-E-0002}: an export could not be written (I/O, or records it cannot express). */
  public static final ErrorCode EXPORT_FAILED = ErrorCode.of("VAN-E-0002");

  /**
   * A new exception.
   *
   * @param code the error code
   * @param message what was wrong, where, and what is allowed; no personal data
   */
  public ExchangeException(ErrorCode code, String message) {
    super(code, message);
  }

  /**
   * A new exception with its cause.
   *
   * @param code the error code
   * @param message what was wrong, where, and what is allowed; no personal data
   * @param cause the cause
   */
  public ExchangeException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
