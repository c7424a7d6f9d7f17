package org.vansdk.core.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * A treaty whose victim-assistance obligations an incident concerns. Wire codes are stable within a
 * major version.
 *
 * @since 1.0
 */
public enum Treaty implements CodeValue {
  /** Anti-Personnel Mine Ban Convention ({@code apmbc}). */
  APMBC,
  /** Convention on Cluster Munitions ({@code ccm}). */
  CCM,
  /** CCW Protocol V on explosive remnants of war ({@code ccw_protocol_v}). */
  CCW_PROTOCOL_V;

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
  public static Treaty fromCode(String code) {
    return CodeList.fromCode(Treaty.class, code);
  }
}
