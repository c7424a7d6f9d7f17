package org.vansdk.core.place;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * An ISO 3166-1 alpha-3 country code such as {@code KHM}, checked against the JDK's list.
 * Immutable; equal when the codes are equal.
 *
 * @since 1.0
 */
public final class CountryCode implements Comparable<CountryCode> {
  private static final Set<String> ISO = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
  private static final Map<String, String> ALPHA2 = alpha2ByAlpha3();

  /** Cambodia. */
  public static final CountryCode KHM = parse("KHM");

  /** Lao People's Democratic Republic. */
  public static final CountryCode LAO = parse("LAO");

  /** Myanmar. */
  public static final CountryCode MMR = parse("MMR");

  /** Thailand. */
  public static final CountryCode THA = parse("THA");

  /** Viet Nam. */
  public static final CountryCode VNM = parse("VNM");

  private final String code;

  private CountryCode(String code) {
    this.code = code;
  }

  /**
   * Parses a country code.
   *
   * @param code three capital letters, e.g. {@code KHM}
   * @return the country
   * @throws VanException {@code VAN-C-0004} if it is not an ISO 3166-1 alpha-3 code
   */
  @JsonCreator
  public static CountryCode parse(String code) {
    if (code == null || !ISO.contains(code)) {
      throw new VanException(
          ErrorCode.INVALID_COUNTRY,
          (code != null && code.matches("[A-Za-z]{1,8}") ? "'" + code + "'" : "the value given")
              + " is not an ISO 3166-1 alpha-3 country code (three capitals, e.g. KHM)");
    }
    return new CountryCode(code);
  }

  /** Returns the three-letter code. */
  @JsonValue
  public String code() {
    return code;
  }

  /** Returns the country's English name as the JDK knows it. */
  public String englishName() {
    String alpha2 = ALPHA2.get(code);
    return alpha2 == null ? code : new Locale("", alpha2).getDisplayCountry(Locale.ENGLISH);
  }

  /** Returns the ISO 3166-1 alpha-2 code, e.g. {@code KH}, when the JDK knows one. */
  public Optional<String> alpha2() {
    return Optional.ofNullable(ALPHA2.get(code));
  }

  private static Map<String, String> alpha2ByAlpha3() {
    Map<String, String> map = new HashMap<>();
    for (String alpha2 : Locale.getISOCountries()) {
      map.put(new Locale("", alpha2).getISO3Country(), alpha2);
    }
    return Map.copyOf(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountryCode && ((CountryCode) o).code.equals(code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public int compareTo(CountryCode other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
