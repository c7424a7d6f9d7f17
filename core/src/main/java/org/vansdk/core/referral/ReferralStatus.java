package org.vansdk.core.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * The state of a referral (the need, owned by the referring organisation). Wire codes are stable
 * within a major version.
 *
 * @since 1.0
 */
public enum ReferralStatus implements CodeValue {
  /** Draft ({@code draft}). */
  DRAFT,
  /** Active ({@code active}). */
  ACTIVE,
  /** Closed ({@code closed}). */
  CLOSED,
  /** Revoked ({@code revoked}). */
  REVOKED,
  /** Entered in error ({@code entered_in_error}). */
  ENTERED_IN_ERROR;

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
  public static ReferralStatus fromCode(String code) {
    return CodeList.fromCode(ReferralStatus.class, code);
  }
}
