package org.vansdk.referral.audit;

/**
 * What an audit entry records. Codes are stable wire values.
 *
 * @since 1.0
 */
public enum AuditAction {
  /** An attempt was created (as a draft by the referrer, or on receipt by the receiver). */
  CREATED("created"),
  /** An attempt moved from one status to another. */
  TRANSITION("transition"),
  /** Personal data was disclosed to another organisation (the categories are listed). */
  DISCLOSED("disclosed"),
  /** A message or command was refused: not in the state table, wrong party, no consent. */
  REJECTED("rejected"),
  /** A message was refused because it conflicts (stale base version, reused message id). */
  CONFLICT("conflict"),
  /** A late message for an attempt in a final state was acknowledged and ignored. */
  IGNORED("ignored"),
  /** The referrer asked the receiver to cancel. */
  CANCEL_REQUESTED("cancel_requested"),
  /** The receiver refused a cancel request because the attempt had already ended. */
  CANCEL_REFUSED("cancel_refused"),
  /** The consent behind the referral was withdrawn. */
  CONSENT_WITHDRAWN("consent_withdrawn"),
  /** Personal data held for the attempt was deleted; the audit trail is kept. */
  PURGED("purged"),
  /** A business update, information request or response, or feedback was exchanged. */
  NOTED("noted"),
  /** An operator made a parked or waiting outbox message due at once. */
  OUTBOX_RESENT("outbox_resent"),
  /** An outbox message was parked: not sent again until an operator resends it. */
  OUTBOX_PARKED("outbox_parked"),
  /**
   * An operator removed an unacknowledged message from the outbox: it will never be sent (again);
   * the attempt's status is unchanged.
   */
  OUTBOX_CANCELLED("outbox_cancelled");

  private final String code;

  AuditAction(String code) {
    this.code = code;
  }

  /** The stable wire code. */
  public String code() {
    return code;
  }

  /**
   * Returns the action with the code.
   *
   * @throws IllegalArgumentException if no action has the code
   */
  public static AuditAction parse(String code) {
    for (AuditAction a : values()) {
      if (a.code.equals(code)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown audit action '" + code + "'");
  }
}
