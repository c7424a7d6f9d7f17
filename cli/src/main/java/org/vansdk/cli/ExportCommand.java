package org.vansdk.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.NdjsonReader;
import org.vansdk.core.json.NdjsonRecord;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.exchange.hsds.HsdsDirectory;
import org.vansdk.exchange.hsds.HsdsExporter;
import org.vansdk.exchange.sdmx.AdxWriter;
import org.vansdk.exchange.sheet.RecordSheets;
import org.vansdk.exchange.treaty.TreatyExport;
import org.vansdk.exchange.treaty.TreatyTable;
import org.vansdk.exchange.treaty.TreatyTables;
import org.vansdk.indicators.engine.IndicatorData;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.engine.IndicatorRequest;
import org.vansdk.indicators.export.IndicatorCsv;
import org.vansdk.indicators.table.IndicatorTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code van export}: writes records in the formats other systems read. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export records in a standard format: the service directory as HSDS 3.0 (a folder of JSON),",
      "the indicators as SDMX-CSV 2.0 or ADX, the treaty and Landmine Monitor tables (XLSX, or a",
      "folder of CSV), or every record as tables (XLSX: a sheet per record type; CSV: a folder)."
    },
    footer = {
      "",
      "Examples:",
      "  van export khm.ndjson --format hsds --out khm-hsds",
      "  van export khm.ndjson --format sdmx --period 2025 --country KHM --out khm.csv",
      "  van export khm.ndjson --format adx --period 2025 --org-unit KHM --out khm.adx.xml",
      "  van export khm.ndjson --format treaty --period 2025 --lang km --out form-j.xlsx",
      "  van export khm.ndjson --format xlsx --lang th --out records.xlsx"
    })
final class ExportCommand implements Callable<Integer> {
  /** The formats. */
  enum Format {
    HSDS,
    SDMX,
    ADX,
    TREATY,
    XLSX,
    CSV
  }

  @Parameters(index = "0", paramLabel = "IN", description = "A Submission JSON file or NDJSON.")
  Path in;

  @Option(
      names = "--format",
      required = true,
      description = "hsds, sdmx, adx, treaty, xlsx or csv.",
      converter = FormatConverter.class)
  Format format;

  @Option(names = "--out", required = true, description = "Output file or folder.")
  Path out;

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      description = "For indicators and tables: a year or FROM..TO (default: last year).")
  String period;

  @Option(names = "--min-cell", defaultValue = "5", description = "Small-cell threshold (5).")
  int minCell;

  @Option(names = "--lang", defaultValue = "en", description = "en, km, lo, my, th or vi.")
  String lang;

  @Option(names = "--country", description = "SDMX REF_AREA when every record is one country's.")
  String country;

  @Option(names = "--org-unit", description = "ADX orgUnit (default: --country).")
  String orgUnit;

  @Spec CommandSpec spec;

  /** Parses a format case-insensitively, listing the allowed ones when it is none. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a format; allowed: hsds, sdmx, adx, treaty, xlsx, csv");
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(in)) {
      throw new ParameterException(spec.commandLine(), "no such file: " + in);
    }
    PrintWriter console = spec.commandLine().getOut();
    switch (format) {
      case HSDS:
        {
          List<Organisation> orgs = new ArrayList<>();
          List<Service> services = new ArrayList<>();
          List<ServiceLocation> locations = new ArrayList<>();
          forEachRecord(
              r -> {
                if (r instanceof Organisation) {
                  orgs.add((Organisation) r);
                } else if (r instanceof Service) {
                  services.add((Service) r);
                } else if (r instanceof ServiceLocation) {
                  locations.add((ServiceLocation) r);
                }
              });
          HsdsDirectory d = HsdsExporter.export(orgs, services, locations);
          d.write(out);
          console.printf(
              "wrote %,d organizations, %,d services, %,d service-at-locations to %s%n",
              orgs.size(), services.size(), locations.size(), out);
          return Van.OK;
        }
      case SDMX:
        {
          IndicatorTable t = indicators();
          try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (country == null) {
              IndicatorCsv.write(t, w);
            } else {
              IndicatorCsv.write(t, countryCode(), w);
            }
          }
          console.printf("wrote %,d observations to %s%n", t.observations().size(), out);
          return Van.OK;
        }
      case ADX:
        {
          String unit = orgUnit != null ? orgUnit : country;
          if (unit == null) {
            throw new ParameterException(spec.commandLine(), "ADX needs --org-unit or --country");
          }
          AdxWriter writer;
          try {
            writer = AdxWriter.of(unit, Instant.now());
          } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--org-unit: " + e.getMessage());
          }
          IndicatorTable t = indicators();
          try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(t, w);
          }
          console.printf("wrote %,d observations to %s%n", t.observations().size(), out);
          return Van.OK;
        }
      case TREATY:
        {
          IndicatorEngine engine = engine();
          List<TreatyTable> tables = TreatyTables.compute(engine, load(engine));
          if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            try (OutputStream o = Files.newOutputStream(out)) {
              TreatyExport.xlsx(tables, language(), o);
            }
          } else {
            Files.createDirectories(out);
            for (TreatyTable t : tables) {
              try (Writer w =
                  Files.newBufferedWriter(
                      out.resolve(t.kind().code() + ".csv"), StandardCharsets.UTF_8)) {
                TreatyExport.csv(t, language(), w);
              }
            }
          }
          console.printf("wrote %d tables to %s%n", tables.size(), out);
          return Van.OK;
        }
      default:
        {
          long n;
          if (format == Format.XLSX) {
            try (OutputStream o = Files.newOutputStream(out)) {
              RecordSheets sheets = RecordSheets.xlsx(o, language());
              try (sheets) {
                forEachRecord(sheets::add);
              }
              n = sheets.count();
            }
          } else {
            RecordSheets sheets = RecordSheets.csv(out, language());
            try (sheets) {
              forEachRecord(sheets::add);
            }
            n = sheets.count();
          }
          console.printf("wrote %,d records to %s%n", n, out);
          return Van.OK;
        }
    }
  }

  private void forEachRecord(Consumer<Object> action) throws IOException {
    if (ValidateCommand.isNdjson(in)) {
      try (InputStream s = Files.newInputStream(in);
          NdjsonReader reader = Ndjson.reader(VanJson.strict(), s)) {
        for (Optional<NdjsonRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
          action.accept(r.get().record());
        }
      }
      return;
    }
    Submission s = VanJson.strict().readSubmission(Files.readAllBytes(in));
    List<List<?>> all =
        List.of(
            s.persons(),
            s.incidents(),
            s.casualties(),
            s.affectedRelations(),
            s.functioningAssessments(),
            s.needsAssessments(),
            s.organisations(),
            s.services(),
            s.serviceLocations(),
            s.serviceDeliveries(),
            s.consents(),
            s.referrals(),
            s.referralAttempts(),
            s.qualityOfLifeSurveys());
    for (List<?> list : all) {
      list.forEach(action);
    }
  }

  private IndicatorEngine engine() {
    return IndicatorEngine.builder()
        .period(parsePeriod())
        .threshold(minCell)
        .parallelism(Math.max(1, Runtime.getRuntime().availableProcessors()))
        .build();
  }

  private IndicatorData load(IndicatorEngine engine) throws IOException {
    try (InputStream stream = new BufferedInputStream(Files.newInputStream(in), 1 << 16)) {
      if (ValidateCommand.isNdjson(in)) {
        return engine.load(stream);
      }
      return engine.load(VanJson.strict().readSubmission(stream.readAllBytes()));
    }
  }

  private IndicatorTable indicators() throws IOException {
    IndicatorEngine engine = engine();
    return engine.compute(load(engine), IndicatorRequest.defaults());
  }

  private CountryCode countryCode() {
    try {
      return CountryCode.parse(country);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "--country: " + e.getMessage());
    }
  }

  private LabelLanguage language() {
    for (LabelLanguage l : LabelLanguage.values()) {
      if (l.tag().equals(lang.trim().toLowerCase(Locale.ROOT))) {
        return l;
      }
    }
    throw new ParameterException(
        spec.commandLine(), "--lang '" + lang + "' is not one of: en, km, lo, my, th, vi");
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
      String[] ends = period.split("\\.\\.");
      if (ends.length == 2) {
        return ReportingPeriod.of(LocalDate.parse(ends[0]), LocalDate.parse(ends[1]));
      }
    } catch (RuntimeException e) {
      // reported below with the allowed forms
    }
    throw new ParameterException(
        spec.commandLine(), "--period must be a year (2024) or FROM..TO (2024-01-01..2024-06-30)");
  }
}
