package org.vansdk.core.referral;

/**
 * Who moves an attempt: the two organisations of the exchange, or the system acting for them.
 *
 * @since 1.0
 */
public enum Role {
  /** The organisation that created the referral and its attempts (also "the creator"). */
  REFERRER("referrer"),
  /** The organisation asked to provide the service; it alone owns the attempt's status. */
  RECEIVER("receiver"),
  /** The receiving node acting on its own: on consent withdrawal or expiry. */
  SYSTEM("system");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  /** The stable code. */
  public String code() {
    return code;
  }
}
