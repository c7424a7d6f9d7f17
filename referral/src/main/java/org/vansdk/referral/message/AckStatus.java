package org.vansdk.referral.message;

/**
 * The status of an {@code ack}.
 *
 * @since 1.0
 */
public enum AckStatus {
  /** Processed (or replayed, or acknowledged and ignored); do not resend. */
  OK("ok"),
  /** Not processed now (e.g. held for a missing earlier message); resend later. */
  TRANSIENT_ERROR("transient_error"),
  /** Refused for good (conflict, wrong party, bad signature, no consent); do not resend. */
  FATAL_ERROR("fatal_error");

  private final String code;

  AckStatus(String code) {
    this.code = code;
  }

  /** The stable wire code. */
  public String code() {
    return code;
  }

  /**
   * Returns the status with the code.
   *
   * @throws IllegalArgumentException if none has it
   */
  public static AckStatus parse(String code) {
    for (AckStatus c : values()) {
      if (c.code.equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown ack status '" + code + "'; allowed: ok, transient_error, fatal_error");
  }
}
