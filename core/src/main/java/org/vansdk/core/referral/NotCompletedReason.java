package org.vansdk.core.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Why an accepted referral attempt was not completed. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum NotCompletedReason implements CodeValue {
  /** Survivor declined ({@code survivor_declined}). */
  SURVIVOR_DECLINED,
  /** Unreachable ({@code unreachable}). */
  UNREACHABLE,
  /** Not eligible after assessment ({@code not_eligible_after_assessment}). */
  NOT_ELIGIBLE_AFTER_ASSESSMENT,
  /** Moved ({@code moved}). */
  MOVED,
  /** Deceased ({@code deceased}). */
  DECEASED,
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
  public static NotCompletedReason fromCode(String code) {
    return CodeList.fromCode(NotCompletedReason.class, code);
  }
}
