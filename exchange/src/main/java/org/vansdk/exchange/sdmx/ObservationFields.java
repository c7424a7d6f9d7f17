package org.vansdk.exchange.sdmx;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.Observation;
import org.vansdk.indicators.table.ObservationStatus;

/**
 * Rebuilds an observation from the fields an exchange format carries; shared by the SDMX-CSV and
 * ADX readers so both give back exactly what the engine produced.
 */
final class ObservationFields {
  private ObservationFields() {}

  /**
   * The observation of a cell.
   *
   * @param status the cell's status
   * @param value the value (empty when suppressed or without denominator)
   * @param numerator the numerator (for counts, the count)
   * @param denominator the denominator, empty for indicators without one
   * @param unknown the unknown count
   */
  static Observation of(
      String indicator,
      Map<Dimension, String> dimensions,
      ObservationStatus status,
      OptionalDouble value,
      OptionalLong numerator,
      OptionalLong denominator,
      OptionalLong unknown) {
    long den = denominator.isPresent() ? denominator.getAsLong() : -1;
    Observation o =
        Observation.of(
            indicator,
            dimensions,
            status == ObservationStatus.NORMAL ? value.orElse(0) : Double.NaN,
            numerator.orElse(0),
            den,
            unknown.orElse(0));
    return status.isSuppressed() ? o.suppressed() : o;
  }
}
