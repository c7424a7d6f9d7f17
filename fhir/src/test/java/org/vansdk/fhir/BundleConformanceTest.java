package org.vansdk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.fhir.validation.BundleValidator;
import org.vansdk.testkit.junit.Seeds;

/**
 * Every attempt of many testkit populations, in every attempt state: its Bundle is valid under the
 * validator with zero errors, reads back to the same referral and attempt, and its last state
 * change as a Task update is valid and applies to the attempt as it was before.
 */
class BundleConformanceTest {
  private static final int SEEDS = 40;

  /**
   * The moment of export: when the attempt was sent (the consent was judged then), else created.
   */
  static Instant moment(FhirReferral r) {
    return r.attempt().history().stream()
        .filter(c -> c.status() == AttemptStatus.SENT)
        .map(StatusChange::at)
        .findFirst()
        .orElse(r.referral().createdAt());
  }

  @Test
  void everyAttemptOfManySeeds_validReadBackAndUpdatable() {
    Map<AttemptStatus, Integer> byStatus = new EnumMap<>(AttemptStatus.class);
    int bundles = 0;
    int updates = 0;
    int withPersonalData = 0;
    List<String> failures = new ArrayList<>();
    for (long seed : Seeds.of(SEEDS).toArray()) {
      for (FhirReferral r : Populations.referrals(seed)) {
        String where = "seed " + seed + " attempt " + r.attempt().id().value() + ": ";
        Bundle b = ReferralBundles.of(Clock.fixed(moment(r), ZoneOffset.UTC)).export(r);
        List<BundleValidator.Problem> problems = BundleValidator.shared().validate(b);
        problems.stream()
            .filter(p -> p.severity() == BundleValidator.Problem.Severity.ERROR)
            .forEach(p -> failures.add(where + p));
        bundles++;
        byStatus.merge(r.attempt().status(), 1, Integer::sum);
        if (b.getEntryFirstRep().getResource() instanceof org.hl7.fhir.r4.model.Patient p
            && p.getIdentifier().size() + p.getName().size() + p.getTelecom().size() > 1) {
          withPersonalData++;
        }
        ReadBack back = ReferralBundleReader.read(ReferralBundles.json(b));
        if (!back.referral().equals(r.referral()) || !back.attempt().equals(r.attempt())) {
          failures.add(where + "does not read back to the same referral and attempt");
        }
        List<StatusChange> h = r.attempt().history();
        if (h.size() >= 2) {
          ReferralAttempt before = before(r.attempt());
          Bundle update = TaskUpdates.update(r.referral(), r.attempt());
          BundleValidator.shared().validate(update).stream()
              .filter(p -> p.severity() == BundleValidator.Problem.Severity.ERROR)
              .forEach(p -> failures.add(where + "update: " + p));
          ReferralAttempt applied =
              TaskUpdates.apply(before, TaskUpdates.toJson(r.referral(), r.attempt()));
          if (!applied.equals(r.attempt())) {
            failures.add(where + "the Task update does not apply to the attempt before it");
          }
          updates++;
        }
      }
    }
    System.out.printf(
        "FHIR conformance: %d Bundles validated with zero errors (%d with personal data), %d Task"
            + " updates validated and applied, over %d seeds; by attempt status %s%n",
        bundles, withPersonalData, updates, SEEDS, byStatus);
    assertEquals(List.of(), failures.stream().limit(20).toList());
    assertEquals(
        AttemptStatus.values().length, byStatus.size(), "every attempt status: " + byStatus);
    assertTrue(withPersonalData > 0, "some Bundles carry consented personal data");
  }

  /** The attempt before its last state change. */
  static ReferralAttempt before(ReferralAttempt a) {
    List<StatusChange> h = a.history().subList(0, a.history().size() - 1);
    return ReferralAttempt.builder()
        .from(a)
        .status(h.get(h.size() - 1).status())
        .history(h)
        .outcome(java.util.Optional.empty())
        .build();
  }
}
