package org.vansdk.benchmarks.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.id.ServiceLocationId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.exchange.hsds.HsdsDirectory;
import org.vansdk.exchange.hsds.HsdsExporter;
import org.vansdk.exchange.sdmx.AdxWriter;
import org.vansdk.exchange.sheet.RecordSheets;
import org.vansdk.exchange.treaty.TreatyExport;
import org.vansdk.exchange.treaty.TreatyTables;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.engine.IndicatorRequest;
import org.vansdk.indicators.export.IndicatorCsv;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;

/**
 * Time to export 100,000 records in each format, one shot each (output discarded, CSV files in a
 * temporary folder). Records: the first 100,000 of a synthetic Cambodian population (every record
 * type). HSDS exports a directory of 100,000 records (organisations, services and service locations
 * copied from the population's directory with new ids). SDMX-CSV, ADX and the treaty tables include
 * loading the 100,000 records into the indicator engine and computing the tables.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class ExportBenchmark {
  static final ReportingPeriod PERIOD =
      ReportingPeriod.of(LocalDate.of(1990, 1, 1), LocalDate.of(2025, 12, 31));

  @Param({"100000"})
  int records;

  private List<Object> population;
  private List<Organisation> organisations;
  private List<Service> services;
  private List<ServiceLocation> locations;
  private IndicatorEngine engine;
  private Path dir;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    population = new ArrayList<>();
    PopulationGenerator.of(
            PopulationSpec.builder()
                .country(CountryCode.KHM)
                .casualties(records / 4)
                .seed(42)
                .build())
        .forEach(r -> population.add(r));
    if (population.size() < records) {
      throw new IllegalStateException("population too small: " + population.size());
    }
    population = List.copyOf(population.subList(0, records));
    List<Organisation> o0 = new ArrayList<>();
    List<Service> s0 = new ArrayList<>();
    List<ServiceLocation> l0 = new ArrayList<>();
    for (Object r : population) {
      if (r instanceof Organisation) {
        o0.add((Organisation) r);
      } else if (r instanceof Service) {
        s0.add((Service) r);
      } else if (r instanceof ServiceLocation) {
        l0.add((ServiceLocation) r);
      }
    }
    organisations = new ArrayList<>();
    services = new ArrayList<>();
    locations = new ArrayList<>();
    for (int copy = 0;
        organisations.size() + services.size() + locations.size() < records;
        copy++) {
      String suffix = "-" + copy;
      for (Organisation o : o0) {
        organisations.add(
            Organisation.builder()
                .from(o)
                .id(OrganisationId.parse(o.id().value() + suffix))
                .build());
      }
      for (Service s : s0) {
        services.add(
            Service.builder()
                .from(s)
                .id(ServiceId.parse(s.id().value() + suffix))
                .organisationId(OrganisationId.parse(s.organisationId().value() + suffix))
                .build());
      }
      for (ServiceLocation l : l0) {
        locations.add(
            ServiceLocation.builder()
                .from(l)
                .id(ServiceLocationId.parse(l.id().value() + suffix))
                .serviceId(ServiceId.parse(l.serviceId().value() + suffix))
                .build());
      }
    }
    engine = IndicatorEngine.builder().period(PERIOD).build();
    dir = Files.createTempDirectory("van-export-bench");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public long hsds() {
    HsdsDirectory d = HsdsExporter.export(organisations, services, locations);
    long chars = 0;
    for (String f : HsdsDirectory.FILES) {
      chars += d.json(f).length();
    }
    return chars;
  }

  @Benchmark
  public IndicatorTable sdmx() throws IOException {
    IndicatorTable t = engine.compute(population, IndicatorRequest.defaults());
    try (Writer w =
        new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8)) {
      IndicatorCsv.write(t, CountryCode.KHM, w);
    }
    return t;
  }

  @Benchmark
  public IndicatorTable adx() throws IOException {
    IndicatorTable t = engine.compute(population, IndicatorRequest.defaults());
    try (Writer w =
        new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8)) {
      AdxWriter.of("KHM", Instant.EPOCH).write(t, w);
    }
    return t;
  }

  @Benchmark
  public void treaty() {
    TreatyExport.xlsx(
        TreatyTables.compute(engine, engine.load(population)),
        LabelLanguage.KM,
        OutputStream.nullOutputStream());
  }

  @Benchmark
  public long xlsx() {
    try (RecordSheets sheets =
        RecordSheets.xlsx(OutputStream.nullOutputStream(), LabelLanguage.EN)) {
      population.forEach(sheets::add);
      return sheets.count();
    }
  }

  @Benchmark
  public long csv() {
    try (RecordSheets sheets = RecordSheets.csv(dir, LabelLanguage.EN)) {
      population.forEach(sheets::add);
      return sheets.count();
    }
  }
}
