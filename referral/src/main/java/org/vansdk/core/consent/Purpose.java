package org.vansdk.core.consent;

/** PLACEHOLDER until van-core lands: delete on merge. */
public enum Purpose {
  /** Placeholder. */
  REFERRAL("referral"),
  /** Placeholder. */
  SERVICE_DELIVERY("service_delivery"),
  /** Placeholder. */
  FOLLOW_UP("follow_up"),
  /** Placeholder. */
  STATISTICS("statistics"),
  /** Placeholder. */
  RESEARCH("research"),
  ;
  private final String code;

  Purpose(String code) {
    this.code = code;
  }

  /** Placeholder. */
  public String code() {
    return code;
  }
}
