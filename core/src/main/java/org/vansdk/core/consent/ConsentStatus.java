package org.vansdk.core.consent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * The state of a consent. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum ConsentStatus implements CodeValue {
  /** Active ({@code active}). */
  ACTIVE,
  /** Withdrawn ({@code withdrawn}). */
  WITHDRAWN,
  /** Expired ({@code expired}). */
  EXPIRED;

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
  public static ConsentStatus fromCode(String code) {
    return CodeList.fromCode(ConsentStatus.class, code);
  }
}
