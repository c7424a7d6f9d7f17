package org.vansdk.core.need;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Priority of a need or referral. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum Priority implements CodeValue {
  /** Urgent ({@code urgent}). */
  URGENT,
  /** High ({@code high}). */
  HIGH,
  /** Medium ({@code medium}). */
  MEDIUM,
  /** Low ({@code low}). */
  LOW;

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
  public static Priority fromCode(String code) {
    return CodeList.fromCode(Priority.class, code);
  }
}
