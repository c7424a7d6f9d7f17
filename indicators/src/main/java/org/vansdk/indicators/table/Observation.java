package org.vansdk.indicators.table;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * One cell of an indicator table: the indicator, the value of each dimension it is disaggregated
 * by, the value, numerator, denominator, the count of records whose value was unknown, and a
 * status. Suppressed cells carry no value, numerator, denominator or unknown count. Immutable and
 * thread-safe.
 *
 * @since 1.0
 */
public final class Observation {
  private final String indicator;
  private final Map<Dimension, String> dimensions;
  private final double value;
  private final long numerator;
  private final long denominator;
  private final boolean hasDenominator;
  private final long unknown;
  private final ObservationStatus status;

  private Observation(
      String indicator,
      Map<Dimension, String> dimensions,
      double value,
      long numerator,
      long denominator,
      boolean hasDenominator,
      long unknown,
      ObservationStatus status) {
    this.indicator = Objects.requireNonNull(indicator, "indicator");
    this.dimensions = dimensions;
    this.value = value;
    this.numerator = numerator;
    this.denominator = denominator;
    this.hasDenominator = hasDenominator;
    this.unknown = unknown;
    this.status = status;
  }

  /**
   * A cell with a value.
   *
   * @param indicator indicator code
   * @param dimensions dimension values (copied)
   * @param value the value; NaN when there is none (status {@code NO_DENOMINATOR})
   * @param numerator the numerator, or the count for count indicators
   * @param denominator the denominator, or -1 when the indicator has none
   * @param unknown records whose value was unknown
   */
  public static Observation of(
      String indicator,
      Map<Dimension, String> dimensions,
      double value,
      long numerator,
      long denominator,
      long unknown) {
    Map<Dimension, String> dims =
        dimensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(dimensions));
    ObservationStatus status =
        Double.isNaN(value) ? ObservationStatus.NO_DENOMINATOR : ObservationStatus.NORMAL;
    return new Observation(
        indicator,
        dims,
        value,
        numerator,
        Math.max(denominator, 0),
        denominator >= 0,
        unknown,
        status);
  }

  /**
   * This cell with its value, numerator, denominator and unknown count withheld (the count of
   * unknowns is withheld too: added to the denominator it would give back the cell's size). Whether
   * it was small or hidden to protect a small cell is not recorded (see {@link
   * ObservationStatus#SUPPRESSED}).
   */
  public Observation suppressed() {
    return new Observation(
        indicator, dimensions, Double.NaN, 0, 0, hasDenominator, 0, ObservationStatus.SUPPRESSED);
  }

  /** The indicator code, e.g. {@code CAS-02}. */
  public String indicator() {
    return indicator;
  }

  /** The value of each dimension this cell is disaggregated by; absent dimensions are totals. */
  public Map<Dimension, String> dimensions() {
    return dimensions;
  }

  /** The value, empty when suppressed or when the denominator is zero. */
  public OptionalDouble value() {
    return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The numerator (the count, for count indicators), empty when suppressed. */
  public OptionalLong numerator() {
    return status.isSuppressed() ? OptionalLong.empty() : OptionalLong.of(numerator);
  }

  /** The denominator, empty when suppressed or when the indicator has none. */
  public OptionalLong denominator() {
    return status.isSuppressed() || !hasDenominator
        ? OptionalLong.empty()
        : OptionalLong.of(denominator);
  }

  /** The number of records left out because their value was unknown, empty when suppressed. */
  public OptionalLong unknown() {
    return status.isSuppressed() ? OptionalLong.empty() : OptionalLong.of(unknown);
  }

  /** The status of this cell. */
  public ObservationStatus status() {
    return status;
  }

  @Override
  public String toString() {
    return indicator + dimensions + "=" + value().orElse(Double.NaN) + " " + status;
  }
}
