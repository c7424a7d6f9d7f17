package org.vansdk.core.referral;

/** PLACEHOLDER until van-core lands: delete on merge. */
public enum DeclineReason {
  /** Placeholder. */
  NO_CAPACITY("no_capacity"),
  /** Placeholder. */
  NOT_ELIGIBLE("not_eligible"),
  /** Placeholder. */
  OUT_OF_AREA("out_of_area"),
  /** Placeholder. */
  DUPLICATE("duplicate"),
  /** Placeholder. */
  SERVICE_UNAVAILABLE("service_unavailable"),
  /** Placeholder. */
  OTHER("other"),
  ;
  private final String code;

  DeclineReason(String code) {
    this.code = code;
  }

  /** Placeholder. */
  public String code() {
    return code;
  }
}
