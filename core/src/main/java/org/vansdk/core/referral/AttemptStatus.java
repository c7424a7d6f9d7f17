package org.vansdk.core.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * The state of a referral attempt (owned by the receiver once sent). FHIR Task codes map 1:1. Wire
 * codes are stable within a major version.
 *
 * @since 1.0
 */
public enum AttemptStatus implements CodeValue {
  /** Draft ({@code draft}). */
  DRAFT,
  /** Sent ({@code sent}). */
  SENT,
  /** Received ({@code received}). */
  RECEIVED,
  /** Accepted ({@code accepted}). */
  ACCEPTED,
  /** Declined ({@code declined}). */
  DECLINED,
  /** In progress ({@code in_progress}). */
  IN_PROGRESS,
  /** On hold ({@code on_hold}). */
  ON_HOLD,
  /** Completed ({@code completed}). */
  COMPLETED,
  /** Not completed ({@code not_completed}). */
  NOT_COMPLETED,
  /** Cancelled ({@code cancelled}). */
  CANCELLED,
  /** Entered in error ({@code entered_in_error}). */
  ENTERED_IN_ERROR;

  /**
   * Returns true for a final state (declined, completed, not completed, cancelled, entered in
   * error), as {@link AttemptStateTable#FINAL} lists them.
   */
  public boolean isFinal() {
    return AttemptStateTable.isFinal(this);
  }

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
  public static AttemptStatus fromCode(String code) {
    return CodeList.fromCode(AttemptStatus.class, code);
  }
}
