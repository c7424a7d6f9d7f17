package org.vansdk.exchange.hsds;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.MapResourceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The official HSDS 3.0 schemas and examples, read from the shared conformance folder ({@code
 * -Dvan.conformance.hsds=<dir>}, or {@code shared/conformance/hsds} beside an ancestor of the
 * working directory); never copied into the repository.
 */
final class HsdsConformance {
  static final String MISSING =
      "HSDS 3.0 schemas not found: set -Dvan.conformance.hsds=<dir> or place them at an ancestor's"
          + " shared/conformance/hsds (they are CC BY-SA and are not copied into the repository)";

  /** The IRI prefix under which the folder's files are served to networknt (no network). */
  private static final String BASE = "https://hsds.conformance.invalid/";

  private HsdsConformance() {}

  static Optional<Path> folder() {
    String property = System.getProperty("van.conformance.hsds");
    if (property != null) {
      return Optional.of(Path.of(property)).filter(Files::isDirectory);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/conformance/hsds");
      if (Files.isDirectory(candidate.resolve("schema/compiled"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A schema of the folder, e.g. {@code schema/compiled/service.json}. */
  static Schema schema(Path folder, String file) {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b ->
                b.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .resourceLoaders(
                        r -> r.values(l -> l.add(0, new MapResourceLoader(i -> read(folder, i))))));
    Schema s = registry.getSchema(SchemaLocation.of(BASE + file));
    s.initializeValidators();
    return s;
  }

  private static String read(Path folder, String iri) {
    if (!iri.startsWith(BASE)) {
      throw new UncheckedIOException(new IOException("not a conformance file: " + iri));
    }
    try {
      return Files.readString(folder.resolve(iri.substring(BASE.length())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The errors of a document as readable lines, empty when valid. */
  static String errors(Schema schema, JsonNode document) {
    List<Error> errors = schema.validate(document);
    return errors.stream().map(Error::toString).collect(Collectors.joining("\n"));
  }
}
