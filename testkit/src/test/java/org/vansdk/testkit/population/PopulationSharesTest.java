package org.vansdk.testkit.population;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.person.Person;
import org.vansdk.core.place.CountryCode;
import org.vansdk.testkit.profile.AdminAreas;
import org.vansdk.testkit.profile.Attribute;
import org.vansdk.testkit.profile.CountryProfile;
import org.vansdk.testkit.profile.IncidentYears;

/**
 * The generated shares follow the country profile: every share below is within the stated absolute
 * tolerance of the profile's expectation (its era shares weighted by the incident-year
 * distribution). At 100,000 casualties the sampling error of a share is at most about 0.0016 (0.002
 * for incident-level shares), so 0.01 fails only on a real bias; the other countries run 10,000
 * casualties (sampling error up to about 0.006) against 0.03 to keep the suite fast.
 */
class PopulationSharesTest {

  @ParameterizedTest(name = "{0}: {1} casualties within {2}")
  @CsvSource({
    "KHM, 100000, 0.01",
    "LAO, 25000, 0.02",
    "MMR, 25000, 0.02",
    "THA, 25000, 0.02",
    "VNM, 25000, 0.02"
  })
  void sharesFollowTheProfile(String country, int casualties, double tolerance) {
    CountryProfile profile = CountryProfile.load(country);
    Tally tally = new Tally();
    PopulationGenerator.of(
            PopulationSpec.builder()
                .country(CountryCode.parse(country))
                .casualties(casualties)
                .seed(2026)
                .careFlow(false)
                .build())
        .forEach(tally);
    assertEquals(casualties, tally.casualties);
    IncidentYears years = profile.incidentYears();

    for (String group : new String[] {"man", "woman", "boy", "girl", "unknown"}) {
      check(
          country + " group " + group,
          expected(profile, Attribute.LANDMINE_MONITOR_GROUP, group),
          tally.share("group", group, tally.casualties),
          tolerance);
    }
    for (Outcome o : Outcome.values()) {
      check(
          country + " outcome " + o.code(),
          expected(profile, Attribute.OUTCOME, o.code()),
          tally.share("outcome", o.code(), tally.casualties),
          tolerance);
    }
    for (CivilianStatus s : CivilianStatus.values()) {
      check(
          country + " status " + s.code(),
          expected(profile, Attribute.CIVILIAN_STATUS, s.code()),
          tally.share("status", s.code(), tally.casualties),
          tolerance);
    }
    for (String device :
        profile.distribution(Attribute.DEVICE_CATEGORY).eras().get(0).shares().codes()) {
      check(
          country + " device " + device,
          expected(profile, Attribute.DEVICE_CATEGORY, device),
          tally.share("device", device, tally.incidents),
          tolerance);
    }
    check(
        country + " amputation among injured",
        expected(profile, Attribute.AMPUTATION_AMONG_INJURED, "yes"),
        tally.share("amputee", "yes", tally.injured),
        tolerance);
    AdminAreas areas = profile.adminAreas();
    for (int i = 0; i < areas.level1().size(); i++) {
      String pCode = areas.level1().get(i).pCode();
      check(
          country + " province " + pCode,
          areas.share(i),
          tally.share("province", pCode, tally.incidents),
          tolerance);
    }
    for (int decade = 1970; decade <= 2020; decade += 10) {
      double expected = 0;
      for (int y = Math.max(decade, years.first()); y <= Math.min(decade + 9, years.last()); y++) {
        expected += years.share(y);
      }
      check(
          country + " incidents in the " + decade + "s",
          expected,
          tally.share("decade", Integer.toString(decade), tally.incidents),
          tolerance);
    }
  }

  private static void check(String what, double expected, double actual, double tolerance) {
    assertEquals(expected, actual, tolerance, what);
  }

  private static double expected(CountryProfile p, Attribute a, String code) {
    double total = 0;
    for (int y = p.incidentYears().first(); y <= p.incidentYears().last(); y++) {
      total += p.incidentYears().share(y) * p.distribution(a).in(y).share(code);
    }
    return total;
  }

  /** Counts codes as the population streams by; keeps only the current incident and person. */
  private static final class Tally implements java.util.function.Consumer<Object> {
    final Map<String, Integer> counts = new HashMap<>();
    long incidents;
    long casualties;
    long injured;
    private Person person;

    void add(String attribute, String code) {
      counts.merge(attribute + "=" + code, 1, Integer::sum);
    }

    double share(String attribute, String code, long of) {
      return counts.getOrDefault(attribute + "=" + code, 0) / (double) of;
    }

    @Override
    public void accept(Object record) {
      if (record instanceof Incident) {
        Incident i = (Incident) record;
        incidents++;
        add("device", i.deviceCategory().code());
        String pCode = i.location().adminArea().orElseThrow().pCode();
        add("province", pCode.substring(0, pCode.startsWith("MMR") ? 6 : 4));
        add("decade", Integer.toString(i.date().year() / 10 * 10));
      } else if (record instanceof Person) {
        person = (Person) record;
      } else if (record instanceof Casualty) {
        Casualty c = (Casualty) record;
        casualties++;
        add("group", c.landmineMonitorGroup(person.sex()).code());
        add("outcome", c.outcome().code());
        add("status", c.civilianStatus().code());
        if (c.outcome() == Outcome.INJURED) {
          injured++;
          add("amputee", c.hasAmputation() ? "yes" : "no");
        }
      }
    }
  }
}
