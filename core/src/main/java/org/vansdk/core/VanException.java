package org.vansdk.core;

import java.util.Objects;

/**
 * The root of every exception the SDK throws: unchecked, with a stable {@link ErrorCode} that
 * callers may switch on, and a message that says what was wrong, where, and what is allowed.
 * Messages never contain personal data.
 *
 * @since 1.0
 */
public class VanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /**
   * Creates an exception.
   *
   * @param code the stable error code
   * @param message what was wrong, where and what is allowed; no personal data
   */
  public VanException(ErrorCode code, String message) {
    super(code.value() + ": " + message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable error code
   * @param message what was wrong, where and what is allowed; no personal data
   * @param cause the underlying cause; its message must not carry personal data either
   */
  public VanException(ErrorCode code, String message, Throwable cause) {
    super(code.value() + ": " + message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Returns the stable error code. */
  public ErrorCode code() {
    return code;
  }

  /**
   * Returns the message: the code and what went wrong. Never null, unlike other exceptions'.
   *
   * @return the message
   */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }
}
