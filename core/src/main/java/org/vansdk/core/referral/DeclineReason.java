package org.vansdk.core.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Why a receiver declined a referral attempt. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum DeclineReason implements CodeValue {
  /** No capacity ({@code no_capacity}). */
  NO_CAPACITY,
  /** Not eligible ({@code not_eligible}). */
  NOT_ELIGIBLE,
  /** Out of area ({@code out_of_area}). */
  OUT_OF_AREA,
  /** Duplicate ({@code duplicate}). */
  DUPLICATE,
  /** Service unavailable ({@code service_unavailable}). */
  SERVICE_UNAVAILABLE,
  /** Other ({@code other}). */
  OTHER;

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
  public static DeclineReason fromCode(String code) {
    return CodeList.fromCode(DeclineReason.class, code);
  }
}
