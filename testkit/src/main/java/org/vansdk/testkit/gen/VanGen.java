package org.vansdk.testkit.gen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vansdk.core.casualty.AffectedRelation;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.need.Need;
import org.vansdk.core.need.NeedStatus;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.person.Contact;
import org.vansdk.core.person.Person;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.submission.Submission;
import org.vansdk.core.time.PartialDate;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;
import org.vansdk.testkit.profile.CountryProfile;
import org.vansdk.testkit.random.Prng;

/**
 * Seeded generators of valid records for tests: the same seed always gives the same value, and a
 * range of seeds covers the realistic cases and the edge cases with useful frequency (every code,
 * partial dates of each precision, youngest and oldest ages, unknown sex and age, empty and large
 * collections, every attempt end state). Each value comes from a small generated population, so it
 * is valid on its own; {@link #submission(long)} returns a whole consistent document. Static and
 * thread-safe.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> casualtyRoundTrips() {
 *   return Seeds.dynamicTests("casualty JSON round trip", 200, seed -> {
 *     Casualty c = VanGen.casualty(seed);
 *     assertEquals(c, VanJson.strict().read(VanJson.strict().write(c), Casualty.class));
 *   });
 * }
 * }</pre>
 *
 * @since 1.0
 */
public final class VanGen {
  private static final long SALT_SPEC = 0x5350_4543L;
  private static final long SALT_PICK = 0x5049_434BL;
  private static final long SALT_EDGE = 0x4544_4745L;

  /** The last population generated on this thread: tests often ask several types of one seed. */
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  private VanGen() {}

  private static List<Object> records(PopulationSpec spec) {
    Object[] last = LAST.get();
    if (last != null && last[0].equals(spec)) {
      @SuppressWarnings("unchecked")
      List<Object> cached = (List<Object>) last[1];
      return cached;
    }
    List<Object> records = new ArrayList<>();
    PopulationGenerator.of(spec).forEach(records::add);
    LAST.set(new Object[] {spec, java.util.Collections.unmodifiableList(records)});
    return records;
  }

  /**
   * Returns the population spec behind a seed: one of the five countries, 1 to 30 casualties, an
   * edge-case rate of 0 (a third of seeds), about 0.3 or about 0.8, and now and then an anchor date
   * other than 2025-12-31.
   *
   * @param seed any seed
   * @return the spec
   */
  public static PopulationSpec spec(long seed) {
    Prng r = Prng.of(Prng.mix(seed, SALT_SPEC));
    List<String> countries = CountryProfile.COUNTRIES;
    int mode = r.nextInt(3);
    return PopulationSpec.builder()
        .country(CountryCode.parse(countries.get(r.nextInt(countries.size()))))
        .casualties(r.between(1, 30))
        .seed(seed)
        .edgeCaseRate(mode == 0 ? 0 : mode == 1 ? 0.3 : 0.8)
        .anchorDate(
            r.chance(0.1)
                ? LocalDate.of(r.between(1990, 2040), r.between(1, 12), r.between(1, 28))
                : PopulationSpec.DEFAULT_ANCHOR)
        .build();
  }

  /**
   * Returns a small, internally consistent Submission: directory, incidents, casualties and
   * everything that follows them.
   *
   * @param seed any seed
   * @return the submission
   */
  public static Submission submission(long seed) {
    return PopulationGenerator.of(spec(seed)).toSubmission();
  }

  /**
   * Returns a person: a casualty or an indirect victim; sometimes with no name, sex or birth date
   * (unidentified), many external identifiers, or a contact (addresses under example.org).
   *
   * @param seed any seed
   * @return the person
   */
  public static Person person(long seed) {
    Person p = pick(seed, Person.class);
    Prng r = Prng.of(Prng.mix(seed, SALT_EDGE));
    Person.Builder b = Person.builder().from(p);
    if (r.chance(0.15)) {
      int n = r.between(2, 40);
      for (int i = 0; i < n; i++) {
        b.addIdentifiers(ExternalIdentifier.of("system-" + (i % 5), "id-" + seed + "-" + i));
      }
    }
    if (r.chance(0.2)) {
      b.contact(
          Contact.builder()
              .email("person" + Long.toUnsignedString(seed, 36) + "@example.org")
              .build());
    }
    return b.build();
  }

  /**
   * Returns an incident.
   *
   * @param seed any seed
   * @return the incident
   */
  public static Incident incident(long seed) {
    return pick(seed, Incident.class);
  }

  /**
   * Returns a casualty; killed, injured (with injuries, amputations, sensory loss) or unknown.
   *
   * @param seed any seed
   * @return the casualty
   */
  public static Casualty casualty(long seed) {
    return pick(seed, Casualty.class);
  }

  /**
   * Returns an indirect victim's relation to a casualty.
   *
   * @param seed any seed
   * @return the relation
   */
  public static AffectedRelation affectedRelation(long seed) {
    return pick(seed, AffectedRelation.class);
  }

  /**
   * Returns a WG-SS functioning assessment.
   *
   * @param seed any seed
   * @return the assessment
   */
  public static FunctioningAssessment functioningAssessment(long seed) {
    return pick(seed, FunctioningAssessment.class);
  }

  /**
   * Returns a needs assessment; now and then with a need for every service type.
   *
   * @param seed any seed
   * @return the assessment
   */
  public static NeedsAssessment needsAssessment(long seed) {
    NeedsAssessment n = pick(seed, NeedsAssessment.class);
    Prng r = Prng.of(Prng.mix(seed, SALT_EDGE));
    if (!r.chance(0.1)) {
      return n;
    }
    List<Need> all = new ArrayList<>();
    for (ServiceType t : ServiceType.values()) {
      all.add(
          Need.builder()
              .serviceType(t)
              .priority(r.pick(Priority.values()))
              .status(r.pick(NeedStatus.values()))
              .build());
    }
    return NeedsAssessment.builder().from(n).needs(all).build();
  }

  /**
   * Returns an organisation of a country's directory.
   *
   * @param seed any seed
   * @return the organisation
   */
  public static Organisation organisation(long seed) {
    return pick(seed, Organisation.class);
  }

  /**
   * Returns a service of a country's directory.
   *
   * @param seed any seed
   * @return the service
   */
  public static Service service(long seed) {
    return pick(seed, Service.class);
  }

  /**
   * Returns a consent: active, withdrawn or expired.
   *
   * @param seed any seed
   * @return the consent
   */
  public static Consent consent(long seed) {
    return pick(seed, Consent.class);
  }

  /**
   * Returns a referral.
   *
   * @param seed any seed
   * @return the referral
   */
  public static Referral referral(long seed) {
    return pick(seed, Referral.class);
  }

  /**
   * Returns a referral attempt whose history is a legal path through the state table; every end
   * state occurs.
   *
   * @param seed any seed
   * @return the attempt
   */
  public static ReferralAttempt referralAttempt(long seed) {
    return pick(seed, ReferralAttempt.class);
  }

  /**
   * Returns a service delivery: completed, ongoing or discontinued, with or without a referral.
   *
   * @param seed any seed
   * @return the delivery
   */
  public static ServiceDelivery serviceDelivery(long seed) {
    return pick(seed, ServiceDelivery.class);
  }

  /**
   * Returns a value of a code list, every value equally often over seeds.
   *
   * @param type the code list
   * @param seed any seed
   * @param <E> the code list type
   * @return one of its values
   */
  public static <E extends Enum<E> & CodeValue> E code(Class<E> type, long seed) {
    E[] values = Objects.requireNonNull(type, "type").getEnumConstants();
    return values[Prng.of(Prng.mix(seed, SALT_PICK)).nextInt(values.length)];
  }

  /**
   * Returns a partial date: each precision (year, year-month, full date) a third of the time, with
   * edge days (1 January, 31 December, 29 February) and edge years (1900, 2100) now and then.
   *
   * @param seed any seed
   * @return the date
   */
  public static PartialDate partialDate(long seed) {
    Prng r = Prng.of(Prng.mix(seed, SALT_PICK));
    int year = r.chance(0.1) ? r.pick(1900, 2100) : r.between(1930, 2030);
    LocalDate day;
    double u = r.nextDouble();
    if (u < 0.1) {
      day = LocalDate.of(year, 1, 1);
    } else if (u < 0.2) {
      day = LocalDate.of(year, 12, 31);
    } else if (u < 0.3) {
      int leap = year - Math.floorMod(year, 4);
      day = LocalDate.of(leap % 100 == 0 && leap % 400 != 0 ? leap - 4 : leap, 2, 29);
    } else {
      day = LocalDate.ofYearDay(year, r.between(1, LocalDate.of(year, 1, 1).lengthOfYear()));
    }
    switch (r.nextInt(3)) {
      case 0:
        return PartialDate.ofYear(day.getYear());
      case 1:
        return PartialDate.ofYearMonth(day.getYear(), day.getMonthValue());
      default:
        return PartialDate.from(day);
    }
  }

  /**
   * Returns one of the five affected countries.
   *
   * @param seed any seed
   * @return the country
   */
  public static CountryCode country(long seed) {
    List<String> countries = CountryProfile.COUNTRIES;
    return CountryCode.parse(
        countries.get(Prng.of(Prng.mix(seed, SALT_PICK)).nextInt(countries.size())));
  }

  /**
   * Picks one record of a type from the population of a seed, growing the population (with derived
   * seeds) until one exists.
   */
  private static <T> T pick(long seed, Class<T> type) {
    PopulationSpec spec = spec(seed);
    for (int attempt = 0; ; attempt++) {
      List<T> found = new ArrayList<>();
      for (Object record : records(spec)) {
        if (type.isInstance(record)) {
          found.add(type.cast(record));
        }
      }
      if (!found.isEmpty()) {
        return found.get(Prng.of(Prng.mix(seed, SALT_PICK + attempt)).nextInt(found.size()));
      }
      spec =
          PopulationSpec.builder()
              .from(spec)
              .seed(Prng.mix(seed, attempt))
              .casualties(Math.min(2_000, spec.casualties() * 4 + 10))
              .anchorDate(PopulationSpec.DEFAULT_ANCHOR)
              .build();
    }
  }
}
