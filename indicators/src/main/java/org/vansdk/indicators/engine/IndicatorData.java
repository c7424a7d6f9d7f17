package org.vansdk.indicators.engine;

import org.vansdk.core.submission.ReportingPeriod;

/**
 * Records loaded by an {@link IndicatorEngine} for its reporting period: read once, reduced to the
 * small codes the indicators need and joined, casualties to their persons, incidents and
 * assessments. Compute any number of request lists from it without reading the records again, for
 * example a different table for each audience:
 *
 * <pre>{@code
 * IndicatorData data = engine.load(records);
 * IndicatorTable forTheMonitor = engine.compute(data, IndicatorRequest.defaults());
 * IndicatorTable forTheProvince = engine.compute(data, provinceRequests);
 * }</pre>
 *
 * <p>Small cells are protected within what one {@code compute} call returns: everything that will
 * be published side by side must be computed in one call, or a reader may subtract one table from
 * another.
 *
 * <p>Immutable once loaded and safe to share between threads. It belongs to the period it was
 * loaded for: an engine with another period refuses it.
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
