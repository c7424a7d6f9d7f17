package org.vansdk.referral.message;

/**
 * How carefully a message must be handled. Says how sensitive the content is; never why (the cause,
 * e.g. a psychosocial need, is itself sensitive).
 *
 * @since 1.0
 */
public enum Confidentiality {
  /** Ordinary care. */
  NORMAL("normal"),
  /** Only staff working on the referral. */
  RESTRICTED("restricted"),
  /** Named staff only. */
  VERY_RESTRICTED("very_restricted");

  private final String code;

  Confidentiality(String code) {
    this.code = code;
  }

  /** The stable wire code. */
  public String code() {
    return code;
  }

  /**
   * Returns the level with the code.
   *
   * @throws IllegalArgumentException if none has it
   */
  public static Confidentiality parse(String code) {
    for (Confidentiality c : values()) {
      if (c.code.equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown confidentiality '" + code + "'; allowed: normal, restricted, very_restricted");
  }
}
