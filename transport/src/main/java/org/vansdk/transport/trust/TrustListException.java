package org.vansdk.transport.trust;

import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * A trust list was refused: not valid, not signed by the operator, of another network, older than
 * the held one, or unreachable. The code is one of {@link TrustErrors}; the message names the place
 * (JSON Pointer) where there is one. A trust list holds no personal data.
 */
public final class TrustListException extends VanException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code one of {@link TrustErrors}
   * @param message what was wrong and where
   */
  public TrustListException(ErrorCode code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code one of {@link TrustErrors}
   * @param message what was wrong and where
   * @param cause the underlying cause
   */
  public TrustListException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
