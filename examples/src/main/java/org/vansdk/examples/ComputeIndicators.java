package org.vansdk.examples;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.engine.IndicatorData;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.engine.IndicatorRequest;
import org.vansdk.indicators.export.IndicatorCsv;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;

/**
 * Compute indicators: casualties by sex (CAS-01) and the case-fatality proportion (CAS-02) over ten
 * years, with small cells suppressed, then export the table as SDMX-style CSV.
 */
public final class ComputeIndicators {
  private ComputeIndicators() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static IndicatorTable run(PrintStream out) {
    Submission submission =
        PopulationGenerator.of(
                PopulationSpec.builder().country(CountryCode.KHM).casualties(500).seed(1).build())
            .toSubmission();

    // The ten years 2000-2009, when most of the generated incidents happened; incidents
    // outside the period are not counted. Cells under 5 are suppressed (the default).
    IndicatorEngine engine =
        IndicatorEngine.builder()
            .period(ReportingPeriod.of(LocalDate.of(2000, 1, 1), LocalDate.of(2009, 12, 31)))
            .build();

    // Load the records once (reduced to codes and joined); each compute is then one pass that
    // feeds every requested indicator and disaggregation, and any number of tables can be
    // computed from the same data. IndicatorRequest.defaults() asks for the whole catalogue.
    // For large NDJSON files use engine.load(InputStream), which streams (on several threads
    // with IndicatorEngine.builder().parallelism(n)).
    IndicatorData data = engine.load(submission);
    List<IndicatorRequest> requests =
        List.of(IndicatorRequest.of("CAS-01", Dimension.SEX), IndicatorRequest.of("CAS-02"));
    IndicatorTable table = engine.compute(data, requests);

    for (Observation o : table.observations()) {
      out.printf(
          Locale.ROOT,
          "%-7s %-12s %-8s numerator %-5s denominator %-5s %s%n",
          o.indicator(),
          o.dimensions().isEmpty() ? "total" : "sex=" + o.dimensions().get(Dimension.SEX),
          o.value().isPresent() ? value(o.value().getAsDouble()) : "-",
          o.numerator().isPresent() ? o.numerator().getAsLong() : "-",
          o.denominator().isPresent() ? o.denominator().getAsLong() : "-",
          o.status().name().toLowerCase(Locale.ROOT));
    }

    // CSV for a spreadsheet or an SDMX tool; IndicatorJson.toJson(table) gives JSON.
    out.println("As CSV:");
    out.print(IndicatorCsv.toCsv(table));
    return table;
  }

  /** Counts as whole numbers, proportions with three decimals. */
  private static String value(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
  }
}
