package org.vansdk.testkit.junit;

import java.util.Objects;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.vansdk.testkit.random.Prng;

/**
 * Seeds for property tests, reproducible and replayable. By default {@code count} seeds are derived
 * from a fixed base, so every run checks the same cases; set {@code -Dvan.seedBase=...} to explore
 * other ones, and {@code -Dvan.seed=...} to replay the one seed a failure printed. Thread-safe.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> casualtiesRoundTrip() {
 *   return Seeds.dynamicTests("casualty round trip", 200, seed -> {
 *     Casualty c = VanGen.casualty(seed);
 *     assertEquals(c, VanJson.strict().read(VanJson.strict().write(c), Casualty.class));
 *   });
 * }
 *
 * @ParameterizedTest(name = "seed {0}")
 * @MethodSource("seeds")
 * void validates(long seed) { ... }
 * static LongStream seeds() { return Seeds.of(100); }
 * }</pre>
 *
 * @since 1.0
 */
public final class Seeds {
  /** The system property that replays a single seed. */
  public static final String REPLAY_PROPERTY = "van.seed";

  /** The system property that changes the base the seeds are derived from. */
  public static final String BASE_PROPERTY = "van.seedBase";

  /** The default base. */
  public static final long DEFAULT_BASE = 0x5EED_5EEDL;

  private Seeds() {}

  /**
   * Returns {@code count} seeds derived from the base, or only the replayed seed when {@code
   * van.seed} is set.
   *
   * @param count how many seeds, at least 1
   * @return the seeds, in a fixed order
   */
  public static LongStream of(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    String replay = System.getProperty(REPLAY_PROPERTY);
    if (replay != null && !replay.isBlank()) {
      return LongStream.of(parse(REPLAY_PROPERTY, replay));
    }
    String baseText = System.getProperty(BASE_PROPERTY);
    long base =
        baseText == null || baseText.isBlank() ? DEFAULT_BASE : parse(BASE_PROPERTY, baseText);
    return LongStream.range(0, count).map(i -> Prng.mix(base, i));
  }

  private static long parse(String property, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "system property "
              + property
              + " must be a whole number (a seed), e.g. -D"
              + property
              + "=42",
          e);
    }
  }

  /**
   * Returns one dynamic test per seed, each named after its seed; a failure is rethrown with the
   * seed and the replay flag in its message.
   *
   * @param name what the property checks
   * @param count how many seeds
   * @param property the check, given the seed
   * @return the tests, for a {@code @TestFactory} method
   */
  public static Stream<DynamicTest> dynamicTests(String name, int count, SeedProperty property) {
    Objects.requireNonNull(property, "property");
    return of(count)
        .mapToObj(
            seed ->
                DynamicTest.dynamicTest(
                    name + " [seed " + seed + "]", () -> check(seed, property)));
  }

  /**
   * Runs a property for one seed, rethrowing a failure as an {@link AssertionError} whose message
   * starts with the seed and how to replay it.
   *
   * @param seed the seed
   * @param property the check
   */
  public static void check(long seed, SeedProperty property) {
    try {
      property.check(seed);
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError) {
        throw (VirtualMachineError) t;
      }
      AssertionError e =
          new AssertionError(
              "seed "
                  + seed
                  + " (replay with -D"
                  + REPLAY_PROPERTY
                  + "="
                  + seed
                  + "): "
                  + t.getMessage(),
              t);
      throw e;
    }
  }

  /** A property checked for one seed. */
  @FunctionalInterface
  public interface SeedProperty {
    /**
     * Checks the property.
     *
     * @param seed the seed to generate from
     * @throws Throwable any failure; it is reported with the seed
     */
    void check(long seed) throws Throwable;
  }
}
