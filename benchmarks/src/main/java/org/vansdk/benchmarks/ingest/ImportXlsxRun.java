package org.vansdk.benchmarks.ingest;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.vansdk.ingest.ImportSummary;
import org.vansdk.ingest.Importer;
import org.vansdk.ingest.Mapping;
import org.vansdk.ingest.ShippedMapping;

/**
 * The XLSX memory figure: {@code write FILE N} writes an IMSMA-style workbook of N rows (in its own
 * JVM, so the writer's memory is not counted); {@code import FILE} imports it with the shipped
 * mapping and prints rows, time, rate and the peak heap (sum of the heap pools' peaks). Run the
 * import with {@code -Xmx512m}.
 *
 * <pre>
 * java -cp CP org.vansdk.benchmarks.ingest.ImportXlsxRun write /tmp/imsma.xlsx 1000000
 * java -Xmx512m -cp CP org.vansdk.benchmarks.ingest.ImportXlsxRun import /tmp/imsma.xlsx
 * </pre>
 */
public final class ImportXlsxRun {
  private ImportXlsxRun() {}

  /**
   * Writes or imports the workbook.
   *
   * @param args {@code write FILE N} or {@code import FILE}
   * @throws Exception if the file cannot be written or read
   */
  public static void main(String[] args) throws Exception {
    System.setProperty(
        "log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    Path file = Path.of(args[1]);
    if (args[0].equals("write")) {
      long rows = Long.parseLong(args[2]);
      long start = System.nanoTime();
      LegacySource.writeXlsx(file, rows);
      System.out.printf(
          "wrote %,d rows, %,d bytes in %.1f s%n",
          rows, Files.size(file), (System.nanoTime() - start) / 1e9);
      return;
    }
    Importer importer =
        Importer.of(Mapping.shipped(ShippedMapping.IMSMA))
            .withClock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
    long start = System.nanoTime();
    ImportSummary s =
        importer.run(file, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "%s%nin %.1f s (%,.0f rows/s); peak heap %,d MB (max %,d MB)%n",
        s, seconds, s.read() / seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }
}
