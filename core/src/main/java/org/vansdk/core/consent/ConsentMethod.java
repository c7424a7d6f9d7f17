package org.vansdk.core.consent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * How consent was captured. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum ConsentMethod implements CodeValue {
  /** Written ({@code written}). */
  WRITTEN,
  /** Verbal, witnessed ({@code verbal_witnessed}). */
  VERBAL_WITNESSED,
  /** Thumbprint ({@code thumbprint}). */
  THUMBPRINT,
  /** Given by a guardian ({@code guardian}). */
  GUARDIAN;

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
  public static ConsentMethod fromCode(String code) {
    return CodeList.fromCode(ConsentMethod.class, code);
  }
}
