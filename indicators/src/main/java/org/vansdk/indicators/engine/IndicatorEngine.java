package org.vansdk.indicators.engine;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.indicators.table.IndicatorTable;

/**
 * Computes indicators: reads the records once, joins what the indicators need, feeds every
 * requested indicator through mergeable accumulators (in parallel when asked) and builds a table of
 * observations with small cells suppressed. Immutable and thread-safe; each call is independent.
 *
 * <pre>{@code
 * IndicatorEngine engine = IndicatorEngine.builder()
 *     .period(ReportingPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
 *     .build();
 * IndicatorTable table = engine.compute(submission, IndicatorRequest.defaults());
 * }</pre>
 */
public final class IndicatorEngine {
  /** The default small-cell threshold. */
  public static final int DEFAULT_THRESHOLD = 5;

  private final ReportingPeriod period;
  private final int threshold;
  private final int parallelism;
  private final VanJson json;

  private IndicatorEngine(Builder b) {
    this.period = Objects.requireNonNull(b.period, "period is required");
    this.threshold = b.threshold;
    this.parallelism = b.parallelism;
    this.json = b.json;
  }

  /** A builder; the reporting period is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The reporting period. */
  public ReportingPeriod period() {
    return period;
  }

  /** Loads the records of a submission for this engine's period (see {@link IndicatorData}). */
  public IndicatorData load(Submission submission) {
    Dataset d = new Dataset(period);
    submission.persons().forEach(d::accept);
    submission.incidents().forEach(d::accept);
    submission.casualties().forEach(d::accept);
    submission.functioningAssessments().forEach(d::accept);
    submission.needsAssessments().forEach(d::accept);
    submission.serviceDeliveries().forEach(d::accept);
    submission.referralAttempts().forEach(d::accept);
    return joined(d);
  }

  /**
   * Loads records of any VAN type, in any order, for this engine's period. De-identified casualties
   * of a regional release count as casualties each of their own person and incident, with what the
   * release withheld unknown.
   */
  public IndicatorData load(Iterable<?> records) {
    Dataset d = new Dataset(period);
    for (Object r : records) {
      d.accept(r);
    }
    return joined(d);
  }

  /**
   * Loads an NDJSON stream ({@code {"type": ..., "record": ...}} per line) for this engine's
   * period, reading it once; the stream is not closed. With a parallelism above 1 the lines are
   * parsed on that many threads. Persons, incidents, casualties and functioning assessments are
   * streamed field by field: only the fields the indicators read are checked (syntax, types, codes,
   * dates, identifiers, each field given once), the rest of such a record is skipped; validate
   * whole records upstream. Every other line is decoded and checked in full.
   *
   * @throws org.vansdk.core.json.VanJsonException on a malformed line, with its line number
   */
  public IndicatorData load(InputStream ndjson) {
    Dataset d = new Dataset(period);
    new NdjsonFieldReader(json, ndjson, d, parallelism).readAll();
    return joined(d);
  }

  private IndicatorData joined(Dataset d) {
    d.join();
    return new IndicatorData(d, period);
  }

  /**
   * Accumulates the requests over loaded data; nothing is read again.
   *
   * @throws IllegalArgumentException if the data was loaded for another reporting period
   */
  public Accumulation accumulate(IndicatorData data, List<IndicatorRequest> requests) {
    if (!data.period().equals(period)) {
      throw new IllegalArgumentException(
          "the data was loaded for the period "
              + data.period()
              + "; this engine computes "
              + period
              + ": load it again with this engine");
    }
    List<IndicatorRequest> reqs = List.copyOf(requests);
    Dataset d = data.dataset;
    if (parallelism <= 1) {
      return new Aggregation(d, reqs).run(0, 1);
    }
    int parts = parallelism;
    return IntStream.range(0, parts)
        .parallel()
        .mapToObj(p -> new Aggregation(d, reqs).run(p, parts))
        .reduce(Accumulation::merge)
        .orElseThrow();
  }

  /** Accumulates the requests over the records of a submission. */
  public Accumulation accumulate(Submission submission, List<IndicatorRequest> requests) {
    return accumulate(load(submission), requests);
  }

  /** Accumulates the requests over records of any VAN type, in any order. */
  public Accumulation accumulate(Iterable<?> records, List<IndicatorRequest> requests) {
    return accumulate(load(records), requests);
  }

  /**
   * Accumulates the requests over an NDJSON stream, read once as {@link #load(InputStream)} reads
   * it. The stream is not closed.
   *
   * @throws org.vansdk.core.json.VanJsonException on a malformed line, with its line number
   */
  public Accumulation accumulate(InputStream ndjson, List<IndicatorRequest> requests) {
    return accumulate(load(ndjson), requests);
  }

  /**
   * Computes the requests over loaded data and builds the suppressed table. Cells are protected
   * within this one table: compute together whatever will be published side by side.
   */
  public IndicatorTable compute(IndicatorData data, List<IndicatorRequest> requests) {
    return table(accumulate(data, requests));
  }

  /** Computes the requests over a submission and builds the suppressed table. */
  public IndicatorTable compute(Submission submission, List<IndicatorRequest> requests) {
    return table(accumulate(submission, requests));
  }

  /** Computes the requests over records of any VAN type and builds the suppressed table. */
  public IndicatorTable compute(Iterable<?> records, List<IndicatorRequest> requests) {
    return table(accumulate(records, requests));
  }

  /** Computes the requests over an NDJSON stream and builds the suppressed table. */
  public IndicatorTable compute(InputStream ndjson, List<IndicatorRequest> requests) {
    return table(accumulate(ndjson, requests));
  }

  /**
   * Builds the table of an accumulation: every cell of every request (zeros included), values
   * computed from the counts, small cells and the cells that would reveal them suppressed with this
   * engine's threshold and flagged (see {@link org.vansdk.indicators.table.ObservationStatus}).
   */
  public IndicatorTable table(Accumulation acc) {
    return new TableBuilder(period, threshold).build(acc);
  }

  /** Builds an {@link IndicatorEngine}. Not thread-safe. */
  public static final class Builder {
    private ReportingPeriod period;
    private int threshold = DEFAULT_THRESHOLD;
    private int parallelism = 1;
    private VanJson json = VanJson.strict();

    private Builder() {}

    /** The reporting period (required). */
    public Builder period(ReportingPeriod period) {
      this.period = Objects.requireNonNull(period, "period");
      return this;
    }

    /**
     * The small-cell threshold: cells whose count, numerator or denominator is from 1 to threshold
     * - 1 are suppressed (primary), and so are the cells needed so that none of them can be
     * recovered from the totals published beside them (secondary); 1 or less turns suppression off.
     * Default 5.
     */
    public Builder threshold(int threshold) {
      this.threshold = threshold;
      return this;
    }

    /** How many slices to accumulate in parallel (common fork-join pool); default 1. */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be 1 or more, got " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /** The JSON codec for NDJSON input; default {@link VanJson#strict()}. */
    public Builder json(VanJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /** The engine. */
    public IndicatorEngine build() {
      return new IndicatorEngine(this);
    }
  }
}
