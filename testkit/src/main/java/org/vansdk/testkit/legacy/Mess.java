package org.vansdk.testkit.legacy;

import java.util.EnumMap;
import java.util.Map;

/**
 * The mess a legacy file is written with: for each kind, the share of rows (or values) it touches,
 * drawn from a seed. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class Mess {
  /** A kind of mess real exports have. */
  public enum Kind {
    /** Empty lines between rows. */
    BLANK_LINES,
    /** Leading, trailing and doubled spaces in values. */
    STRAY_SPACES,
    /** Dates and numbers written in the country's own digits (Khmer, Lao). */
    NATIONAL_DIGITS,
    /** Years in the Buddhist Era (CE + 543). */
    BUDDHIST_ERA,
    /** Province names written in the national language. */
    NATIONAL_NAMES,
    /** Province names with two neighbouring letters swapped. */
    MISSPELT_PROVINCES
  }

  private final long seed;
  private final Map<Kind, Double> rates;

  private Mess(long seed, Map<Kind, Double> rates) {
    this.seed = seed;
    this.rates = Map.copyOf(rates);
  }

  /** Returns no mess at all. */
  public static Mess clean() {
    return new Mess(0, Map.of());
  }

  /**
   * Returns every kind of mess at 10% of rows, drawn from a seed.
   *
   * @param seed the seed
   * @return the mess
   */
  public static Mess typical(long seed) {
    Map<Kind, Double> rates = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      rates.put(k, 0.1);
    }
    return new Mess(seed, rates);
  }

  /**
   * Returns a copy with one kind at a rate.
   *
   * @param kind the kind
   * @param rate the share of rows it touches, 0 to 1
   * @return the mess
   * @throws IllegalArgumentException if the rate is outside 0 to 1
   */
  public Mess with(Kind kind, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("a mess rate is a share from 0 to 1");
    }
    Map<Kind, Double> copy = new EnumMap<>(Kind.class);
    copy.putAll(rates);
    copy.put(kind, rate);
    return new Mess(seed, copy);
  }

  /** Returns the seed. */
  public long seed() {
    return seed;
  }

  /**
   * Returns the rate of a kind.
   *
   * @param kind the kind
   * @return the share of rows it touches, 0 when absent
   */
  public double rate(Kind kind) {
    return rates.getOrDefault(kind, 0.0);
  }

  @Override
  public String toString() {
    return "Mess[seed " + seed + ", " + rates + "]";
  }
}
