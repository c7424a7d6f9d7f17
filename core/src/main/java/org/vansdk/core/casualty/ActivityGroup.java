package org.vansdk.core.casualty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Coarse groups of activities, used for generalisation and reporting. Wire codes are stable within
 * a major version.
 *
 * @since 1.0
 */
public enum ActivityGroup implements CodeValue {
  /** Livelihood ({@code livelihood}). */
  LIVELIHOOD,
  /** Handling or tampering ({@code tampering}). */
  TAMPERING,
  /** Travelling ({@code travelling}). */
  TRAVELLING,
  /** Playing ({@code playing}). */
  PLAYING,
  /** Household activity ({@code household}). */
  HOUSEHOLD,
  /** Demining or military activity ({@code demining_or_military}). */
  DEMINING_OR_MILITARY,
  /** Other ({@code other}). */
  OTHER,
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
  public static ActivityGroup fromCode(String code) {
    return CodeList.fromCode(ActivityGroup.class, code);
  }
}
