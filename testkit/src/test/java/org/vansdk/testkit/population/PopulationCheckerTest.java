package org.vansdk.testkit.population;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.person.Person;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.time.PartialDate;

/** The checker behind the consistency tests must itself catch broken populations. */
class PopulationCheckerTest {
  private static final PopulationSpec SPEC =
      PopulationSpec.builder().country(CountryCode.KHM).casualties(2_000).seed(5).build();

  private static List<String> check(UnaryOperator<Object> mutation) {
    PopulationChecker checker = new PopulationChecker(SPEC.anchorDate());
    List<Object> records = new ArrayList<>();
    PopulationGenerator.of(SPEC).forEach(records::add);
    boolean[] done = {false};
    for (Object r : records) {
      Object m = done[0] ? r : mutation.apply(r);
      done[0] |= m != r;
      checker.accept(m);
    }
    assertTrue(done[0], "mutation applied");
    return checker.problems();
  }

  @Test
  void unchangedPopulation_hasNoProblems() {
    assertTrue(
        check(r -> r instanceof Person ? Person.builder().from((Person) r).build() : r).isEmpty());
  }

  @Test
  void birthAfterIncident_isCaught() {
    List<String> problems =
        check(
            r ->
                r instanceof Person && ((Person) r).birthDate().isPresent()
                    ? Person.builder().from((Person) r).birthDate(PartialDate.ofYear(2025)).build()
                    : r);
    assertFalse(problems.isEmpty());
    assertTrue(problems.get(0).contains("not certainly before incident"), problems.toString());
  }

  @Test
  void danglingPerson_isCaught() {
    List<String> problems =
        check(
            r ->
                r instanceof Casualty
                    ? Casualty.builder()
                        .from((Casualty) r)
                        .personId(PersonId.parse("KHM-CMAA-nobody"))
                        .build()
                    : r);
    assertTrue(problems.get(0).contains("not written before"), problems.toString());
  }

  @Test
  void illegalHistory_isCaught() {
    List<String> problems =
        check(
            r -> {
              if (!(r instanceof ReferralAttempt)) {
                return r;
              }
              ReferralAttempt a = (ReferralAttempt) r;
              Instant at = a.history().get(0).at();
              return ReferralAttempt.builder()
                  .from(a)
                  .history(
                      List.of(
                          StatusChange.builder().status(AttemptStatus.DRAFT).at(at).build(),
                          StatusChange.builder().status(AttemptStatus.COMPLETED).at(at).build()))
                  .status(AttemptStatus.COMPLETED)
                  .build();
            });
    assertTrue(problems.get(0).contains("illegal history"), problems.toString());
  }
}
