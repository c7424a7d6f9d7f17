package org.vansdk.testkit.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.testkit.junit.Seeds;
import org.vansdk.testkit.profile.CountryProfile;
import org.vansdk.testkit.random.Prng;

class PopulationConsistencyTest {

  static PopulationSpec specFor(long seed) {
    Prng r = Prng.of(seed);
    List<String> countries = CountryProfile.COUNTRIES;
    return PopulationSpec.builder()
        .country(CountryCode.parse(countries.get(r.nextInt(countries.size()))))
        .casualties(r.between(30, 250))
        .seed(seed)
        .anchorDate(
            r.chance(0.7)
                ? PopulationSpec.DEFAULT_ANCHOR
                : LocalDate.of(r.between(1995, 2030), r.between(1, 12), r.between(1, 28)))
        .edgeCaseRate(r.chance(0.3) ? r.nextDouble() * 0.5 : 0)
        .build();
  }

  @TestFactory
  Stream<DynamicTest> everyReferenceResolvesAndEveryTimelineIsOrdered() {
    return Seeds.dynamicTests(
        "population is consistent",
        60,
        seed -> {
          PopulationSpec spec = specFor(seed);
          PopulationChecker checker = new PopulationChecker(spec.anchorDate());
          PopulationGenerator.of(spec).forEach(checker);
          assertEquals(List.of(), checker.problems(), spec.country() + " " + spec.casualties());
          assertEquals(spec.casualties(), checker.count(Casualty.class));
        });
  }

  @Test
  void largerPopulation_exercisesEveryAttemptEndState() {
    PopulationSpec spec =
        PopulationSpec.builder().country(CountryCode.KHM).casualties(8_000).seed(11).build();
    PopulationChecker checker = new PopulationChecker(spec.anchorDate());
    java.util.EnumSet<org.vansdk.core.referral.AttemptStatus> seen =
        java.util.EnumSet.noneOf(org.vansdk.core.referral.AttemptStatus.class);
    PopulationGenerator.of(spec)
        .forEach(
            record -> {
              checker.accept(record);
              if (record instanceof ReferralAttempt) {
                seen.add(((ReferralAttempt) record).status());
              }
            });
    assertEquals(List.of(), checker.problems());
    assertEquals(
        java.util.EnumSet.allOf(org.vansdk.core.referral.AttemptStatus.class),
        seen,
        "end states seen");
    assertTrue(checker.count(org.vansdk.core.delivery.ServiceDelivery.class) > 300);
  }
}
