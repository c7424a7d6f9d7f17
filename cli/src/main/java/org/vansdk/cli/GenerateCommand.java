package org.vansdk.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.place.CountryCode;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code van generate}: writes a synthetic national population, deterministic for a seed. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a synthetic, internally consistent national population of victim-assistance records.",
      "Same seed and parameters give byte-identical output on any machine."
    },
    footer = {
      "",
      "Examples:",
      "  van generate --country KHM --persons 10000 --seed 42 --out khm.ndjson",
      "  van generate --country LAO --persons 200 --submission --out lao.json"
    })
final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--country",
      defaultValue = "KHM",
      description = "KHM, LAO, MMR, THA or VNM (default KHM).")
  String country;

  @Option(
      names = "--persons",
      defaultValue = "1000",
      description = "Number of casualties to generate (default 1000).")
  long persons;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default 1).")
  long seed;

  @Option(names = "--out", required = true, description = "Output file.")
  Path out;

  @Option(
      names = "--submission",
      description = "Write one Submission JSON document instead of NDJSON.")
  boolean submission;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (persons < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--persons must be 1 or more");
    }
    PopulationGenerator generator =
        PopulationGenerator.of(
            PopulationSpec.builder()
                .country(CountryCode.parse(country))
                .casualties(persons)
                .seed(seed)
                .build());
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    long records;
    try (Progress progress = Progress.start("records", 0);
        OutputStream stream =
            new BufferedOutputStream(progress.watch(Files.newOutputStream(out)), 1 << 16)) {
      if (submission) {
        var doc = generator.toSubmission();
        stream.write(VanJson.strict().writeBytes(doc));
        records = doc.recordCount();
      } else {
        records = generator.writeNdjson(stream);
      }
    }
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %,d records (%s, %,d casualties, seed %d) to %s%n",
            records, country, persons, seed, out);
    return Van.OK;
  }
}
