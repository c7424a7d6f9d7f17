package org.vansdk.core.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * The state of a service delivery. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum DeliveryOutcome implements CodeValue {
  /** Completed ({@code completed}). */
  COMPLETED,
  /** Ongoing ({@code ongoing}). */
  ONGOING,
  /** Discontinued ({@code discontinued}). */
  DISCONTINUED;

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
  public static DeliveryOutcome fromCode(String code) {
    return CodeList.fromCode(DeliveryOutcome.class, code);
  }
}
