package org.vansdk.indicators.table;

/**
 * The status of an observation, with its SDMX codes from the cross-domain code lists: an {@code
 * OBS_STATUS} code (CL_OBS_STATUS) and a confidentiality code ({@code CONF_STATUS},
 * CL_CONF_STATUS).
 *
 * @since 1.0
 */
public enum ObservationStatus {
  /** A normal value. */
  NORMAL("A", "F"),
  /** No value: the denominator is zero (or, for days, no record reached the state). */
  NO_DENOMINATOR("M", "F"),
  /**
   * Withheld: the cell is small (its count, numerator or denominator is from 1 to the threshold -
   * 1: primary suppression), or it is hidden so that a small cell cannot be recovered from the
   * totals and the cells published beside it (secondary suppression). The two are deliberately not
   * told apart: a cell known to be a mere partner is known to be 0 or at least the threshold, which
   * narrows the small cells it protects, down to their exact value when a pair's total is the
   * threshold.
   */
  SUPPRESSED("Q", "C");

  private final String obsStatus;
  private final String confStatus;

  ObservationStatus(String obsStatus, String confStatus) {
    this.obsStatus = obsStatus;
    this.confStatus = confStatus;
  }

  /**
   * The SDMX {@code OBS_STATUS} code: A (normal value), M (missing value; data cannot exist: the
   * denominator is zero) or Q (missing value; suppressed).
   */
  public String sdmxCode() {
    return obsStatus;
  }

  /** The SDMX {@code CONF_STATUS} code: F (free) or C (confidential). */
  public String sdmxConfidentiality() {
    return confStatus;
  }

  /** Whether the cell's value, numerator, denominator and unknown count are withheld. */
  public boolean isSuppressed() {
    return this == SUPPRESSED;
  }
}
