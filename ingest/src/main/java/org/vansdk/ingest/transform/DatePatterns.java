package org.vansdk.ingest.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vansdk.core.VanException;
import org.vansdk.core.time.PartialDate;
import org.vansdk.ingest.mapping.ValueSpec.Calendar;

/**
 * Reads dates written in the patterns of a mapping: {@code d} or {@code dd} (day, one or two
 * digits), {@code M} or {@code MM} (month, one or two digits), {@code MMM} (English month name or
 * its first three letters), {@code yyyy} (year, four digits); any other character stands for
 * itself. A pattern without a day gives a month-precision date, one with a year alone a year. Years
 * are converted from the Buddhist Era (CE = BE − 543) as the mapping says. Immutable and
 * thread-safe.
 */
public final class DatePatterns {
  private static final String[] MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december"
  };
  private static final int DAY = -1;
  private static final int MONTH = -2;
  private static final int MONTH_NAME = -3;
  private static final int YEAR = -4;

  private final List<int[]> patterns;
  private final Calendar calendar;

  private DatePatterns(List<int[]> patterns, Calendar calendar) {
    this.patterns = patterns;
    this.calendar = calendar;
  }

  /**
   * Compiles patterns.
   *
   * @param patterns the patterns, each valid per {@link #problem(String)}
   * @param calendar how years are counted
   * @return the compiled patterns
   */
  public static DatePatterns of(List<String> patterns, Calendar calendar) {
    List<int[]> compiled = new ArrayList<>();
    for (String p : patterns) {
      compiled.add(compile(p));
    }
    return new DatePatterns(List.copyOf(compiled), calendar);
  }

  /**
   * Returns what is wrong with a pattern, if anything.
   *
   * @param pattern the pattern
   * @return the problem, for a message
   */
  public static Optional<String> problem(String pattern) {
    int[] tokens;
    try {
      tokens = compile(pattern);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    int days = 0;
    int months = 0;
    int years = 0;
    for (int t : tokens) {
      days += t == DAY ? 1 : 0;
      months += t == MONTH || t == MONTH_NAME ? 1 : 0;
      years += t == YEAR ? 1 : 0;
    }
    if (years != 1 || days > 1 || months > 1 || (days == 1 && months == 0)) {
      return Optional.of(
          "must have yyyy once, at most one day (d) and one month (M), and a month with a day");
    }
    return Optional.empty();
  }

  private static int[] compile(String pattern) {
    List<Integer> tokens = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int run = 1;
      while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
        run++;
      }
      if (c == 'd' && run <= 2) {
        tokens.add(DAY);
      } else if (c == 'M' && run <= 2) {
        tokens.add(MONTH);
      } else if (c == 'M' && run == 3) {
        tokens.add(MONTH_NAME);
      } else if (c == 'y' && run == 4) {
        tokens.add(YEAR);
      } else if (Character.isLetter(c)) {
        throw new IllegalArgumentException(
            "'"
                + pattern.substring(i, i + run)
                + "' is not a pattern letter; use d, dd, M, MM,"
                + " MMM, yyyy");
      } else {
        for (int k = 0; k < run; k++) {
          tokens.add((int) c);
        }
      }
      i += run;
    }
    int[] out = new int[tokens.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = tokens.get(k);
    }
    return out;
  }

  /**
   * Reads a date: the first pattern that matches the whole text wins.
   *
   * @param text the normalised text, with ASCII digits
   * @return the date, or empty when no pattern matches or the date is not on the calendar
   */
  public Optional<PartialDate> parse(String text) {
    for (int[] p : patterns) {
      PartialDate d = match(p, text);
      if (d != null) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private PartialDate match(int[] tokens, String text) {
    int pos = 0;
    int day = -1;
    int month = -1;
    int year = 0;
    int n = text.length();
    for (int t : tokens) {
      if (t >= 0) {
        if (pos >= n || text.charAt(pos) != t) {
          return null;
        }
        pos++;
        continue;
      }
      if (t == MONTH_NAME) {
        int end = pos;
        while (end < n && Character.isLetter(text.charAt(end))) {
          end++;
        }
        month = monthName(text.substring(pos, end));
        if (month == 0) {
          return null;
        }
        pos = end;
        continue;
      }
      int max = t == YEAR ? 4 : 2;
      int start = pos;
      int value = 0;
      while (pos < n && pos - start < max && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        value = value * 10 + (text.charAt(pos) - '0');
        pos++;
      }
      if (pos == start || (t == YEAR && pos - start != 4)) {
        return null;
      }
      if (t == DAY) {
        day = value;
      } else if (t == MONTH) {
        month = value;
      } else {
        year = value;
      }
    }
    if (pos != n) {
      return null;
    }
    if (calendar == Calendar.BUDDHIST || (calendar == Calendar.AUTO && year >= 2400)) {
      year -= 543;
    }
    try {
      if (month == -1) {
        return PartialDate.ofYear(year);
      }
      return day == -1
          ? PartialDate.ofYearMonth(year, month)
          : PartialDate.ofDate(year, month, day);
    } catch (VanException e) {
      return null;
    }
  }

  private static int monthName(String word) {
    if (word.length() < 3) {
      return 0;
    }
    String w = word.toLowerCase(Locale.ROOT);
    for (int m = 0; m < 12; m++) {
      if (MONTHS[m].equals(w) || (w.length() == 3 && MONTHS[m].startsWith(w))) {
        return m + 1;
      }
    }
    return 0;
  }
}
