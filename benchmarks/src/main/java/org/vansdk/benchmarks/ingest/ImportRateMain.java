package org.vansdk.benchmarks.ingest;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import org.vansdk.ingest.ImportSummary;
import org.vansdk.ingest.Importer;
import org.vansdk.ingest.Mapping;
import org.vansdk.ingest.ShippedMapping;

/**
 * The CSV import rate of {@link ImportBenchmark} on a shared (virtual) machine: the same import,
 * timed both by the wall clock and by the importing thread's CPU time, with the collector's time
 * and the hypervisor's steal over each run. On a machine whose host is busy the wall clock counts
 * time the virtual CPU was not running at all (steal); the thread's CPU time does not, so it gives
 * the rate one core sustains whatever the neighbours do. Both are printed; the closing note states
 * which is which.
 *
 * <pre>
 * java -Xmx2g -XX:ActiveProcessorCount=1 -cp CP org.vansdk.benchmarks.ingest.ImportRateMain 1000000 3 5
 * </pre>
 *
 * <p>Arguments: rows (default 1,000,000), warm-up runs (default 3), measured runs (default 5).
 */
public final class ImportRateMain {
  private ImportRateMain() {}

  /**
   * Writes the CSV once, then imports it the given number of times.
   *
   * @param args rows, warm-up runs, measured runs
   * @throws Exception if the file cannot be written
   */
  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path csv = Files.createTempFile("cmvis-rate", ".csv");
    try {
      LegacySource.writeCsv(csv, rows);
      Importer importer =
          Importer.of(Mapping.shipped(ShippedMapping.CMVIS))
              .withClock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      double[] wall = new double[runs];
      double[] cpu = new double[runs];
      for (int i = -warmUp; i < runs; i++) {
        long gcBefore = gcMillis();
        long[] stealBefore = cpuTicks();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ImportSummary s =
            importer.run(
                csv,
                java.io.OutputStream.nullOutputStream(),
                java.io.OutputStream.nullOutputStream());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        long[] stealAfter = cpuTicks();
        if (s.accepted() != rows) {
          throw new IllegalStateException("rejected rows: " + s.rejected());
        }
        double steal =
            100.0 * (stealAfter[1] - stealBefore[1]) / Math.max(1, stealAfter[0] - stealBefore[0]);
        System.out.printf(
            Locale.ROOT,
            "%s %d: wall %.2f s (%,.0f rows/s)  thread CPU %.2f s (%,.0f rows/s)  GC %d ms"
                + "  steal %.1f%%  load %.2f%n",
            i < 0 ? "warm-up" : "run",
            i < 0 ? i + warmUp + 1 : i + 1,
            seconds,
            rows / seconds,
            cpuSeconds,
            rows / cpuSeconds,
            gcMillis() - gcBefore,
            steal,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (i >= 0) {
          wall[i] = seconds;
          cpu[i] = cpuSeconds;
        }
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf(
          Locale.ROOT,
          "median of %d: wall %.2f s = %,.0f rows/s; thread CPU %.2f s = %,.0f rows/s%n",
          runs,
          wall[runs / 2],
          rows / wall[runs / 2],
          cpu[runs / 2],
          rows / cpu[runs / 2]);
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** All CPU ticks and steal ticks from {@code /proc/stat} (zeros where there is none). */
  private static long[] cpuTicks() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      return new long[] {total, f.length > 8 ? Long.parseLong(f[8]) : 0};
    } catch (java.io.IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
