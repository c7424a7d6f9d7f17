package org.vansdk.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.vansdk.ingest.ImportSummary;
import org.vansdk.ingest.Importer;
import org.vansdk.ingest.Mapping;
import org.vansdk.ingest.ShippedMapping;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code van import}: turns a national export (CSV or XLSX) into canonical records as a mapping
 * document says; or prints a shipped mapping to start from. The console shows counts only, never a
 * value from the file.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a national export (CSV or XLSX) into canonical records (NDJSON) with a mapping.",
      "Every row ends in the output or in the reject file (row, column, reason code); the",
      "summary counts rows read = accepted + rejected. Output is validated before it is",
      "written, and replaces OUT only when the import completes."
    },
    footer = {
      "",
      "Exit codes: 0 every row imported, 1 some rows rejected or the mapping or file is unusable",
      "(the message says which), 2 usage errors.",
      "Examples:",
      "  van import --example-mapping cmvis > cmvis.mapping.json",
      "  van import --mapping cmvis.mapping.json casualties.csv --out khm.ndjson",
      "  van import --mapping imsma.mapping.json victims.xlsx --out lao.ndjson --rejects lao.csv",
      "  van import --mapping-schema > mapping.schema.json"
    })
final class ImportCommand implements Callable<Integer> {
  static {
    // POI logs through the Log4j API; without a provider it warns on the console.
    if (System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty(
          "log4j2.loggerContextFactory",
          "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  /** What to do: import, or print a shipped mapping or the mapping schema. */
  static final class Mode {
    @Option(names = "--mapping", paramLabel = "M.json", description = "The mapping document.")
    Path mapping;

    @Option(
        names = "--example-mapping",
        paramLabel = "NAME",
        description = "Print a shipped mapping: cmvis, imsma or dmis.")
    String example;

    @Option(names = "--mapping-schema", description = "Print the mapping document's JSON Schema.")
    boolean schema;
  }

  @Parameters(arity = "0..1", paramLabel = "IN", description = "The CSV or XLSX file.")
  Path input;

  @Option(names = "--out", paramLabel = "OUT.ndjson", description = "The records (NDJSON).")
  Path out;

  @Option(
      names = "--rejects",
      paramLabel = "R.csv",
      description = "The reject file (default: OUT with .rejects.csv).")
  Path rejects;

  @Option(
      names = "--max-size",
      paramLabel = "BYTES",
      defaultValue = "1073741824",
      description = "The largest input file accepted (default 1 GiB).")
  long maxSize;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter console = spec.commandLine().getOut();
    if (mode.example != null) {
      ShippedMapping shipped;
      try {
        shipped = ShippedMapping.fromCode(mode.example);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      console.print(new String(shipped.document(), StandardCharsets.UTF_8));
      console.flush();
      return Van.OK;
    }
    if (mode.schema) {
      console.print(Mapping.schema());
      console.flush();
      return Van.OK;
    }
    if (input == null || out == null) {
      throw new ParameterException(spec.commandLine(), "an import needs IN and --out");
    }
    if (maxSize < 1) {
      throw new ParameterException(spec.commandLine(), "--max-size must be 1 or more");
    }
    Mapping mapping = Mapping.read(mode.mapping);
    Path rejectFile = rejects != null ? rejects : siblingWithSuffix(out, ".rejects.csv");
    Path outTmp = temporary(out);
    Path rejectTmp = temporary(rejectFile);
    ImportSummary summary;
    try (Progress progress = Progress.start("rows", 0);
        OutputStream records = new BufferedOutputStream(Files.newOutputStream(outTmp), 1 << 16);
        OutputStream rejected = new BufferedOutputStream(Files.newOutputStream(rejectTmp))) {
      summary =
          Importer.of(mapping)
              .withMaxFileBytes(maxSize)
              .withProgress(progress::update)
              .run(input, records, rejected);
    } catch (RuntimeException | IOException e) {
      Files.deleteIfExists(outTmp);
      Files.deleteIfExists(rejectTmp);
      throw e;
    }
    Files.move(outTmp, out, StandardCopyOption.REPLACE_EXISTING);
    if (summary.rejected() > 0) {
      Files.move(rejectTmp, rejectFile, StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.deleteIfExists(rejectTmp);
      Files.deleteIfExists(rejectFile);
    }
    console.printf("%s: %s%n", input.getFileName(), summary);
    console.printf("records written to %s%n", out);
    if (summary.rejected() > 0) {
      console.printf(
          "%,d rejected rows listed in %s (row, column, reason code)%n",
          summary.rejected(), rejectFile);
      return Van.INPUT_PROBLEMS;
    }
    return Van.OK;
  }

  private static Path siblingWithSuffix(Path file, String suffix) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
  }

  private static Path temporary(Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    return Files.createTempFile(parent, "." + target.getFileName(), ".partial");
  }
}
