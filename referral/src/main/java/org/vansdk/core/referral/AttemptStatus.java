package org.vansdk.core.referral;

/** PLACEHOLDER until van-core lands: delete on merge. */
public enum AttemptStatus {
  /** Placeholder. */
  DRAFT("draft"),
  /** Placeholder. */
  SENT("sent"),
  /** Placeholder. */
  RECEIVED("received"),
  /** Placeholder. */
  ACCEPTED("accepted"),
  /** Placeholder. */
  DECLINED("declined"),
  /** Placeholder. */
  IN_PROGRESS("in_progress"),
  /** Placeholder. */
  ON_HOLD("on_hold"),
  /** Placeholder. */
  COMPLETED("completed"),
  /** Placeholder. */
  NOT_COMPLETED("not_completed"),
  /** Placeholder. */
  CANCELLED("cancelled"),
  /** Placeholder. */
  ENTERED_IN_ERROR("entered_in_error"),
  ;
  private final String code;

  AttemptStatus(String code) {
    this.code = code;
  }

  /** Placeholder. */
  public String code() {
    return code;
  }
}
