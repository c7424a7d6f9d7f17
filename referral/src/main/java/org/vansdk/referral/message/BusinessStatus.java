package org.vansdk.referral.message;

import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * What happened in a service, as an {@code update} message reports it without moving the attempt.
 * The wire codes are those of the {@code update} message schema; stable within a major version.
 *
 * @since 1.0
 */
public enum BusinessStatus implements CodeValue {
  /** An appointment was set ({@code appointment_set}). */
  APPOINTMENT_SET,
  /** The survivor attended ({@code attended}). */
  ATTENDED,
  /** The survivor did not come ({@code no_show}). */
  NO_SHOW,
  /** A device was fitted ({@code device_fitted}). */
  DEVICE_FITTED,
  /** The survivor was enrolled ({@code enrolled}). */
  ENROLLED,
  /** The survivor is on a waiting list ({@code waitlisted}). */
  WAITLISTED;

  @Override
  public String code() {
    return CodeList.codeOf(this);
  }

  /**
   * Returns the constant with the given wire code.
   *
   * @param code a lower_snake code
   * @return the constant
   * @throws org.vansdk.core.VanException {@code VAN-C-0001} if the code is unknown; the message
   *     lists the allowed codes and echoes the value only when it looks like a code
   */
  public static BusinessStatus fromCode(String code) {
    return CodeList.fromCode(BusinessStatus.class, code);
  }
}
