package org.vansdk.indicators.engine;

import org.vansdk.core.submission.ReportingPeriod;

/**
 * Records loaded by an {@link IndicatorEngine} for its reporting period: read once, reduced to the
 * small codes the indicators need (about 60 bytes per casualty) and joined, casualties to their
 * persons, incidents and assessments. Compute any number of request lists from it without reading
 * the records again:
 *
 * <pre>{@code
 * IndicatorData data = engine.load(records);
 * IndicatorTable headline = engine.compute(data, IndicatorRequest.defaults());
 * IndicatorTable bySex = engine.compute(data, List.of(IndicatorRequest.of("CAS-01", Dimension.SEX)));
 * }</pre>
 *
 * Immutable once loaded and safe to share between threads. It belongs to the period it was loaded
 * for: an engine with another period refuses it.
 */
public final class IndicatorData {
  final Dataset dataset;
  private final ReportingPeriod period;

  IndicatorData(Dataset dataset, ReportingPeriod period) {
    this.dataset = dataset;
    this.period = period;
  }

  /** The reporting period the data was loaded for. */
  public ReportingPeriod period() {
    return period;
  }

  /** How many casualty records were loaded. */
  public int casualties() {
    return dataset.casualties;
  }

  /** The period and the number of casualties; never record contents. */
  @Override
  public String toString() {
    return "IndicatorData{period=" + period + ", casualties=" + dataset.casualties + "}";
  }
}
