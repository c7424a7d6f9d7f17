package org.vansdk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralBundlesTest {
  @Test
  void export_anyAttempt_readsBackToTheSameReferralAndAttempt() {
    List<FhirReferral> rs = Populations.referrals(7);
    assertFalse(rs.isEmpty());
    FhirReferral r = rs.get(0);
    String json =
        ReferralBundles.of(Clock.fixed(r.referral().createdAt(), ZoneOffset.UTC)).toJson(r);
    System.out.println(json);
    ReadBack back = ReferralBundleReader.read(json);
    assertEquals(r.referral(), back.referral());
    assertEquals(r.attempt(), back.attempt());
  }
}
