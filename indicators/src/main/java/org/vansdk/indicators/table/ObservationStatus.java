package org.vansdk.indicators.table;

/** The status of an observation, with its SDMX OBS_STATUS-style code. */
public enum ObservationStatus {
  /** A normal value. */
  NORMAL("A"),
  /** Suppressed because the cell is small (primary) or would reveal a small cell (secondary). */
  SUPPRESSED("C"),
  /** No value: the denominator is zero. */
  NO_DENOMINATOR("M");

  private final String sdmxCode;

  ObservationStatus(String sdmxCode) {
    this.sdmxCode = sdmxCode;
  }

  /** The SDMX observation status code: A (normal), C (confidential), M (missing). */
  public String sdmxCode() {
    return sdmxCode;
  }
}
