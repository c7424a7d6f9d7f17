package org.vansdk.core.referral;

/** PLACEHOLDER until van-core lands: delete on merge. */
public enum NotCompletedReason {
  /** Placeholder. */
  SURVIVOR_DECLINED("survivor_declined"),
  /** Placeholder. */
  UNREACHABLE("unreachable"),
  /** Placeholder. */
  NOT_ELIGIBLE_AFTER_ASSESSMENT("not_eligible_after_assessment"),
  /** Placeholder. */
  MOVED("moved"),
  /** Placeholder. */
  DECEASED("deceased"),
  /** Placeholder. */
  OTHER("other"),
  ;
  private final String code;

  NotCompletedReason(String code) {
    this.code = code;
  }

  /** Placeholder. */
  public String code() {
    return code;
  }
}
