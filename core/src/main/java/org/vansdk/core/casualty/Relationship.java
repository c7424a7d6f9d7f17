package org.vansdk.core.casualty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * How an indirect victim is related to a casualty. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum Relationship implements CodeValue {
  /** Spouse ({@code spouse}). */
  SPOUSE,
  /** Child ({@code child}). */
  CHILD,
  /** Parent ({@code parent}). */
  PARENT,
  /** Sibling ({@code sibling}). */
  SIBLING,
  /** Other dependant ({@code other_dependant}). */
  OTHER_DEPENDANT,
  /** Caregiver ({@code caregiver}). */
  CAREGIVER,
  /** Other ({@code other}). */
  OTHER;

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
  public static Relationship fromCode(String code) {
    return CodeList.fromCode(Relationship.class, code);
  }
}
