package org.vansdk.core.casualty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Loss of vision or hearing caused by an incident. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum SensoryLoss implements CodeValue {
  /** Partial loss of vision ({@code vision_partial}). */
  VISION_PARTIAL,
  /** Total loss of vision ({@code vision_total}). */
  VISION_TOTAL,
  /** Partial loss of hearing ({@code hearing_partial}). */
  HEARING_PARTIAL,
  /** Total loss of hearing ({@code hearing_total}). */
  HEARING_TOTAL;

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
  public static SensoryLoss fromCode(String code) {
    return CodeList.fromCode(SensoryLoss.class, code);
  }
}
