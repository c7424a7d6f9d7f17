package org.vansdk.anonymisation.hierarchy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.vansdk.anonymisation.AnonymisationException;

/**
 * Builders of the generalisation hierarchies of the victim-assistance attributes: age, dates,
 * place, device and activity.
 *
 * <p>Bands honour the child/adult cut at 18 so that every level is a function of the one below: the
 * 5-year band 15-19 is split into 15-17 and 18-19, the 10-year bands are 0-9, 10-17, 18-29, 30-39,
 * ..., and the 20-year bands 0-17, 18-39, 40-59, 60-79, 80+.
 *
 * @since 1.0
 */
public final class VaHierarchies {
  private static final Pattern PCODE = Pattern.compile("[A-Z]{2}(\\d{2}){1,3}");

  private VaHierarchies() {}

  /**
   * Age in whole years, 0 to {@code maxAge}: value, 5-year band, 10-year band, 20-year band, child
   * (under 18) or adult, {@code *}. Leaves are {@code "0"} to {@code "maxAge"}; the last bands are
   * open ({@code "80+"}).
   *
   * @param maxAge the oldest age, at least 80
   * @return the hierarchy of attribute {@code age}
   */
  public static Hierarchy age(int maxAge) {
    return age(maxAge, false);
  }

  /**
   * Age as {@link #age(int)}, plus a leaf {@code unknown} that stays {@code unknown} up to the
   * root, for records where age is not known.
   *
   * @param maxAge the oldest age, at least 80
   * @return the hierarchy of attribute {@code age}
   */
  public static Hierarchy ageWithUnknown(int maxAge) {
    return age(maxAge, true);
  }

  private static Hierarchy age(int maxAge, boolean unknown) {
    if (maxAge < 80) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_CONFIGURATION, "age hierarchy needs maxAge >= 80");
    }
    Hierarchy.Builder b = Hierarchy.builder("age");
    for (int age = 0; age <= maxAge; age++) {
      b.add(
          Integer.toString(age),
          fiveYear(age),
          tenYear(age),
          twentyYear(age),
          age < 18 ? "child" : "adult",
          "*");
    }
    if (unknown) {
      b.add("unknown", "unknown", "unknown", "unknown", "unknown", "*");
    }
    return b.build();
  }

  private static String fiveYear(int age) {
    if (age >= 80) {
      return "80+";
    }
    if (age >= 15 && age <= 19) {
      return age < 18 ? "15-17" : "18-19";
    }
    int lo = age / 5 * 5;
    return lo + "-" + (lo + 4);
  }

  private static String tenYear(int age) {
    if (age >= 80) {
      return "80+";
    }
    if (age >= 10 && age <= 29) {
      return age < 18 ? "10-17" : "18-29";
    }
    int lo = age / 10 * 10;
    return lo + "-" + (lo + 9);
  }

  private static String twentyYear(int age) {
    if (age >= 80) {
      return "80+";
    }
    if (age < 18) {
      return "0-17";
    }
    if (age < 40) {
      return "18-39";
    }
    int lo = age / 20 * 20;
    return lo + "-" + (lo + 19);
  }

  /**
   * Partial ISO dates from {@code firstYear} to {@code lastYear}: day, month, quarter, year, 5-year
   * period, {@code *}. Leaves are every {@code yyyy-mm-dd}, {@code yyyy-mm} and {@code yyyy} in the
   * range; a partial value stays as precise as it is until its own precision is reached (a {@code
   * yyyy} leaf is {@code yyyy} at the month, quarter and year levels).
   *
   * @param attribute the attribute name, e.g. {@code incidentDate}
   * @param firstYear the first year covered
   * @param lastYear the last year covered, at least {@code firstYear}
   * @return the hierarchy
   */
  public static Hierarchy partialDate(String attribute, int firstYear, int lastYear) {
    if (lastYear < firstYear) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_CONFIGURATION,
          "date hierarchy of " + attribute + " has lastYear before firstYear");
    }
    Hierarchy.Builder b = Hierarchy.builder(attribute);
    for (int year = firstYear; year <= lastYear; year++) {
      String y = Integer.toString(year);
      int lo = Math.floorDiv(year, 5) * 5;
      String period = lo + "-" + (lo + 4);
      for (int month = 1; month <= 12; month++) {
        YearMonth ym = YearMonth.of(year, month);
        String q = y + "-Q" + ((month - 1) / 3 + 1);
        for (int day = 1; day <= ym.lengthOfMonth(); day++) {
          b.add(LocalDate.of(year, month, day).toString(), ym.toString(), q, y, period, "*");
        }
        b.add(ym.toString(), ym.toString(), q, y, period, "*");
      }
      b.add(y, y, y, y, period, "*");
    }
    return b.build();
  }

  /**
   * Places by OCHA P-code: admin 3, admin 2, admin 1, country, {@code *}. Every code has two
   * letters then two digits per level ({@code KH12}, {@code KH1201}, {@code KH120101}); codes of
   * level 1 or 2 are leaves too, for records located only that precisely.
   *
   * @param country the ISO 3166-1 alpha-3 code shown at the country level, e.g. {@code KHM}
   * @param pcodes the known P-codes of any level; their ancestors are derived by prefix
   * @return the hierarchy of attribute {@code place}
   * @throws AnonymisationException {@code VAN-A-0002} if a code does not have the P-code shape
   */
  public static Hierarchy place(String country, Collection<String> pcodes) {
    TreeSet<String> all = new TreeSet<>();
    for (String code : pcodes) {
      if (!PCODE.matcher(code).matches()) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_HIERARCHY,
            "place hierarchy: a code is not a P-code of 2 letters and 2, 4 or 6 digits");
      }
      for (int len = 4; len <= code.length(); len += 2) {
        all.add(code.substring(0, len));
      }
    }
    Hierarchy.Builder b = Hierarchy.builder("place");
    for (String code : all) {
      String a1 = code.substring(0, 4);
      String a2 = code.substring(0, Math.min(code.length(), 6));
      b.add(code, a2, a1, country, "*");
    }
    return b.build();
  }

  /**
   * A two-step hierarchy: value, group, {@code *}; used for device (category, then mine or ERW) and
   * activity (activity, then activity group).
   *
   * @param attribute the attribute name
   * @param groupOfValue the group of every value, in the order leaves should be numbered
   * @return the hierarchy
   */
  public static Hierarchy grouped(String attribute, Map<String, String> groupOfValue) {
    Hierarchy.Builder b = Hierarchy.builder(attribute);
    groupOfValue.forEach((value, group) -> b.add(value, group, "*"));
    return b.build();
  }

  /**
   * A one-step hierarchy: value, then {@code *}; used for sex.
   *
   * @param attribute the attribute name
   * @param values the values
   * @return the hierarchy
   */
  public static Hierarchy flat(String attribute, Collection<String> values) {
    Hierarchy.Builder b = Hierarchy.builder(attribute);
    values.forEach(v -> b.add(v, "*"));
    return b.build();
  }
}
