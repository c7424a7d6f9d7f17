package org.vansdk.core.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Verification state of an incident report. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum Verification implements CodeValue {
  /** Unverified ({@code unverified}). */
  UNVERIFIED,
  /** Verified ({@code verified}). */
  VERIFIED,
  /** Rejected ({@code rejected}). */
  REJECTED;

  @Override
  @JsonValue
  public String code() {
    return CodeList.codeOf(this);
  }

  /**
   * Returns the constant with the given wire code.
   *
   * @param code a lower_snake code, e.g. as read from JSON
   * @return the constant
   * @throws org.vansdk.core.VanException with {@code VAN-C-0001} if the code is unknown; the
   *     message lists the allowed codes
   */
  @JsonCreator
  public static Verification fromCode(String code) {
    return CodeList.fromCode(Verification.class, code);
  }
}
