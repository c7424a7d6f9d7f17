package org.vansdk.fhir;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.testkit.junit.Seeds;

/** One Bundle per attempt status, and one Task update, against their golden files. */
class GoldenExportTest {
  @Test
  void bundlesAndTaskUpdate_matchGoldenFiles() throws IOException {
    Map<AttemptStatus, FhirReferral> first = new EnumMap<>(AttemptStatus.class);
    for (long seed : Seeds.of(40).toArray()) {
      for (FhirReferral r : Populations.referrals(seed)) {
        first.putIfAbsent(r.attempt().status(), r);
      }
    }
    for (Map.Entry<AttemptStatus, FhirReferral> e : first.entrySet()) {
      FhirReferral r = e.getValue();
      Clock at = Clock.fixed(BundleConformanceTest.moment(r), ZoneOffset.UTC);
      Golden.assertMatches(
          "bundle-" + e.getKey().code() + ".json", ReferralBundles.of(at).toJson(r) + "\n");
    }
    FhirReferral declined = first.get(AttemptStatus.DECLINED);
    Golden.assertMatches(
        "task-update-declined.json",
        TaskUpdates.toJson(declined.referral(), declined.attempt()) + "\n");
  }
}
