package org.vansdk.benchmarks.anonymisation;

import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vansdk.anonymisation.hierarchy.Hierarchy;
import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.FullDomainSearch;
import org.vansdk.anonymisation.search.LossModel;
import org.vansdk.anonymisation.search.PrivacyModel;
import org.vansdk.anonymisation.search.SearchResult;

/**
 * Adult end to end in a cold process: read the CSV and hierarchies, search (k = 5, 5 %, Loss),
 * print the result and the time since JVM start. Argument: the Adult folder.
 */
public final class AdultColdMain {
  private AdultColdMain() {}

  /**
   * Runs once.
   *
   * @param args the folder holding adult.csv and adult_hierarchy_*.csv
   * @throws Exception if a file cannot be read
   */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Path folder = Path.of(args.length > 0 ? args[0] : "../shared/conformance/adult");
    List<String> lines = Files.readAllLines(folder.resolve("adult.csv"), StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(";", -1);
    List<Hierarchy> hierarchies = new ArrayList<>();
    for (String column : header) {
      try (Reader r =
          Files.newBufferedReader(folder.resolve("adult_hierarchy_" + column + ".csv"))) {
        hierarchies.add(Hierarchy.parseCsv(column, r, ';'));
      }
    }
    Dataset.Builder b = Dataset.builder(hierarchies);
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).isEmpty()) {
        b.add(Arrays.asList(lines.get(i).split(";", -1)));
      }
    }
    SearchResult r =
        FullDomainSearch.builder(b.build())
            .privacy(PrivacyModel.kAnonymity(5))
            .suppressionLimit(0.05)
            .loss(LossModel.loss())
            .build()
            .run();
    long end = System.nanoTime();
    long sinceJvmStart =
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.printf(
        "adult: %s %s; main %.0f ms; since JVM start %d ms%n",
        r, r.statistics(), (end - start) / 1e6, sinceJvmStart);
  }
}
