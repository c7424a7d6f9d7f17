package org.vansdk.core.casualty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Child (under 18) or adult at the time of the incident; {@code unknown} when age is not known.
 * Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum AgeGroup implements CodeValue {
  /** Child (under 18) ({@code child}). */
  CHILD,
  /** Adult (18 or over) ({@code adult}). */
  ADULT,
  /** Unknown ({@code unknown}). */
  UNKNOWN;

  /**
   * Returns the age group of an age in completed years: child under 18, adult from 18.
   *
   * @param age the age
   * @return child or adult
   */
  public static AgeGroup ofAge(int age) {
    return age < 18 ? CHILD : ADULT;
  }

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
  public static AgeGroup fromCode(String code) {
    return CodeList.fromCode(AgeGroup.class, code);
  }
}
