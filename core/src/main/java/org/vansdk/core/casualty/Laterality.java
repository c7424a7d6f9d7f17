package org.vansdk.core.casualty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Side of the body an injury affects. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum Laterality implements CodeValue {
  /** Left ({@code left}). */
  LEFT,
  /** Right ({@code right}). */
  RIGHT,
  /** Both ({@code both}). */
  BOTH,
  /** Not applicable ({@code not_applicable}). */
  NOT_APPLICABLE,
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
  public static Laterality fromCode(String code) {
    return CodeList.fromCode(Laterality.class, code);
  }
}
