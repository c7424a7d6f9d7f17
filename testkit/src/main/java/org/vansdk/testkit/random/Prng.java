package org.vansdk.testkit.random;

import java.util.List;

/**
 * A small, fast pseudo-random generator (SplitMix64) whose sequence is fully defined by its seed,
 * so the same seed gives the same numbers on every JVM and version. Not thread-safe: use one per
 * thread, or {@link #fork(long)} a child per unit of work. Not for cryptography.
 *
 * @since 1.0
 */
public final class Prng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;

  private Prng(long seed) {
    this.state = seed;
  }

  /**
   * Returns a generator seeded with the given value.
   *
   * @param seed any value; equal seeds give equal sequences
   * @return a new generator
   */
  public static Prng of(long seed) {
    return new Prng(seed);
  }

  /**
   * Mixes a seed with a salt into a new, well-spread seed (the SplitMix64 finaliser), so that seeds
   * derived for consecutive salts are unrelated.
   *
   * @param seed a seed
   * @param salt e.g. the index of a record or a constant naming a purpose
   * @return the derived seed
   */
  public static long mix(long seed, long salt) {
    return finalise(seed + GOLDEN * (salt + 1));
  }

  /**
   * Returns an independent child generator for a unit of work, leaving this one unchanged.
   *
   * @param salt distinguishes children of the same parent
   * @return a new generator
   */
  public Prng fork(long salt) {
    return new Prng(mix(state, salt));
  }

  /** Returns the next 64 random bits. */
  public long nextLong() {
    state += GOLDEN;
    return finalise(state);
  }

  private static long finalise(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Returns a uniform double in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /**
   * Returns a uniform int in [0, bound).
   *
   * @param bound greater than 0
   * @return the number
   * @throws IllegalArgumentException if bound is not positive
   */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    // Lemire's multiply-shift; the tiny bias is irrelevant for test data and keeps it branch-free.
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /**
   * Returns a uniform int in [from, to].
   *
   * @param from the smallest value
   * @param to the largest value, not below from
   * @return the number
   */
  public int between(int from, int to) {
    return from + nextInt(to - from + 1);
  }

  /**
   * Returns a uniform long in [from, to].
   *
   * @param from the smallest value
   * @param to the largest value, not below from
   * @return the number
   */
  public long between(long from, long to) {
    long span = to - from + 1;
    if (span <= 0) {
      throw new IllegalArgumentException("to must not be below from");
    }
    return from + Math.floorMod(nextLong(), span);
  }

  /**
   * Returns true with the given probability.
   *
   * @param probability in [0, 1]
   * @return the outcome
   */
  public boolean chance(double probability) {
    return nextDouble() < probability;
  }

  /**
   * Returns a uniformly chosen element.
   *
   * @param items a non-empty list
   * @param <T> the element type
   * @return one of the items
   */
  public <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  /**
   * Returns a uniformly chosen element.
   *
   * @param items a non-empty array
   * @param <T> the element type
   * @return one of the items
   */
  @SafeVarargs
  public final <T> T pick(T... items) {
    return items[nextInt(items.length)];
  }
}
