package org.vansdk.core.consent;

/** PLACEHOLDER until van-core lands: delete on merge. */
public enum DataCategory {
  /** Placeholder. */
  IDENTITY("identity"),
  /** Placeholder. */
  CONTACT("contact"),
  /** Placeholder. */
  LOCATION("location"),
  /** Placeholder. */
  MEDICAL("medical"),
  /** Placeholder. */
  DISABILITY("disability"),
  /** Placeholder. */
  PSYCHOSOCIAL("psychosocial"),
  /** Placeholder. */
  SOCIOECONOMIC("socioeconomic"),
  ;
  private final String code;

  DataCategory(String code) {
    this.code = code;
  }

  /** Placeholder. */
  public String code() {
    return code;
  }
}
