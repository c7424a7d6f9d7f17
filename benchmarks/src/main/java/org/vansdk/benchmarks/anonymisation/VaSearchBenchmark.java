package org.vansdk.benchmarks.anonymisation;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.FullDomainSearch;
import org.vansdk.anonymisation.search.LossModel;
import org.vansdk.anonymisation.search.PrivacyModel;
import org.vansdk.anonymisation.search.SearchResult;

/**
 * The optimal search on a VA-shaped dataset (sex, age, commune, incident date, device, activity; k
 * = 5; 5 % suppression; Loss), one shot per iteration. ARX 3.9.2 takes 89-139 s for 1M records.
 *
 * <p>{@code mvn -q -pl benchmarks exec:exec -Djmh.args=VaSearchBenchmark} (fork, warm-up and
 * iterations are set by annotations: the exec configuration passes {@code jmh.args} as one
 * argument}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx4g"})
public class VaSearchBenchmark {
  /** Number of records. */
  @Param({"1000000"})
  public int records;

  private Dataset data;

  /** Generates the dataset (not measured). */
  @Setup(Level.Trial)
  public void generate() {
    data = VaShapedData.generate(records, 42);
  }

  /**
   * Runs the search.
   *
   * @return the result, consumed by JMH
   */
  @Benchmark
  public SearchResult search() {
    return FullDomainSearch.builder(data)
        .privacy(PrivacyModel.kAnonymity(5))
        .suppressionLimit(0.05)
        .loss(LossModel.loss())
        .build()
        .run();
  }
}
