package org.vansdk.core.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Objects;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * A date known to a year, a month or a day: {@code "1985"}, {@code "1985-06"} or {@code
 * "1985-06-14"}, as birth and incident dates often are. The calendar is checked ({@code 2019-02-30}
 * and {@code 2019-13} are rejected). A partial date stands for the range of days it may be;
 * questions such as "is it certainly before" or "could these be the same day" are answered on those
 * ranges. Immutable and thread-safe. The natural order ({@link #compareTo}) is by earliest day,
 * then coarser precision first; use {@link #isCertainlyBefore} for chronology.
 *
 * @since 1.0
 */
public final class PartialDate implements Comparable<PartialDate> {
  /** The regular expression every partial date matches (the calendar is checked separately). */
  public static final String PATTERN = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";

  private static final Comparator<PartialDate> ORDER =
      Comparator.comparing(PartialDate::earliest).thenComparing(PartialDate::precision);

  private final DatePrecision precision;
  private final int year;
  private final int month;
  private final int day;

  private PartialDate(DatePrecision precision, int year, int month, int day) {
    this.precision = precision;
    this.year = year;
    this.month = month;
    this.day = day;
  }

  /**
   * Parses a partial date.
   *
   * @param text {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}
   * @return the date
   * @throws VanException {@code VAN-C-0003} if malformed or not on the calendar
   */
  @JsonCreator
  public static PartialDate parse(String text) {
    int length = shape(text);
    if (length == 0) {
      throw invalid("a partial date must be YYYY, YYYY-MM or YYYY-MM-DD");
    }
    int year = digits(text, 0, 4);
    if (length == 4) {
      return ofYear(year);
    }
    int month = digits(text, 5, 7);
    if (length == 7) {
      return ofYearMonth(year, month);
    }
    return ofDate(year, month, digits(text, 8, 10));
  }

  /**
   * Whether a text has the shape of a partial date, {@code YYYY}, {@code YYYY-MM} or {@code
   * YYYY-MM-DD} in ASCII digits ({@link #PATTERN}), whether or not it is on the calendar.
   *
   * @param text the text, or null
   * @return true if {@link #parse} would read its digits
   * @since 1.0
   */
  public static boolean isWellFormed(String text) {
    return shape(text) != 0;
  }

  /**
   * The text's length when it has the shape of {@link #PATTERN}, else 0 (no regular expression).
   */
  private static int shape(String text) {
    if (text == null) {
      return 0;
    }
    int length = text.length();
    if (length != 4 && length != 7 && length != 10) {
      return 0;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean ok = i == 4 || i == 7 ? c == '-' : c >= '0' && c <= '9';
      if (!ok) {
        return 0;
      }
    }
    return length;
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /**
   * Returns a date known to the year.
   *
   * @param year 1 to 9999
   * @return the date
   * @throws VanException {@code VAN-C-0003} if out of range
   */
  public static PartialDate ofYear(int year) {
    checkYear(year);
    return new PartialDate(DatePrecision.YEAR, year, 0, 0);
  }

  /**
   * Returns a date known to the month.
   *
   * @param year 1 to 9999
   * @param month 1 to 12
   * @return the date
   * @throws VanException {@code VAN-C-0003} if out of range
   */
  public static PartialDate ofYearMonth(int year, int month) {
    checkYear(year);
    if (month < 1 || month > 12) {
      throw invalid("month " + month + " is not 01-12");
    }
    return new PartialDate(DatePrecision.MONTH, year, month, 0);
  }

  /**
   * Returns a date known to the day.
   *
   * @param year 1 to 9999
   * @param month 1 to 12
   * @param day a day of that month
   * @return the date
   * @throws VanException {@code VAN-C-0003} if not on the calendar
   */
  public static PartialDate ofDate(int year, int month, int day) {
    ofYearMonth(year, month);
    try {
      LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw invalid(String.format("%04d-%02d-%02d is not on the calendar", year, month, day));
    }
    return new PartialDate(DatePrecision.DAY, year, month, day);
  }

  /**
   * Returns the partial date of a full date.
   *
   * @param date the date
   * @return a day-precision partial date
   */
  public static PartialDate from(LocalDate date) {
    return new PartialDate(
        DatePrecision.DAY, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /** Returns how precisely the date is known. */
  public DatePrecision precision() {
    return precision;
  }

  /** Returns the year. */
  public int year() {
    return year;
  }

  /** Returns the month (1-12) if known, else 0. */
  public int monthOrZero() {
    return month;
  }

  /** Returns the first day this date may be. */
  public LocalDate earliest() {
    switch (precision) {
      case YEAR:
        return LocalDate.of(year, 1, 1);
      case MONTH:
        return LocalDate.of(year, month, 1);
      default:
        return LocalDate.of(year, month, day);
    }
  }

  /** Returns the last day this date may be. */
  public LocalDate latest() {
    switch (precision) {
      case YEAR:
        return LocalDate.of(year, 12, 31);
      case MONTH:
        return YearMonth.of(year, month).atEndOfMonth();
      default:
        return LocalDate.of(year, month, day);
    }
  }

  /** Returns true when known to the day. */
  public boolean isFullDate() {
    return precision == DatePrecision.DAY;
  }

  /**
   * Returns true when every day this date may be is before every day the other may be.
   *
   * @param other the other date
   * @return whether this is certainly earlier
   */
  public boolean isCertainlyBefore(PartialDate other) {
    return latest().isBefore(other.earliest());
  }

  /**
   * Returns true when every day this date may be is after every day the other may be.
   *
   * @param other the other date
   * @return whether this is certainly later
   */
  public boolean isCertainlyAfter(PartialDate other) {
    return earliest().isAfter(other.latest());
  }

  /**
   * Returns true when the two dates could be the same day (their ranges overlap): {@code 2019} and
   * {@code 2019-06-14} could; {@code 2019-05} and {@code 2019-06-14} could not.
   *
   * @param other the other date
   * @return whether they may be the same day
   */
  public boolean couldBeSameDay(PartialDate other) {
    return !isCertainlyBefore(other) && !isCertainlyAfter(other);
  }

  /**
   * Returns true when this date is certainly after the given day.
   *
   * @param day a full date, e.g. today
   * @return whether the earliest day this may be is after {@code day}
   */
  public boolean isCertainlyAfter(LocalDate day) {
    return earliest().isAfter(day);
  }

  /** Returns the year as a {@link Year}. */
  public Year toYear() {
    return Year.of(year);
  }

  /** Returns the ISO 8601 text: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}. */
  @JsonValue
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(10);
    pad(sb, year, 4);
    if (precision != DatePrecision.YEAR) {
      pad(sb.append('-'), month, 2);
    }
    if (precision == DatePrecision.DAY) {
      pad(sb.append('-'), day, 2);
    }
    return sb.toString();
  }

  private static void pad(StringBuilder sb, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(digits);
  }

  @Override
  public int compareTo(PartialDate other) {
    return ORDER.compare(this, other);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PartialDate)) {
      return false;
    }
    PartialDate p = (PartialDate) o;
    return p.precision == precision && p.year == year && p.month == month && p.day == day;
  }

  @Override
  public int hashCode() {
    return Objects.hash(precision, year, month, day);
  }

  private static void checkYear(int year) {
    if (year < 1 || year > 9999) {
      throw invalid("year " + year + " is not 0001-9999");
    }
  }

  private static VanException invalid(String message) {
    return new VanException(ErrorCode.INVALID_DATE, message);
  }
}
