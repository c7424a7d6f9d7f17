package org.vansdk.core.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Displacement status of a person. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum DisplacementStatus implements CodeValue {
  /** Not displaced ({@code not_displaced}). */
  NOT_DISPLACED,
  /** Internally displaced person ({@code idp}). */
  IDP,
  /** Refugee ({@code refugee}). */
  REFUGEE,
  /** Returnee ({@code returnee}). */
  RETURNEE,
  /** Unknown ({@code unknown}). */
  UNKNOWN;

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
  public static DisplacementStatus fromCode(String code) {
    return CodeList.fromCode(DisplacementStatus.class, code);
  }
}
