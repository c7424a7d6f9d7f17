package org.vansdk.ingest.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one value is read from a row: from one column, several joined, a constant or a derivation;
 * then split, mapped through a table, or parsed as a date, number or administrative area.
 * Immutable.
 *
 * @param columns the source columns (one, or several to concatenate); empty for a constant or a
 *     derivation
 * @param separator put between concatenated columns
 * @param constant a fixed value, used when there are no columns
 * @param derive a derivation, used when the columns are blank
 * @param split how to take one part of the value
 * @param map source value (normalised) → target value; empty when not mapped
 * @param unmappedToUnknown whether a value missing from the map becomes {@code unknown} rather than
 *     rejecting the row
 * @param date how to read a date, when the field is a date
 * @param number bounds for a whole number, when the field is a number
 * @param area how to read an administrative area, when the field is a place
 * @param pointer where the value is declared in the mapping
 */
public record ValueSpec(
    List<MappingModel.ColumnRef> columns,
    String separator,
    Optional<String> constant,
    Optional<Derivation> derive,
    Optional<SplitSpec> split,
    Map<String, String> map,
    boolean unmappedToUnknown,
    Optional<DateSpec> date,
    Optional<NumberSpec> number,
    Optional<AreaSpec> area,
    String pointer) {

  /** A derived value. */
  public enum Derivation {
    /** Whole years from the person's birth date to the incident date (both full dates). */
    AGE_FROM_DATES
  }

  /**
   * Takes one part of a value split on a separator.
   *
   * @param separator the separator
   * @param part the 1-based part; negative counts from the end
   */
  public record SplitSpec(String separator, int part) {}

  /**
   * How dates are read.
   *
   * @param patterns patterns tried in order ({@code d}, {@code dd}, {@code M}, {@code MM}, {@code
   *     yyyy}, other characters literal); a pattern without a day or month gives a partial date
   * @param calendar how years are counted
   */
  public record DateSpec(List<String> patterns, Calendar calendar) {}

  /** How years are counted in a source. */
  public enum Calendar {
    /** Common Era years. */
    GREGORIAN,
    /** Buddhist Era years (BE = CE + 543). */
    BUDDHIST,
    /** Buddhist Era when the year is 2400 or more, otherwise Common Era. */
    AUTO
  }

  /**
   * Bounds of a whole number.
   *
   * @param min the smallest allowed
   * @param max the largest allowed
   */
  public record NumberSpec(long min, long max) {}

  /**
   * How an administrative area is read: a P-code, or at level 1 a name in English, the national
   * language or a known spelling.
   *
   * @param level the level (1 to 3); names are resolved at level 1 only
   * @param spellingTolerance how many edits (0 to 2) a misspelt level-1 name may be from a known
   *     one and still resolve, when it is closest to exactly one area
   */
  public record AreaSpec(int level, int spellingTolerance) {}
}
