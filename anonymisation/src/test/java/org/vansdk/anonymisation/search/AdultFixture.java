package org.vansdk.anonymisation.search;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.vansdk.anonymisation.hierarchy.Hierarchy;

/** Locates and loads the public Adult benchmark from the shared conformance folder. */
final class AdultFixture {
  static final String[] COLUMNS = {
    "sex",
    "age",
    "race",
    "marital-status",
    "education",
    "native-country",
    "workclass",
    "occupation",
    "salary-class"
  };

  private AdultFixture() {}

  /** The folder, found from the system property {@code van.conformance.adult} or an ancestor. */
  static Optional<Path> folder() {
    String configured = System.getProperty("van.conformance.adult");
    if (configured != null) {
      Path p = Path.of(configured);
      return Files.isRegularFile(p.resolve("adult.csv")) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/conformance/adult");
      if (Files.isRegularFile(candidate.resolve("adult.csv"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static Dataset load(Path folder) throws IOException {
    List<Hierarchy> hierarchies = new ArrayList<>();
    for (String column : COLUMNS) {
      try (Reader r =
          Files.newBufferedReader(
              folder.resolve("adult_hierarchy_" + column + ".csv"), StandardCharsets.UTF_8)) {
        hierarchies.add(Hierarchy.parseCsv(column, r, ';'));
      }
    }
    List<String> lines = Files.readAllLines(folder.resolve("adult.csv"), StandardCharsets.UTF_8);
    List<String> header = Arrays.asList(lines.get(0).split(";", -1));
    if (!header.equals(Arrays.asList(COLUMNS))) {
      throw new IllegalStateException("unexpected Adult header " + header);
    }
    Dataset.Builder builder = Dataset.builder(hierarchies);
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).isEmpty()) {
        builder.add(Arrays.asList(lines.get(i).split(";", -1)));
      }
    }
    return builder.build();
  }
}
