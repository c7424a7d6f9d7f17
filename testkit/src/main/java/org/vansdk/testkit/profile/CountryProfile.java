package org.vansdk.testkit.profile;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published shape of a country's mine/ERW casualties, read from a readable, adjustable JSON
 * file ({@code org/vansdk/testkit/profile/KHM.json} and its siblings): shares by era for sex and
 * age, outcome, device, civilian status and activity, amputation among the injured, incident years,
 * provinces with P-codes, organisations, and the public figure each share follows. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * CountryProfile khm = CountryProfile.load("KHM");
 * double menShare = khm.distribution(Attribute.LANDMINE_MONITOR_GROUP).in(1990).share("man");
 * }</pre>
 *
 * @since 1.0
 */
public final class CountryProfile {
  /** The countries with a bundled profile, in alphabetical order. */
  public static final List<String> COUNTRIES = List.of("KHM", "LAO", "MMR", "THA", "VNM");

  private static final Map<String, CountryProfile> BUNDLED = new ConcurrentHashMap<>();

  private final String country;
  private final String countryName;
  private final LocalDate compiledOn;
  private final String summary;
  private final Map<String, Source> sources;
  private final IncidentYears incidentYears;
  private final Map<Attribute, Distribution> distributions;
  private final AdminAreas adminAreas;
  private final List<ProfileOrganisation> organisations;
  private final NameParts names;
  private final List<String> languages;
  private final CareFlow careFlow;

  CountryProfile(
      String country,
      String countryName,
      LocalDate compiledOn,
      String summary,
      Map<String, Source> sources,
      IncidentYears incidentYears,
      Map<Attribute, Distribution> distributions,
      AdminAreas adminAreas,
      List<ProfileOrganisation> organisations,
      NameParts names,
      List<String> languages,
      CareFlow careFlow) {
    this.country = country;
    this.countryName = countryName;
    this.compiledOn = compiledOn;
    this.summary = summary;
    this.sources = sources;
    this.incidentYears = incidentYears;
    this.distributions = new EnumMap<>(distributions);
    this.adminAreas = adminAreas;
    this.organisations = List.copyOf(organisations);
    this.names = names;
    this.languages = List.copyOf(languages);
    this.careFlow = careFlow;
  }

  /**
   * Returns the bundled profile of a country, read once and cached.
   *
   * @param country ISO 3166-1 alpha-3 code, one of {@link #COUNTRIES}
   * @return the profile
   * @throws ProfileException if there is no such profile or the file breaks the format
   */
  public static CountryProfile load(String country) {
    Objects.requireNonNull(country, "country");
    if (!COUNTRIES.contains(country)) {
      throw new ProfileException(
          "no bundled profile for country '"
              + (country.matches("[A-Z]{3}") ? country : "?")
              + "'; available: "
              + String.join(", ", COUNTRIES));
    }
    return BUNDLED.computeIfAbsent(country, CountryProfile::readBundled);
  }

  private static CountryProfile readBundled(String country) {
    String file = country + ".json";
    try (InputStream in = CountryProfile.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new ProfileException("bundled profile " + file + " is missing from the classpath");
      }
      CountryProfile profile = parse(in, file);
      if (!profile.country().equals(country)) {
        throw new ProfileException(
            file + ": /country: is " + profile.country() + " but the file is for " + country);
      }
      return profile;
    } catch (IOException e) {
      throw new ProfileException("cannot read bundled profile " + file, e);
    }
  }

  /**
   * Reads a profile from JSON, strictly: unknown or missing properties, duplicate keys, shares that
   * do not sum to one, eras with gaps, unknown codes or undeclared sources are all rejected.
   *
   * @param json the profile document (UTF-8); not closed
   * @param origin a name for the input used in error messages, e.g. the file name
   * @return the profile
   * @throws ProfileException naming the origin and JSON Pointer of the first problem found
   */
  public static CountryProfile parse(InputStream json, String origin) {
    return new ProfileReader(origin).read(json);
  }

  /** Returns the ISO 3166-1 alpha-3 code, e.g. {@code KHM}. */
  public String country() {
    return country;
  }

  /** Returns the English name of the country. */
  public String countryName() {
    return countryName;
  }

  /** Returns the date the profile was compiled. */
  public LocalDate compiledOn() {
    return compiledOn;
  }

  /** Returns a one-sentence summary of the country's contamination and casualties. */
  public String summary() {
    return summary;
  }

  /** Returns the sources by id, in file order. */
  public Map<String, Source> sources() {
    return sources;
  }

  /** Returns the distribution of incident years. */
  public IncidentYears incidentYears() {
    return incidentYears;
  }

  /**
   * Returns the distribution of an attribute.
   *
   * @param attribute the attribute
   * @return its distribution (every attribute is present in a valid profile)
   */
  public Distribution distribution(Attribute attribute) {
    return Objects.requireNonNull(distributions.get(attribute));
  }

  /** Returns the administrative areas. */
  public AdminAreas adminAreas() {
    return adminAreas;
  }

  /** Returns the organisations of the network, in file order. */
  public List<ProfileOrganisation> organisations() {
    return organisations;
  }

  /** Returns the name parts used for synthetic persons. */
  public NameParts names() {
    return names;
  }

  /** Returns the BCP 47 languages spoken, first the national language. */
  public List<String> languages() {
    return languages;
  }

  /** Returns the synthetic care-flow assumptions. */
  public CareFlow careFlow() {
    return careFlow;
  }

  @Override
  public String toString() {
    return "CountryProfile[" + country + "]";
  }
}
