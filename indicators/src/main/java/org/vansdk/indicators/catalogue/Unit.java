package org.vansdk.indicators.catalogue;

import java.util.Locale;

/**
 * The unit of an indicator's value.
 *
 * @since 1.0
 */
public enum Unit {
  /** A number of records (persons, casualties, incidents, attempts). */
  COUNT,
  /** A proportion between 0 and 1: numerator / denominator. */
  PROPORTION,
  /** A ratio that may exceed 1: numerator / denominator (e.g. casualties per incident). */
  RATIO,
  /** A number of days. */
  DAYS;

  /** The stable lower_snake_case code of the unit. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
