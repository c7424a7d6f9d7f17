package org.vansdk.core.consent;

/** PLACEHOLDER until van-core lands: delete on merge. */
public enum ConsentStatus {
  /** Placeholder. */
  ACTIVE("active"),
  /** Placeholder. */
  WITHDRAWN("withdrawn"),
  /** Placeholder. */
  EXPIRED("expired"),
  ;
  private final String code;

  ConsentStatus(String code) {
    this.code = code;
  }

  /** Placeholder. */
  public String code() {
    return code;
  }
}
