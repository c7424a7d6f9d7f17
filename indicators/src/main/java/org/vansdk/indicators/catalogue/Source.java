package org.vansdk.indicators.catalogue;

/**
 * A reporting framework or commitment an indicator answers.
 *
 * @since 1.0
 */
public enum Source {
  /** Landmine Monitor casualty and victim-assistance reporting. */
  LANDMINE_MONITOR("Landmine Monitor"),
  /** Cambodia Sustainable Development Goal 18 (end the negative impact of mines/ERW). */
  CAMBODIA_CSDG_18("Cambodia CSDG 18"),
  /** Lao PDR SDG 18 (lives safe from UXO). */
  LAO_SDG_18("Lao SDG 18"),
  /** Oslo Action Plan actions 33-41 and the Siem Reap-Angkor Action Plan 2025-2029. */
  OSLO_SIEM_REAP_ANGKOR("Oslo / Siem Reap-Angkor Action Plan");

  private final String label;

  Source(String label) {
    this.label = label;
  }

  /** The English name of the source. */
  public String label() {
    return label;
  }
}
