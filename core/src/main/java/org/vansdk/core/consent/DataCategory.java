package org.vansdk.core.consent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * A category of personal data that consent may cover. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum DataCategory implements CodeValue {
  /** Identity ({@code identity}). */
  IDENTITY,
  /** Contact ({@code contact}). */
  CONTACT,
  /** Location ({@code location}). */
  LOCATION,
  /** Medical ({@code medical}). */
  MEDICAL,
  /** Disability ({@code disability}). */
  DISABILITY,
  /** Psychosocial ({@code psychosocial}). */
  PSYCHOSOCIAL,
  /** Socioeconomic ({@code socioeconomic}). */
  SOCIOECONOMIC;

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
  public static DataCategory fromCode(String code) {
    return CodeList.fromCode(DataCategory.class, code);
  }
}
