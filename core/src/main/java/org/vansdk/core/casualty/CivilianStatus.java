package org.vansdk.core.casualty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Civilian status of a casualty at the time of the incident. Wire codes are stable within a major
 * version.
 *
 * @since 1.0
 */
public enum CivilianStatus implements CodeValue {
  /** Civilian ({@code civilian}). */
  CIVILIAN,
  /** Deminer ({@code deminer}). */
  DEMINER,
  /** Military or security forces ({@code military_or_security}). */
  MILITARY_OR_SECURITY,
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
  public static CivilianStatus fromCode(String code) {
    return CodeList.fromCode(CivilianStatus.class, code);
  }
}
