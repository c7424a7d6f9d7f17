package org.vansdk.core.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * The coarse device group: mines, explosive remnants of war, or unknown. Wire codes are stable
 * within a major version.
 *
 * @since 1.0
 */
public enum DeviceGroup implements CodeValue {
  /** Mine ({@code mine}). */
  MINE,
  /** Explosive remnant of war ({@code erw}). */
  ERW,
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
  public static DeviceGroup fromCode(String code) {
    return CodeList.fromCode(DeviceGroup.class, code);
  }
}
