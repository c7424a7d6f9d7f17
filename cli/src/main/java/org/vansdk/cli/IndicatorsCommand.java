package org.vansdk.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.catalogue.IndicatorCatalogue;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.engine.IndicatorRequest;
import org.vansdk.indicators.export.IndicatorCsv;
import org.vansdk.indicators.export.IndicatorJson;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code van indicators}: computes the standard indicators from a Submission or NDJSON stream. */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the standard victim-assistance indicators in one pass, with small",
      "cells suppressed. Without --out, prints a readable table."
    },
    footer = {
      "",
      "Examples:",
      "  van indicators khm.ndjson --period 2025",
      "  van indicators khm.ndjson --indicators CAS-01,CAS-05 --by sex,age_group --out cas.csv",
      "  van indicators lao.json --period 2020-01-01..2024-12-31 --min-cell 10 --out lao.json"
    })
final class IndicatorsCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "IN",
      description = "A Submission JSON file or an NDJSON stream; - for standard input.")
  Path in;

  @Option(
      names = "--indicators",
      split = ",",
      paramLabel = "CODES",
      description = "Indicator codes (default: the whole catalogue).")
  List<String> codes;

  @Option(
      names = "--by",
      split = ",",
      paramLabel = "DIMENSIONS",
      description =
          "Disaggregate by these dimensions, e.g. sex,age_group (default: each indicator's defaults).")
  List<String> by;

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      description =
          "A year (2024), FROM..TO years (2000..2025) or FROM..TO dates (2024-01-01..2024-06-30)"
              + " (default: last calendar year).")
  String period;

  @Option(
      names = "--min-cell",
      defaultValue = "5",
      description = "Small-cell threshold; 1 turns suppression off (default 5).")
  int minCell;

  @Option(names = "--out", description = "Write CSV (.csv, SDMX-CSV style) or JSON (.json) here.")
  Path out;

  @Spec CommandSpec spec;

  @ParentCommand Van van;

  @Override
  public Integer call() throws IOException {
    Input input = Input.of(spec.commandLine(), in, van.stdin());
    IndicatorEngine engine =
        IndicatorEngine.builder()
            .period(parsePeriod())
            .threshold(minCell)
            .parallelism(Math.max(1, Runtime.getRuntime().availableProcessors()))
            .build();
    List<IndicatorRequest> requests = requests();
    IndicatorTable table;
    try (Progress progress = Progress.start("records", input.size());
        InputStream stream = new BufferedInputStream(progress.watch(input.open()), 1 << 16)) {
      if (input.namedNdjson() || Sniff.isNdjson(stream)) {
        table = engine.compute(stream, requests);
      } else {
        table = engine.compute(VanJson.strict().readSubmission(stream.readAllBytes()), requests);
      }
    }
    PrintWriter console = spec.commandLine().getOut();
    if (out == null) {
      print(table, console);
      return Van.OK;
    }
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    String text;
    if (name.endsWith(".csv")) {
      text = IndicatorCsv.toCsv(table);
    } else if (name.endsWith(".json")) {
      text = IndicatorJson.toJson(table);
    } else {
      throw new ParameterException(spec.commandLine(), "--out must end in .csv or .json");
    }
    Files.writeString(out, text, StandardCharsets.UTF_8);
    console.printf("wrote %,d observations to %s%n", table.observations().size(), out);
    return Van.OK;
  }

  private ReportingPeriod parsePeriod() {
    try {
      if (period == null) {
        int last = Year.now().getValue() - 1;
        return ReportingPeriod.of(LocalDate.of(last, 1, 1), LocalDate.of(last, 12, 31));
      }
      if (period.matches("\\d{4}")) {
        int y = Integer.parseInt(period);
        return ReportingPeriod.of(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
      }
      String[] ends = period.split("\\.\\.", -1);
      if (ends.length == 2 && ends[0].matches("\\d{4}") && ends[1].matches("\\d{4}")) {
        return ReportingPeriod.of(
            LocalDate.of(Integer.parseInt(ends[0]), 1, 1),
            LocalDate.of(Integer.parseInt(ends[1]), 12, 31));
      }
      if (ends.length == 2) {
        return ReportingPeriod.of(LocalDate.parse(ends[0]), LocalDate.parse(ends[1]));
      }
    } catch (RuntimeException e) {
      // reported below with the allowed forms
    }
    throw new ParameterException(
        spec.commandLine(),
        "--period must be a year (2024), FROM..TO years (2000..2025) or FROM..TO dates"
            + " (2024-01-01..2024-06-30), FROM not after TO");
  }

  private List<IndicatorRequest> requests() {
    List<String> wanted =
        codes == null
            ? null
            : codes.stream()
                .map(c -> c.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toList());
    if (wanted != null) {
      for (String c : wanted) {
        if (IndicatorCatalogue.find(c).isEmpty()) {
          throw new ParameterException(
              spec.commandLine(),
              "unknown indicator "
                  + c
                  + "; known: "
                  + IndicatorCatalogue.all().stream()
                      .map(i -> i.code())
                      .collect(Collectors.joining(", ")));
        }
      }
    }
    if (by != null) {
      Dimension[] dims = by.stream().map(this::dimension).toArray(Dimension[]::new);
      List<String> targets =
          wanted != null
              ? wanted
              : IndicatorCatalogue.all().stream().map(i -> i.code()).collect(Collectors.toList());
      List<IndicatorRequest> requests = new ArrayList<>();
      for (String c : targets) {
        try {
          requests.add(IndicatorRequest.of(c, dims));
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        }
      }
      return requests;
    }
    return IndicatorRequest.defaults().stream()
        .filter(r -> wanted == null || wanted.contains(r.indicator().code()))
        .collect(Collectors.toList());
  }

  private Dimension dimension(String code) {
    for (Dimension d : Dimension.values()) {
      if (d.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    throw new ParameterException(
        spec.commandLine(),
        "unknown dimension "
            + code
            + "; known: "
            + Arrays.stream(Dimension.values())
                .map(Dimension::code)
                .collect(Collectors.joining(", ")));
  }

  static void print(IndicatorTable table, PrintWriter out) {
    out.printf(
        "%-8s %-48s %12s %10s %10s %8s  %s%n",
        "CODE", "CELL", "VALUE", "NUM", "DEN", "UNKNOWN", "STATUS");
    for (Observation o : table.observations()) {
      String cell =
          o.dimensions().isEmpty()
              ? "total"
              : o.dimensions().entrySet().stream()
                  .map(e -> e.getKey().code() + "=" + e.getValue())
                  .collect(Collectors.joining(" "));
      out.printf(
          "%-8s %-48s %12s %10s %10s %8s  %s%n",
          o.indicator(),
          cell.length() > 48 ? cell.substring(0, 47) + "…" : cell,
          o.value().isPresent() ? String.format(Locale.ROOT, "%.4f", o.value().getAsDouble()) : "-",
          o.numerator().isPresent() ? Long.toString(o.numerator().getAsLong()) : "-",
          o.denominator().isPresent() ? Long.toString(o.denominator().getAsLong()) : "-",
          o.unknown().isPresent() ? Long.toString(o.unknown().getAsLong()) : "-",
          o.status().name().toLowerCase(Locale.ROOT));
    }
    out.printf("%,d observations%n", table.observations().size());
  }
}
