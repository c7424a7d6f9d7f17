package org.vansdk.benchmarks.anonymisation;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.vansdk.anonymisation.pseudonym.PseudonymKey;
import org.vansdk.anonymisation.pseudonym.Pseudonymiser;
import org.vansdk.anonymisation.pseudonym.Purpose;
import org.vansdk.anonymisation.pseudonym.Recipient;

/**
 * Keyed pseudonyms per second on one thread, for 12-digit national IDs written with separators.
 *
 * <p>{@code mvn -q -pl benchmarks exec:exec -Djmh.args=PseudonymBenchmark}; fork and iterations set
 * by annotations. {@code }
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class PseudonymBenchmark {
  private Pseudonymiser pseudonymiser;
  private String[] ids;
  private int next;

  /** Creates the key and identifiers (not measured). */
  @Setup(Level.Trial)
  public void setUp() {
    byte[] secret = new byte[32];
    new SplittableRandom(1).nextBytes(secret);
    pseudonymiser =
        Pseudonymiser.of(
            PseudonymKey.of(Purpose.of("regional_dashboard"), Recipient.of("regional"), 1, secret));
    SplittableRandom random = new SplittableRandom(2);
    ids = new String[1 << 16];
    for (int i = 0; i < ids.length; i++) {
      long v = random.nextLong(1_000_000_000_000L);
      String digits = String.format("%012d", v);
      ids[i] = digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8);
    }
  }

  /**
   * Pseudonymises one identifier.
   *
   * @return the token
   */
  @Benchmark
  public String pseudonym() {
    String id = ids[next];
    next = (next + 1) & (ids.length - 1);
    return pseudonymiser.pseudonym(id);
  }
}
