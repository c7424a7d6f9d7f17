package org.vansdk.transport.trust;

import java.util.Arrays;

/** What a listed key may sign. */
public enum KeyUse {
  /** Referral protocol messages (the detached Ed25519 signature of §5). */
  SIGN_MESSAGES("sign_messages"),
  /** HTTP requests that carry no signed message (RFC 9421 HTTP Message Signatures). */
  SIGN_REQUESTS("sign_requests");

  private final String code;

  KeyUse(String code) {
    this.code = code;
  }

  /** The wire code, e.g. {@code sign_messages}. */
  public String code() {
    return code;
  }

  /**
   * The use with the given wire code.
   *
   * @throws IllegalArgumentException if the code is not one of the uses
   */
  public static KeyUse fromCode(String code) {
    for (KeyUse u : values()) {
      if (u.code.equals(code)) {
        return u;
      }
    }
    throw new IllegalArgumentException(
        "unknown key use '"
            + code
            + "'; allowed: "
            + Arrays.stream(values()).map(KeyUse::code).toList());
  }
}
