package org.vansdk.hub.web;

import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * A refusal that the hub answers as an {@code application/problem+json} document with the given
 * status and stable code. The message is a fixed text chosen by the hub: it never holds input text
 * or personal data.
 *
 * @since 1.0
 */
public class HubException extends VanException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * Creates a refusal.
   *
   * @param status the HTTP status, 400 to 599
   * @param code the stable code
   * @param message what was wrong and where (a JSON Pointer, a line number), never input text
   */
  public HubException(int status, ErrorCode code, String message) {
    super(code, message);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400 to 599: " + status);
    }
    this.status = status;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }
}
