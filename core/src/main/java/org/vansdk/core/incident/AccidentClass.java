package org.vansdk.core.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Whether an accident happened to the public or during demining. Wire codes are stable within a
 * major version.
 *
 * @since 1.0
 */
public enum AccidentClass implements CodeValue {
  /** Explosive ordnance accident ({@code eo_accident}). */
  EO_ACCIDENT,
  /** Demining accident ({@code demining_accident}). */
  DEMINING_ACCIDENT;

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
  public static AccidentClass fromCode(String code) {
    return CodeList.fromCode(AccidentClass.class, code);
  }
}
