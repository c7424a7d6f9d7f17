package org.vansdk.benchmarks.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.engine.Accumulation;
import org.vansdk.indicators.engine.IndicatorData;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.engine.IndicatorRequest;
import org.vansdk.indicators.table.IndicatorTable;

/**
 * The VAN indicator engine against DuckDB (in-memory, JDBC) computing the same casualty indicators
 * (CAS-01..06, 08, 09, SUR-01, each in total and by sex, age group, device, admin-1, year and
 * civilian status; CAS-10 by device; CAS-07 by year) over the same synthetic dataset: end to end
 * from one NDJSON file, and from data already in memory. "In memory" is measured two ways for our
 * engine: from model records in a list ({@code engineInMemory}: load, join, accumulate, table), and
 * from data already loaded by {@link IndicatorEngine#load} ({@code engineLoaded}: accumulate and
 * table), the counterpart of DuckDB's loaded tables ({@code duckDbInMemory}, whose SQL still does
 * its joins). {@code engineWholeCatalogue} and {@code engineLoadedWholeCatalogue} are the whole
 * catalogue with every default disaggregation, on 2 threads; {@code tableWholeCatalogue} is its
 * table step alone (layout and small-cell protection).
 *
 * <p>The figures to compare are DuckDB's and ours from the same run. The printed peak heap of the
 * in-memory benchmarks includes the record list held in memory by the setup (about 3 GB at 1M
 * casualties), not only the engine's working set.
 *
 * <pre>
 * benchmarks/run.sh IndicatorsBenchmark -f 1 -wi 1 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g"})
public class IndicatorsBenchmark {
  static final ReportingPeriod PERIOD =
      ReportingPeriod.of(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31));

  private static final List<Dimension> DIMS =
      List.of(
          Dimension.SEX,
          Dimension.AGE_GROUP,
          Dimension.DEVICE_CATEGORY,
          Dimension.ADMIN1,
          Dimension.YEAR,
          Dimension.CIVILIAN_STATUS);

  private static final String[] CASUALTY_CODES = {
    "CAS-01", "CAS-02", "CAS-03", "CAS-04", "CAS-05", "CAS-06", "CAS-08", "CAS-09", "SUR-01"
  };

  /** Number of casualties (persons = casualties, incidents = 2/3). */
  @Param({"1000000"})
  public int casualties;

  private Path file;
  private List<Object> records;
  private List<IndicatorRequest> requests;
  private IndicatorEngine engine;
  private IndicatorEngine parallelEngine;
  private Connection loaded;
  private IndicatorData data;
  private Accumulation wholeCatalogue;

  /** Generates the NDJSON file once into target/, reads it into memory, loads DuckDB. */
  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    file = SyntheticVaFile.ensure(casualties, 42);
    records = SyntheticVaFile.read(file);
    requests = new ArrayList<>();
    for (String code : CASUALTY_CODES) {
      requests.add(IndicatorRequest.of(code));
      for (Dimension d : DIMS) {
        requests.add(IndicatorRequest.of(code, d));
      }
    }
    requests.add(IndicatorRequest.of("CAS-10", Dimension.DEVICE_CATEGORY));
    requests.add(IndicatorRequest.of("CAS-07", Dimension.YEAR));
    engine = IndicatorEngine.builder().period(PERIOD).parallelism(2).build();
    parallelEngine = engine;
    data = engine.load(records);
    wholeCatalogue = engine.accumulate(data, IndicatorRequest.defaults());
    loaded = DriverManager.getConnection("jdbc:duckdb:");
    DuckDbIndicators.load(loaded, file);
  }

  /** Closes DuckDB and prints the peak heap of the trial. */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    loaded.close();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("%npeak heap (sum of heap pool peaks): %d MB%n", peak >> 20);
  }

  /** Our engine, end to end: read and parse the NDJSON file, join, accumulate, build the table. */
  @Benchmark
  public IndicatorTable engineEndToEnd() {
    try (InputStream in = Files.newInputStream(file)) {
      return engine.compute(in, requests);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** DuckDB, end to end: read_json the same file into tables, then run the same indicators. */
  @Benchmark
  public void duckDbEndToEnd(Blackhole bh) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      DuckDbIndicators.load(db, file);
      DuckDbIndicators.compute(db, bh);
    }
  }

  /** Our engine over records already in memory (ingest, join, accumulate, table). */
  @Benchmark
  public IndicatorTable engineInMemory() {
    return engine.compute(records, requests);
  }

  /**
   * Our engine over data already loaded ({@link IndicatorEngine#load}: records reduced to columns
   * and joined once), the counterpart of DuckDB's loaded tables: accumulate and build the table.
   */
  @Benchmark
  public IndicatorTable engineLoaded() {
    return engine.compute(data, requests);
  }

  /** The whole catalogue with every default disaggregation over loaded data, 2 threads. */
  @Benchmark
  public IndicatorTable engineLoadedWholeCatalogue() {
    return parallelEngine.compute(data, IndicatorRequest.defaults());
  }

  /**
   * The table step alone for the whole catalogue: lay out every cell and protect small cells of all
   * requests together (the accumulation is computed once by the setup).
   */
  @Benchmark
  public IndicatorTable tableWholeCatalogue() {
    return engine.table(wholeCatalogue);
  }

  /** DuckDB over tables already loaded. */
  @Benchmark
  public void duckDbInMemory(Blackhole bh) throws SQLException {
    DuckDbIndicators.compute(loaded, bh);
  }

  /** The whole catalogue with every default disaggregation, in memory, 2 threads. */
  @Benchmark
  public IndicatorTable engineWholeCatalogue() {
    return parallelEngine.compute(records, IndicatorRequest.defaults());
  }

  /** Counts result rows so nothing is optimised away. */
  static long drain(ResultSet rs) throws SQLException {
    long n = 0;
    while (rs.next()) {
      n += rs.getLong(rs.getMetaData().getColumnCount());
    }
    return n;
  }

  /** Runs one statement. */
  static void exec(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute(sql);
    }
  }
}
