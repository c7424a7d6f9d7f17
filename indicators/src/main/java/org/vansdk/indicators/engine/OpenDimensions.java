package org.vansdk.indicators.engine;

import org.vansdk.indicators.catalogue.Dimension;

/**
 * The codes of the open dimensions (admin-1 area, country, year, month, reason), numbered as the
 * data brings their values; code 0 of each is unknown. The fixed dimensions are positions in {@link
 * Dimension#codes()}. Not thread-safe while reading; read-only afterwards.
 */
final class OpenDimensions {
  final Dictionary admin1 = new Dictionary();
  final Dictionary country = new Dictionary();
  final Dictionary year = new Dictionary();
  final Dictionary month = new Dictionary();
  final Dictionary reason = new Dictionary();

  /** The code of a calendar year. */
  int yearCode(int y) {
    return year.code(y, Integer::toString);
  }

  /** The code of a calendar month, {@code YYYY-MM}. */
  int monthCode(int y, int m) {
    return month.code(y * 16 + m, k -> String.format("%04d-%02d", k >> 4, k & 15));
  }

  /** The number of values of a dimension. */
  int cardinality(Dimension d) {
    switch (d) {
      case ADMIN1:
        return admin1.size();
      case COUNTRY:
        return country.size();
      case YEAR:
        return year.size();
      case MONTH:
        return month.size();
      case REASON:
        return reason.size();
      default:
        return d.codes().size();
    }
  }

  /** The value of a dimension's code. */
  String decode(Dimension d, int code) {
    switch (d) {
      case ADMIN1:
        return admin1.value(code);
      case COUNTRY:
        return country.value(code);
      case YEAR:
        return year.value(code);
      case MONTH:
        return month.value(code);
      case REASON:
        return reason.value(code);
      default:
        return d.codes().get(code);
    }
  }
}
