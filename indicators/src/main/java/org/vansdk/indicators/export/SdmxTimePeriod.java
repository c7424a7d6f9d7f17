package org.vansdk.indicators.export;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.vansdk.core.submission.ReportingPeriod;

/**
 * A reporting period as SDMX and ADX write it: ISO 8601 text. {@link #sdmx} gives the shortest SDMX
 * form ({@code 2024} for a calendar year, {@code 2024-05} for a calendar month, {@code 2024-05-03}
 * for one day, otherwise a time range {@code 2024-01-01/P182D}); {@link #interval} always gives an
 * ISO 8601 interval of start and duration ({@code 2024-01-01/P1Y}, {@code 2024-05-01/P1M}, {@code
 * 2024-01-01/P182D}), as ADX requires. {@link #parse} reads every form back. Stateless and
 * thread-safe.
 *
 * @since 1.0
 */
public final class SdmxTimePeriod {
  private SdmxTimePeriod() {}

  /** The period as an SDMX time period: year, month, day or start/duration time range. */
  public static String sdmx(ReportingPeriod period) {
    LocalDate s = period.start();
    LocalDate e = period.end();
    if (s.getDayOfYear() == 1 && e.equals(s.withDayOfYear(s.lengthOfYear()))) {
      return Integer.toString(s.getYear());
    }
    if (s.getDayOfMonth() == 1 && e.equals(s.withDayOfMonth(s.lengthOfMonth()))) {
      return String.format(java.util.Locale.ROOT, "%04d-%02d", s.getYear(), s.getMonthValue());
    }
    if (s.equals(e)) {
      return s.toString();
    }
    return interval(period);
  }

  /** The period as an ISO 8601 interval of start and duration, e.g. {@code 2024-01-01/P1Y}. */
  public static String interval(ReportingPeriod period) {
    LocalDate s = period.start();
    LocalDate after = period.end().plusDays(1);
    Period p = Period.between(s, after);
    if (p.getYears() == 1 && p.getMonths() == 0 && p.getDays() == 0 && s.getDayOfYear() == 1) {
      return s + "/P1Y";
    }
    if (p.getYears() == 0 && p.getMonths() == 1 && p.getDays() == 0 && s.getDayOfMonth() == 1) {
      return s + "/P1M";
    }
    return s + "/P" + ChronoUnit.DAYS.between(s, after) + "D";
  }

  /**
   * Reads a period written by {@link #sdmx} or {@link #interval}: {@code YYYY}, {@code YYYY-MM},
   * {@code YYYY-MM-DD}, or {@code YYYY-MM-DD/} followed by {@code P1Y}, {@code P1M}, {@code PnD} or
   * an end date.
   *
   * @throws IllegalArgumentException naming the text's expected forms when it is none of them
   */
  public static ReportingPeriod parse(String text) {
    try {
      int slash = text.indexOf('/');
      if (slash > 0) {
        LocalDate s = LocalDate.parse(text.substring(0, slash));
        String rest = text.substring(slash + 1);
        LocalDate after;
        if (rest.equals("P1Y")) {
          after = s.plusYears(1);
        } else if (rest.equals("P1M")) {
          after = s.plusMonths(1);
        } else if (rest.matches("P[1-9][0-9]{0,5}D")) {
          after = s.plusDays(Long.parseLong(rest.substring(1, rest.length() - 1)));
        } else {
          return ReportingPeriod.of(s, LocalDate.parse(rest));
        }
        return ReportingPeriod.of(s, after.minusDays(1));
      }
      if (text.matches("[0-9]{4}")) {
        int y = Integer.parseInt(text);
        return ReportingPeriod.of(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
      }
      if (text.matches("[0-9]{4}-[0-9]{2}")) {
        LocalDate s = LocalDate.parse(text + "-01");
        return ReportingPeriod.of(s, s.withDayOfMonth(s.lengthOfMonth()));
      }
      LocalDate d = LocalDate.parse(text);
      return ReportingPeriod.of(d, d);
    } catch (DateTimeParseException | org.vansdk.core.VanException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a time period; allowed: YYYY, YYYY-MM, YYYY-MM-DD, or"
              + " YYYY-MM-DD/P1Y, /P1M, /PnD or /YYYY-MM-DD",
          e);
    }
  }
}
