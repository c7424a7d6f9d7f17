package org.vansdk.core.functioning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * A functional domain of the Washington Group Short Set. Wire codes are stable within a major
 * version.
 *
 * @since 1.0
 */
public enum WgSsDomain implements CodeValue {
  /** Seeing ({@code seeing}). */
  SEEING,
  /** Hearing ({@code hearing}). */
  HEARING,
  /** Walking ({@code walking}). */
  WALKING,
  /** Cognition ({@code cognition}). */
  COGNITION,
  /** Self-care ({@code self_care}). */
  SELF_CARE,
  /** Communication ({@code communication}). */
  COMMUNICATION;

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
  public static WgSsDomain fromCode(String code) {
    return CodeList.fromCode(WgSsDomain.class, code);
  }
}
