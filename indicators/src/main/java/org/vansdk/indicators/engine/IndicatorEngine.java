package org.vansdk.indicators.engine;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.catalogue.Unit;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

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
  private final CellSuppression suppression;

  private IndicatorEngine(Builder b) {
    this.period = Objects.requireNonNull(b.period, "period is required");
    this.threshold = b.threshold;
    this.parallelism = b.parallelism;
    this.json = b.json;
    this.suppression = new PrimaryCellSuppression();
  }

  /** A builder; the reporting period is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The reporting period. */
  public ReportingPeriod period() {
    return period;
  }

  /** Accumulates the requests over the records of a submission. */
  public Accumulation accumulate(Submission submission, List<IndicatorRequest> requests) {
    Dataset d = new Dataset(period);
    submission.persons().forEach(d::accept);
    submission.incidents().forEach(d::accept);
    submission.casualties().forEach(d::accept);
    submission.functioningAssessments().forEach(d::accept);
    submission.needsAssessments().forEach(d::accept);
    submission.serviceDeliveries().forEach(d::accept);
    submission.referralAttempts().forEach(d::accept);
    return aggregate(d, requests);
  }

  /** Accumulates the requests over records of any VAN type, in any order. */
  public Accumulation accumulate(Iterable<?> records, List<IndicatorRequest> requests) {
    Dataset d = new Dataset(period);
    for (Object r : records) {
      d.accept(r);
    }
    return aggregate(d, requests);
  }

  /**
   * Accumulates the requests over an NDJSON stream ({@code {"type": ..., "record": ...}} per line),
   * read once. The stream is not closed. Persons, incidents, casualties and functioning assessments
   * are streamed field by field: only the fields the indicators read are checked (syntax, types,
   * codes, dates, identifiers), the rest of such a record is skipped; validate whole records
   * upstream. Every other line is decoded and checked in full.
   *
   * @throws org.vansdk.core.json.VanJsonException on a malformed line, with its line number
   */
  public Accumulation accumulate(InputStream ndjson, List<IndicatorRequest> requests) {
    Dataset d = new Dataset(period);
    new NdjsonFieldReader(json, ndjson, d, parallelism).readAll();
    return aggregate(d, requests);
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

  private Accumulation aggregate(Dataset d, List<IndicatorRequest> requests) {
    List<IndicatorRequest> reqs = List.copyOf(requests);
    d.join();
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

  /**
   * Builds the table of an accumulation: values computed from the counts, small cells suppressed
   * with this engine's threshold and flagged.
   */
  public IndicatorTable table(Accumulation acc) {
    List<Observation> all = new ArrayList<>();
    for (IndicatorRequest r : acc.requests()) {
      List<Observation> cells = observations(acc, r);
      all.addAll(threshold <= 1 ? cells : suppression.apply(cells, threshold));
    }
    return IndicatorTable.of(all);
  }

  static List<Observation> observations(Accumulation acc, IndicatorRequest r) {
    List<Dimension> keyDims = r.keyDimensions();
    String code = r.indicator().code();
    Unit unit = r.indicator().unit();
    List<Observation> out = new ArrayList<>();
    for (Map.Entry<List<String>, long[]> e : acc.cells(r).entrySet()) {
      Map<Dimension, String> dims = new TreeMap<>();
      for (int i = 0; i < keyDims.size(); i++) {
        dims.put(keyDims.get(i), e.getKey().get(i));
      }
      long[] c = e.getValue();
      if (unit == Unit.DAYS) {
        TreeMap<Integer, Long> h = acc.histograms(r).get(e.getKey());
        for (String stat : Dimension.STATISTIC.codes()) {
          Map<Dimension, String> withStat = new TreeMap<>(dims);
          withStat.put(Dimension.STATISTIC, stat);
          double days =
              h == null ? Double.NaN : percentile(h, c[1], stat.equals("median") ? 50 : 90);
          out.add(Observation.of(code, withStat, days, c[1], -1, c[2]));
        }
      } else if (r.indicator().isQuotient()) {
        double v = c[1] == 0 ? Double.NaN : (double) c[0] / c[1];
        out.add(Observation.of(code, dims, v, c[0], c[1], c[2]));
      } else {
        out.add(Observation.of(code, dims, c[0], c[0], -1, c[2]));
      }
    }
    return out;
  }

  /** Nearest-rank percentile: the smallest value whose cumulative count reaches ceil(p/100 n). */
  static double percentile(TreeMap<Integer, Long> histogram, long n, int p) {
    long rank = (n * p + 99) / 100;
    long seen = 0;
    for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return e.getKey();
      }
    }
    return Double.NaN;
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
     * The small-cell threshold: cells with a count from 1 to threshold - 1 are suppressed; 1 or
     * less turns suppression off. Default 5.
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
