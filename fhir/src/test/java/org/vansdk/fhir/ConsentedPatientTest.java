package org.vansdk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.ConsentStatus;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.person.Contact;
import org.vansdk.core.person.Person;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.testkit.gen.SampleRecords;

/** The Patient holds what the referral module's consent gate and payload builder let through. */
class ConsentedPatientTest {
  private static final FhirReferral BASE = withPersonalData();

  private static FhirReferral withPersonalData() {
    FhirReferral r = Populations.referrals(7).get(0);
    Person p =
        Person.builder()
            .from(r.person())
            .name(SampleRecords.SECRET_NAME)
            .contact(Contact.builder().phone(SampleRecords.SECRET_PHONE).build())
            .build();
    Consent c =
        Consent.builder()
            .from(r.consent().orElseThrow())
            .status(ConsentStatus.ACTIVE)
            .withdrawnAt(java.util.Optional.empty())
            .dataCategories(EnumSet.of(DataCategory.IDENTITY))
            .build();
    return FhirReferral.builder().from(r).person(p).consent(c).build();
  }

  private static Patient patient(FhirReferral r) {
    Bundle b =
        ReferralBundles.of(Clock.fixed(BundleConformanceTest.moment(r), ZoneOffset.UTC)).export(r);
    return (Patient) b.getEntryFirstRep().getResource();
  }

  private static String json(FhirReferral r) {
    return ReferralBundles.json(patient(r));
  }

  @Test
  void consentCoversIdentityOnly_nameGoesPhoneStays() {
    String j = json(BASE);
    assertTrue(j.contains(SampleRecords.SECRET_NAME), "identity is consented and requested");
    assertFalse(j.contains(SampleRecords.SECRET_PHONE), "contact is not consented");
  }

  @Test
  void identityNotRequested_nameStays() {
    String j =
        json(
            FhirReferral.builder()
                .from(BASE)
                .requestedCategories(EnumSet.of(DataCategory.CONTACT))
                .build());
    assertFalse(j.contains(SampleRecords.SECRET_NAME));
  }

  @Test
  void consentWithdrawn_onlyThePseudonymousId() {
    Consent withdrawn =
        Consent.builder()
            .from(BASE.consent().orElseThrow())
            .status(ConsentStatus.WITHDRAWN)
            .withdrawnAt(BASE.consent().orElseThrow().givenAt())
            .build();
    Patient p = patient(FhirReferral.builder().from(BASE).consent(withdrawn).build());
    assertEquals(1, p.getIdentifier().size());
    assertFalse(ReferralBundles.json(p).contains(SampleRecords.SECRET_NAME));
  }

  @Test
  void enteredInError_purged() {
    var a = BASE.attempt();
    var history = new java.util.ArrayList<>(a.history());
    history.add(
        org.vansdk.core.referral.StatusChange.builder()
            .status(AttemptStatus.ENTERED_IN_ERROR)
            .at(history.get(history.size() - 1).at())
            .build());
    var err =
        org.vansdk.core.referral.ReferralAttempt.builder()
            .from(a)
            .status(AttemptStatus.ENTERED_IN_ERROR)
            .history(history)
            .build();
    assertFalse(
        json(FhirReferral.builder().from(BASE).attempt(err).build())
            .contains(SampleRecords.SECRET_NAME));
  }

  @Test
  void toString_noPersonalData() {
    assertFalse(BASE.toString().contains(SampleRecords.SECRET_NAME));
    assertFalse(BASE.toString().contains(SampleRecords.SECRET_PHONE));
  }
}
