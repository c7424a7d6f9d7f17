package org.vansdk.benchmarks.testkit;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.vansdk.core.place.CountryCode;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;

/**
 * Generates one large population to NDJSON and reports time, rate and peak heap: the end-to-end
 * figure for a million casualties. Arguments: country, casualties, careFlow (true/false), and an
 * optional output file (default: discard).
 *
 * <pre>
 * java -Xmx64m -cp "$(cat cp.txt):benchmarks/target/classes" \
 *     org.vansdk.benchmarks.testkit.PopulationRun KHM 1000000 false
 * </pre>
 */
public final class PopulationRun {
  private PopulationRun() {}

  /**
   * Runs the generation.
   *
   * @param args country, casualties, careFlow, [output file]
   * @throws Exception if the output cannot be written
   */
  public static void main(String[] args) throws Exception {
    String country = args.length > 0 ? args[0] : "KHM";
    long casualties = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    boolean careFlow = args.length > 2 && Boolean.parseBoolean(args[2]);
    PopulationSpec spec =
        PopulationSpec.builder()
            .country(CountryCode.parse(country))
            .casualties(casualties)
            .seed(1)
            .careFlow(careFlow)
            .build();
    long start = System.nanoTime();
    long lines;
    if (args.length > 3) {
      try (OutputStream out = Files.newOutputStream(Path.of(args[3]))) {
        lines = PopulationGenerator.of(spec).writeNdjson(out);
      }
    } else {
      lines = PopulationGenerator.of(spec).writeNdjson(OutputStream.nullOutputStream());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s casualties=%d careFlow=%s lines=%d seconds=%.2f casualties/s=%.0f lines/s=%.0f"
            + " peakHeapMiB=%.1f maxHeapMiB=%.1f%n",
        country,
        casualties,
        careFlow,
        lines,
        seconds,
        casualties / seconds,
        lines / seconds,
        peakHeap / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
  }
}
