package org.vansdk.core.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Operating status of a service. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum ServiceStatus implements CodeValue {
  /** Active ({@code active}). */
  ACTIVE,
  /** Inactive ({@code inactive}). */
  INACTIVE,
  /** Defunct ({@code defunct}). */
  DEFUNCT,
  /** Temporarily closed ({@code temporarily_closed}). */
  TEMPORARILY_CLOSED;

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
  public static ServiceStatus fromCode(String code) {
    return CodeList.fromCode(ServiceStatus.class, code);
  }
}
