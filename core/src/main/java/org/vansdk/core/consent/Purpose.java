package org.vansdk.core.consent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * A purpose that consent may cover. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum Purpose implements CodeValue {
  /** Referral ({@code referral}). */
  REFERRAL,
  /** Service delivery ({@code service_delivery}). */
  SERVICE_DELIVERY,
  /** Follow-up ({@code follow_up}). */
  FOLLOW_UP,
  /** Statistics ({@code statistics}). */
  STATISTICS,
  /** Research ({@code research}). */
  RESEARCH;

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
  public static Purpose fromCode(String code) {
    return CodeList.fromCode(Purpose.class, code);
  }
}
