package org.vansdk.core.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A human-reported yes / no answer where not knowing must be counted. Wire codes are stable within
 * a major version.
 *
 * @since 1.0
 */
public enum YesNoUnknown implements CodeValue {
  /** Yes ({@code yes}). */
  YES,
  /** No ({@code no}). */
  NO,
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
  public static YesNoUnknown fromCode(String code) {
    return CodeList.fromCode(YesNoUnknown.class, code);
  }
}
