package org.vansdk.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.NdjsonReader;
import org.vansdk.core.json.NdjsonRecord;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.person.Person;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.engine.IndicatorRequest;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import org.vansdk.schema.validation.PayloadValidator;
import org.vansdk.schema.validation.ValidationReport;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code van demo}: the SDK's end-to-end story in one command. Generates a national population,
 * validates it, runs a referral through the protocol with H2 file stores, anonymises for regional
 * sharing, and computes the indicators, printing what happened and the figures at each step.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the end-to-end story: generate, validate, refer, anonymise, compute indicators.",
    footer = {"", "Examples:", "  van demo", "  van demo --persons 20000 --dir /tmp/van-demo"})
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--persons",
      defaultValue = "5000",
      description = "Casualties to generate (default 5000).")
  long persons;

  @Option(names = "--seed", defaultValue = "2025", description = "Random seed (default 2025).")
  long seed;

  @Option(names = "--country", defaultValue = "KHM", description = "Country profile (default KHM).")
  String country;

  @Option(
      names = "--dir",
      description = "Working folder for files and stores (default: a new temporary folder).")
  Path dir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("van-demo-");
    Path population = work.resolve(country.toLowerCase(Locale.ROOT) + "-population.ndjson");
    long started = System.nanoTime();

    out.printf(
        "1. Generate a synthetic national population (%s, %,d casualties, seed %d)%n",
        country, persons, seed);
    long t = System.nanoTime();
    long records;
    try (OutputStream stream =
        new BufferedOutputStream(Files.newOutputStream(population), 1 << 16)) {
      records =
          PopulationGenerator.of(
                  PopulationSpec.builder()
                      .country(CountryCode.parse(country))
                      .casualties(persons)
                      .seed(seed)
                      .build())
              .writeNdjson(stream);
    }
    out.printf("   %,d records written to %s in %s%n", records, population, since(t));

    out.println(
        "2. Validate it (schemas, then semantic rules: references, dates, ages, WG-SS, consent)");
    t = System.nanoTime();
    ValidationReport report = PayloadValidator.create().validateNdjson(population);
    out.printf(
        "   %s: %d errors, %d warnings, in %s%n",
        report.isValid() ? "valid" : "INVALID",
        report.errors().size(),
        report.warnings().size(),
        since(t));
    report.errors().stream().limit(5).forEach(i -> out.println("   " + i));

    out.println("3. Refer a survivor from the mine action authority to a rehabilitation centre");
    t = System.nanoTime();
    Person survivor = firstSurvivor(population);
    DemoReferral referral = new DemoReferral(out, work.resolve("network"));
    boolean closedLoop;
    try {
      closedLoop =
          referral.run(
              survivor.id(),
              DemoReferral.personalData(survivor.name().orElse("(no name)"), "below_knee_left"),
              java.time.Instant.now());
    } finally {
      referral.close();
    }
    out.printf(
        "   closed loop %s in %s (node configurations, keys and stores in %s)%n",
        closedLoop ? "verified" : "FAILED", since(t), work.resolve("network"));

    out.println("4. Anonymise for regional sharing");
    t = System.nanoTime();
    boolean anonymised =
        DemoAnonymisation.run(out, population, work.resolve("regional-profile.ndjson"));
    out.printf("   done in %s%n", since(t));

    out.println(
        "5. Compute the indicators (whole catalogue, default disaggregations, cells < 5 suppressed)");
    t = System.nanoTime();
    LocalDate end = PopulationSpec.DEFAULT_ANCHOR;
    LocalDate start = end.minusYears(10).plusDays(1);
    IndicatorTable table;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(population), 1 << 16)) {
      table =
          IndicatorEngine.builder()
              .period(ReportingPeriod.of(start, end))
              .build()
              .compute(in, IndicatorRequest.defaults());
    }
    long suppressed = table.observations().stream().filter(o -> o.status().isSuppressed()).count();
    out.printf(
        "   %,d observations (%,d suppressed) for %s..%s, in %s%n",
        table.observations().size(), suppressed, start, end, since(t));
    for (String code : new String[] {"CAS-01", "CAS-02", "CAS-05", "SUR-01", "REF-01", "DQ-01"}) {
      table.observations(code).stream()
          .filter(o -> o.dimensions().isEmpty() || o.dimensions().size() == 1)
          .findFirst()
          .ifPresent(o -> out.println("   " + describe(o)));
    }

    boolean ok = report.isValid() && closedLoop && anonymised;
    out.printf(
        "%s in %s. Files are in %s%n", ok ? "Demo complete" : "Demo FAILED", since(started), work);
    return ok ? Van.OK : Van.INPUT_PROBLEMS;
  }

  private static String describe(Observation o) {
    String cell =
        o.dimensions().isEmpty()
            ? "total"
            : o.dimensions().entrySet().iterator().next().getKey().code()
                + "="
                + o.dimensions().entrySet().iterator().next().getValue();
    String value =
        o.value().isPresent() ? String.format(Locale.ROOT, "%.3f", o.value().getAsDouble()) : "-";
    return String.format(
        Locale.ROOT,
        "%-7s %-28s value %-10s numerator %-8s denominator %-8s unknown %s",
        o.indicator(),
        cell,
        value,
        o.numerator().isPresent() ? o.numerator().getAsLong() : "-",
        o.denominator().isPresent() ? o.denominator().getAsLong() : "-",
        o.unknown().isPresent() ? o.unknown().getAsLong() : "-");
  }

  private static Person firstSurvivor(Path population) throws IOException {
    java.util.Map<String, Person> persons = new java.util.HashMap<>();
    try (NdjsonReader reader = Ndjson.reader(VanJson.strict(), Files.newInputStream(population))) {
      for (Optional<NdjsonRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
        Object record = r.get().record();
        if (record instanceof Person) {
          persons.put(((Person) record).id().value(), (Person) record);
        } else if (record instanceof Casualty && ((Casualty) record).isSurvivor()) {
          Person p = persons.get(((Casualty) record).personId().value());
          if (p != null) {
            return p;
          }
        }
      }
    }
    throw new IllegalStateException("the generated population has no survivor to refer");
  }

  private static String since(long startNanos) {
    return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
