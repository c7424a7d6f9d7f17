package org.vansdk.testkit.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.person.Person;
import org.vansdk.core.person.Sex;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.submission.Submission;
import org.vansdk.core.time.DatePrecision;
import org.vansdk.testkit.junit.SeedSource;
import org.vansdk.testkit.junit.Seeds;

class VanGenTest {
  private static final VanJson JSON = VanJson.strict();

  @TestFactory
  Stream<DynamicTest> everyGenerator_isDeterministic_andRoundTrips() {
    return Seeds.dynamicTests(
        "generators",
        25,
        seed -> {
          Object[] values = {
            VanGen.person(seed),
            VanGen.incident(seed),
            VanGen.casualty(seed),
            VanGen.affectedRelation(seed),
            VanGen.functioningAssessment(seed),
            VanGen.needsAssessment(seed),
            VanGen.organisation(seed),
            VanGen.service(seed),
            VanGen.consent(seed),
            VanGen.referral(seed),
            VanGen.referralAttempt(seed),
            VanGen.serviceDelivery(seed)
          };
          for (Object v : values) {
            assertEquals(
                v,
                JSON.read(JSON.write(v), v.getClass().getSuperclass()),
                v.getClass().getSimpleName());
          }
          assertEquals(VanGen.casualty(seed), VanGen.casualty(seed));
          assertEquals(VanGen.person(seed), VanGen.person(seed));
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @SeedSource(15)
  void submission_roundTrips(long seed) {
    Submission s = VanGen.submission(seed);
    assertEquals(s, JSON.readSubmission(JSON.writeBytes(s)));
  }

  @Test
  void seeds_coverEdgeCasesWithUsefulFrequency() {
    Set<DatePrecision> precisions = EnumSet.noneOf(DatePrecision.class);
    Set<DeviceCategory> devices = EnumSet.noneOf(DeviceCategory.class);
    Set<AttemptStatus> ends = EnumSet.noneOf(AttemptStatus.class);
    Set<Integer> ages = new HashSet<>();
    int unknownSex = 0;
    for (long seed = 0; seed < 150; seed++) {
      Incident i = VanGen.incident(seed);
      precisions.add(i.date().precision());
      devices.add(i.deviceCategory());
      Casualty c = VanGen.casualty(seed);
      c.ageAtIncident().ifPresent(ages::add);
      Person p = VanGen.person(seed);
      unknownSex += p.sex() == Sex.UNKNOWN ? 1 : 0;
      ReferralAttempt a = VanGen.referralAttempt(seed);
      ends.add(a.status());
      precisions.add(VanGen.partialDate(seed).precision());
    }
    assertEquals(EnumSet.allOf(DatePrecision.class), precisions);
    assertEquals(EnumSet.allOf(DeviceCategory.class), devices);
    assertTrue(ends.size() >= 9, "attempt end states seen: " + ends);
    assertTrue(ages.contains(0) || ages.contains(1), "youngest ages: " + ages);
    assertTrue(ages.contains(120) || ages.contains(99), "oldest ages");
    assertTrue(unknownSex > 0, "unknown sex appears");
  }

  @Test
  void code_coversEveryValue() {
    Set<AttemptStatus> seen = EnumSet.noneOf(AttemptStatus.class);
    for (long seed = 0; seed < 200; seed++) {
      seen.add(VanGen.code(AttemptStatus.class, seed));
    }
    assertEquals(EnumSet.allOf(AttemptStatus.class), seen);
  }
}
