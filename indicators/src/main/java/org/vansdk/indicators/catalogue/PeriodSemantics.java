package org.vansdk.indicators.catalogue;

import java.util.Locale;

/**
 * How an indicator relates to the reporting period. A partial date (year, or year-month) counts at
 * its earliest day, so an incident dated only "2023" falls in a period that contains 1 January 2023
 * (under the month dimension it is counted as month unknown).
 *
 * @since 1.0
 */
public enum PeriodSemantics {
  /** Events whose incident date is in the period (flows). */
  INCIDENT_IN_PERIOD,
  /**
   * The stock at the period's end: living survivors injured on or before the end, not died on or
   * before it.
   */
  STOCK_AT_PERIOD_END,
  /** Referral attempts first sent in the period, in UTC. */
  ATTEMPT_SENT_IN_PERIOD;

  /** The stable lower_snake_case code. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
