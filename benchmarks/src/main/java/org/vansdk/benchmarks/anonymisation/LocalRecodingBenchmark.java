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
import org.openjdk.jmh.annotations.Threads;
import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.LocalRecoding;
import org.vansdk.anonymisation.search.LocalRecodingResult;
import org.vansdk.anonymisation.search.LossModel;
import org.vansdk.anonymisation.search.PrivacyModel;

/**
 * Local recoding (global optimum, then top-down specialisation from it and from the top) on the
 * VA-shaped dataset with 6 quasi-identifiers, k = 5, 5 % suppression, ARX's Loss; one shot per
 * iteration, one thread, heap 1 GB. The time includes the global search it starts from.
 *
 * <p>{@code benchmarks/run.sh LocalRecodingBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class LocalRecodingBenchmark {
  /** Number of records. */
  @Param({"100000", "1000000"})
  public int records;

  private Dataset data;

  /** Generates the dataset (not measured). */
  @Setup(Level.Trial)
  public void generate() {
    data = VaShapedData.generate(records, 42);
  }

  /**
   * Runs local recoding.
   *
   * @return the result, consumed by JMH
   */
  @Benchmark
  public LocalRecodingResult localRecoding() {
    return LocalRecoding.builder(data)
        .privacy(PrivacyModel.kAnonymity(5))
        .suppressionLimit(0.05)
        .loss(LossModel.loss())
        .build()
        .run();
  }
}
