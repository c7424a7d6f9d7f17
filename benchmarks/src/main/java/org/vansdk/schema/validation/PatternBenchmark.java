package org.vansdk.schema.validation;

import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.regex.RegularExpression;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code pattern} check of the schemas' fast path, {@link DfaPattern} against the registry's
 * JDK regular expression it replaces, on the record id and the date patterns, with valid values
 * (the common case in an import). This class sits in the validation package, in the benchmarks' own
 * jar, because the automaton is package-private.
 *
 * <p>Run under the shared lock: {@code benchmarks/run.sh PatternBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
public class PatternBenchmark {
  private static final String ID = "^[A-Z]{3}-[A-Z0-9]{2,16}-[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
  private static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";

  /** Which pattern: {@code id} (a record id) or {@code date}. */
  @Param({"id", "date"})
  public String pattern;

  private String[] values;
  private RegularExpression automaton;
  private RegularExpression registry;
  private int next;

  /** Compiles the pattern both ways and checks that they agree on the values. */
  @Setup
  public void setUp() {
    String text = pattern.equals("id") ? ID : DATE;
    values =
        pattern.equals("id")
            ? new String[] {
              "KHM-CMAA-c0001", "LAO-UXO-2019.000412", "THA-TMAC-casualty_88", "MMR-MRCS-P-7"
            }
            : new String[] {"1998-03-14", "2019-11-30", "2004-01-01", "2023-07-09"};
    automaton = DfaPattern.compile(text).orElseThrow();
    registry =
        SchemaRegistryConfig.builder()
            .build()
            .getRegularExpressionFactory()
            .getRegularExpression(text);
    for (String v : values) {
      if (!automaton.matches(v) || !registry.matches(v)) {
        throw new IllegalStateException("benchmark values must match " + text);
      }
    }
  }

  private String nextValue() {
    next = (next + 1) & 3;
    return values[next];
  }

  /** The automaton the fast path now uses. */
  @Benchmark
  public boolean automaton() {
    return automaton.matches(nextValue());
  }

  /** The registry's expression: {@code Matcher.find()} on a fresh matcher. */
  @Benchmark
  public boolean registry() {
    return registry.matches(nextValue());
  }
}
