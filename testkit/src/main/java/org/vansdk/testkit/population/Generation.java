package org.vansdk.testkit.population;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.place.Location;
import org.vansdk.core.time.PartialDate;
import org.vansdk.testkit.profile.Attribute;
import org.vansdk.testkit.profile.CareFlow;
import org.vansdk.testkit.profile.CountryProfile;
import org.vansdk.testkit.profile.Level1Area;
import org.vansdk.testkit.profile.Shares;
import org.vansdk.testkit.random.Prng;

/**
 * What every emitter of one generation run shares: the spec and its profile, the anchor, the sink,
 * the draws shaped by the profile (with the edge-case rate), record ids and a cache of locations.
 * Not thread-safe.
 */
final class Generation {
  /** Seconds in a day. */
  static final long DAY = 86_400L;

  final PopulationSpec spec;
  final CountryProfile profile;
  final CareFlow care;
  final CountryCode country;
  final String iso3;
  final String lang;
  final long anchorDay;

  /** The last second of the anchor day. */
  final long anchorEnd;

  final double edge;
  final Consumer<Object> sink;

  /**
   * Locations by P-code, reused across records: value objects are immutable, and building one runs
   * the P-code checks. Bounded by the profile's areas, not by the count.
   */
  private final Map<String, Location> locations = new HashMap<>();

  Generation(PopulationSpec spec, Consumer<Object> sink) {
    this.spec = spec;
    this.profile = spec.profile();
    this.care = profile.careFlow();
    this.country = spec.country();
    this.iso3 = country.code();
    this.lang = profile.languages().get(0);
    this.anchorDay = spec.anchorDate().toEpochDay();
    this.anchorEnd = (anchorDay + 1) * DAY - 1;
    this.edge = spec.edgeCaseRate();
    this.sink = sink;
  }

  /** Emits one record. */
  void emit(Object record) {
    sink.accept(record);
  }

  /**
   * Returns a record id in the run's pattern: country, the issuing organisation's code, a kind
   * prefix ({@code P}, {@code C}, {@code R}, ...) and the zero-padded sequence number.
   */
  String id(Provider issuer, String kind, long sequence) {
    return iso3 + "-" + issuer.source.code() + "-" + kind + pad(sequence);
  }

  /**
   * Draws a code of an attribute for a year from the profile; with the edge-case rate, any code of
   * {@code everyCode} instead (when given).
   */
  String draw(Prng r, Attribute attribute, int year, Enum<?>[] everyCode) {
    if (edge > 0 && everyCode != null && r.chance(edge)) {
      return ((CodeValue) r.pick(everyCode)).code();
    }
    Shares s = profile.distribution(attribute).in(year);
    return s.code(s.pick(r.nextDouble()));
  }

  /**
   * Returns a day as a partial date: full with share {@code full}, year-month with {@code month}.
   */
  PartialDate partial(Prng r, long day, double full, double month) {
    LocalDate d = LocalDate.ofEpochDay(day);
    double u = r.nextDouble();
    if (edge > 0 && r.chance(edge)) {
      u = r.nextDouble() * 1.0;
      full = 1 / 3.0;
      month = 1 / 3.0;
    }
    if (u < full) {
      return PartialDate.from(d);
    }
    if (u < full + month) {
      return PartialDate.ofYearMonth(d.getYear(), d.getMonthValue());
    }
    return PartialDate.ofYear(d.getYear());
  }

  static YesNoUnknown yesNoUnknown(Prng r, double yes, double no) {
    double u = r.nextDouble();
    return u < yes ? YesNoUnknown.YES : u < yes + no ? YesNoUnknown.NO : YesNoUnknown.UNKNOWN;
  }

  /** Returns the residence of a person living in a province: the province itself. */
  Location residence(Level1Area province) {
    return location(province.pCode(), 1, province.name());
  }

  Location location(String pCode, int level, String name) {
    Location known = locations.get(pCode);
    if (known == null) {
      known =
          Location.builder().country(country).adminArea(AdminArea.of(pCode, level, name)).build();
      locations.put(pCode, known);
    }
    return known;
  }

  private static String pad(long n) {
    String s = Long.toString(n);
    return s.length() >= 8 ? s : "00000000".substring(s.length()) + s;
  }
}
