package org.vansdk.indicators.table;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * A table of observations for one reporting period, in a stable order (by request, then by cell).
 * Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class IndicatorTable {
  private final ReportingPeriod period;
  private final List<Observation> observations;

  private IndicatorTable(ReportingPeriod period, List<Observation> observations) {
    this.period = java.util.Objects.requireNonNull(period, "period");
    this.observations = List.copyOf(observations);
  }

  /** A table of these observations for this reporting period, in this order. */
  public static IndicatorTable of(ReportingPeriod period, List<Observation> observations) {
    return new IndicatorTable(period, observations);
  }

  /**
   * The reporting period the observations were computed for: flows count events in it, stocks are
   * taken at its end (see {@link org.vansdk.indicators.catalogue.PeriodSemantics}).
   */
  public ReportingPeriod period() {
    return period;
  }

  /** Every observation. */
  public List<Observation> observations() {
    return observations;
  }

  /** The observations of one indicator. */
  public List<Observation> observations(String indicator) {
    return observations.stream()
        .filter(o -> o.indicator().equals(indicator))
        .collect(Collectors.toList());
  }

  /** Every dimension used by at least one observation, in catalogue order. */
  public Set<Dimension> dimensions() {
    EnumSet<Dimension> used = EnumSet.noneOf(Dimension.class);
    for (Observation o : observations) {
      used.addAll(o.dimensions().keySet());
    }
    return used;
  }
}
