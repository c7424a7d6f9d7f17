package org.vansdk.core.casualty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.person.Sex;

/**
 * Landmine Monitor's sex-and-age group of a casualty. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum LandmineMonitorGroup implements CodeValue {
  /** Man ({@code man}). */
  MAN,
  /** Woman ({@code woman}). */
  WOMAN,
  /** Boy ({@code boy}). */
  BOY,
  /** Girl ({@code girl}). */
  GIRL,
  /** Unknown ({@code unknown}). */
  UNKNOWN;

  /**
   * Returns the group of a sex and age group; {@code unknown} when either is unknown.
   *
   * @param sex the sex
   * @param ageGroup the age group
   * @return man, woman, boy, girl or unknown
   */
  public static LandmineMonitorGroup of(Sex sex, AgeGroup ageGroup) {
    if (sex == Sex.UNKNOWN || ageGroup == AgeGroup.UNKNOWN) {
      return UNKNOWN;
    }
    if (sex == Sex.MALE) {
      return ageGroup == AgeGroup.CHILD ? BOY : MAN;
    }
    return ageGroup == AgeGroup.CHILD ? GIRL : WOMAN;
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
  public static LandmineMonitorGroup fromCode(String code) {
    return CodeList.fromCode(LandmineMonitorGroup.class, code);
  }
}
