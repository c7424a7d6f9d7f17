package org.vansdk.benchmarks.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
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
import org.vansdk.ingest.ImportSummary;
import org.vansdk.ingest.Importer;
import org.vansdk.ingest.Mapping;
import org.vansdk.ingest.ShippedMapping;

/**
 * Imports a CMVIS-style CSV of {@code rows} casualties with the shipped mapping on one thread:
 * parse (Jackson CSV), map (transforms, province names), build (core model), validate (schema
 * module) and write NDJSON (to a discarding stream). Rows per second = rows / (seconds per op). The
 * fork sees one processor, so the JIT and the collector share the importing core's budget.
 *
 * <pre>
 * benchmarks/run.sh ImportBenchmark -f 1 -wi 1 -i 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class ImportBenchmark {
  /** The number of casualty rows. */
  @Param({"1000000"})
  public long rows;

  private Path csv;
  private Importer importer;

  /**
   * Writes the CSV once.
   *
   * @throws IOException if it cannot be written
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    csv = Files.createTempFile("cmvis-bench", ".csv");
    LegacySource.writeCsv(csv, rows);
    importer =
        Importer.of(Mapping.shipped(ShippedMapping.CMVIS))
            .withClock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
  }

  /**
   * Deletes the CSV.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(csv);
  }

  /**
   * Imports the whole file.
   *
   * @return the rows accepted (all of them)
   */
  @Benchmark
  public long importCsv() {
    ImportSummary s =
        importer.run(csv, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    if (s.accepted() != rows) {
      throw new IllegalStateException("rejected rows: " + s.rejected());
    }
    return s.accepted();
  }
}
