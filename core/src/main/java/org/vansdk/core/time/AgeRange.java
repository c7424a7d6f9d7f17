package org.vansdk.core.time;

import java.util.Optional;

/**
 * The range of completed years a person may have been on a date, given partial dates: born {@code
 * 1985} and hurt on {@code 2019-06-14}, the age is 33 or 34. Immutable.
 *
 * @param min the least possible age in completed years (never negative)
 * @param max the greatest possible age
 * @since 1.0
 */
public record AgeRange(int min, int max) {
  /**
   * Computes the possible ages at a date.
   *
   * @param birth the birth date
   * @param on the date of interest
   * @return the range; {@code min} is clamped at 0
   */
  public static AgeRange between(PartialDate birth, PartialDate on) {
    int max = Math.max(0, years(birth.earliest(), on.latest()));
    int min = Math.max(0, years(birth.latest(), on.earliest()));
    return new AgeRange(Math.min(min, max), max);
  }

  /** Returns the age when it is certain (both ends agree). */
  public Optional<Integer> exact() {
    return min == max ? Optional.of(min) : Optional.empty();
  }

  /**
   * Returns whether a reported age fits this range.
   *
   * @param age the age in completed years
   * @return true when {@code min <= age <= max}
   */
  public boolean contains(int age) {
    return age >= min && age <= max;
  }

  private static int years(java.time.LocalDate from, java.time.LocalDate to) {
    return (int) java.time.temporal.ChronoUnit.YEARS.between(from, to);
  }
}
