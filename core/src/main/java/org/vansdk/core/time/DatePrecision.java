package org.vansdk.core.time;

/**
 * How precisely a {@link PartialDate} is known, coarsest first.
 *
 * @since 1.0
 */
public enum DatePrecision {
  /** Known to the year. */
  YEAR,
  /** Known to the month. */
  MONTH,
  /** Known to the day. */
  DAY
}
