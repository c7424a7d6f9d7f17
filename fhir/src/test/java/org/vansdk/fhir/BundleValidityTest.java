package org.vansdk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vansdk.fhir.validation.BundleValidator;

class BundleValidityTest {
  @Test
  void one() {
    FhirReferral r = Populations.referrals(7).get(0);
    var b = ReferralBundles.of(Clock.fixed(r.referral().createdAt(), ZoneOffset.UTC)).export(r);
    List<BundleValidator.Problem> p = BundleValidator.shared().validate(b);
    p.forEach(System.out::println);
    assertEquals(List.of(), p);
  }
}
