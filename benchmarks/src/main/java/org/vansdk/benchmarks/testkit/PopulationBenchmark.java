package org.vansdk.benchmarks.testkit;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vansdk.core.place.CountryCode;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;

/**
 * Throughput of synthetic population generation to NDJSON, in casualties per second on one thread.
 * {@code careFlow=false} writes each casualty with its person and incident (the figure the testkit
 * issue targets: 200,000 per second); {@code careFlow=true} adds indirect victims, assessments,
 * consents, referrals, attempts and deliveries. Output goes to a null stream, so this measures
 * generation and serialisation, not the disk. The small heap ({@code -Xmx256m}) shows memory does
 * not grow with the count.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am package -DskipTests && mvn -q -pl benchmarks exec:exec
 * -Djmh.args="PopulationBenchmark -f 1"}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx256m"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class PopulationBenchmark {
  private static final int CASUALTIES = 20_000;

  @Param({"KHM", "LAO"})
  public String country;

  @Param({"false", "true"})
  public boolean careFlow;

  private long seed;
  private PopulationSpec spec;

  @Setup(Level.Invocation)
  public void nextSeed() {
    seed++;
    spec =
        PopulationSpec.builder()
            .country(CountryCode.parse(country))
            .casualties(CASUALTIES)
            .seed(seed)
            .careFlow(careFlow)
            .build();
  }

  @Benchmark
  @OperationsPerInvocation(CASUALTIES)
  public long ndjson() {
    return PopulationGenerator.of(spec).writeNdjson(OutputStream.nullOutputStream());
  }
}
