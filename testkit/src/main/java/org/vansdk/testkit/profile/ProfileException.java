package org.vansdk.testkit.profile;

import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * Thrown when a country profile cannot be found or breaks a rule of the profile format. The message
 * names the file, the JSON Pointer of the offending value, what was wrong and what is allowed.
 * Profiles hold no personal data, so messages may echo their values.
 */
public final class ProfileException extends VanException {
  private static final long serialVersionUID = 1L;

  /** The stable error code of every profile problem: {@code VAN-T-0001}. */
  public static final ErrorCode CODE = ErrorCode.of("VAN-T-0001");

  ProfileException(String message) {
    super(CODE, message);
  }

  ProfileException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}
