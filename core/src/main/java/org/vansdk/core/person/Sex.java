package org.vansdk.core.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Sex as recorded; {@code unknown} is explicit because indicators count it. Wire codes are stable
 * within a major version.
 *
 * @since 1.0
 */
public enum Sex implements CodeValue {
  /** Male ({@code male}). */
  MALE,
  /** Female ({@code female}). */
  FEMALE,
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
  public static Sex fromCode(String code) {
    return CodeList.fromCode(Sex.class, code);
  }
}
