package org.vansdk.testkit.profile;

import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * Thrown when a country profile cannot be found or breaks a rule of the profile format. The message
 * names the file, the JSON Pointer of the offending value, what was wrong and what is allowed.
 * Profiles hold no personal data, so messages may echo their values.
 *
 * @since 1.0
 */
public final class ProfileException extends VanException {
  private static final long serialVersionUID = 1L;

  /** The stable error code of every profile problem: {@code VAN-T-0001}. */
  public static final ErrorCode CODE = ErrorCode.of("VAN-T-0001");

  private final String pointer;

  ProfileException(String message) {
    super(CODE, message);
    this.pointer = "";
  }

  ProfileException(String message, Throwable cause) {
    super(CODE, message, cause);
    this.pointer = "";
  }

  /**
   * Creates an exception located in a profile document.
   *
   * @param origin the name of the input, e.g. the file name
   * @param pointer the JSON Pointer of the offending value ({@code ""} for the whole document)
   * @param problem what was wrong and what is allowed
   */
  ProfileException(String origin, String pointer, String problem) {
    super(CODE, origin + ": " + (pointer.isEmpty() ? "" : pointer + ": ") + problem);
    this.pointer = pointer;
  }

  /**
   * Returns the JSON Pointer of the offending value in the profile, or {@code ""} when the problem
   * is the whole document (or not located in one, such as an unknown country).
   *
   * @return the pointer
   */
  public String pointer() {
    return pointer;
  }
}
