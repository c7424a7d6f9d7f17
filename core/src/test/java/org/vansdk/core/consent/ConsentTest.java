package org.vansdk.core.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.vansdk.core.VanException;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.place.CountryCode;

class ConsentTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final OrganisationId HI = OrganisationId.parse("KHM-HI-ORG1");

  private static Consent.Builder base() {
    return Consent.builder()
        .id(ConsentId.parse("KHM-CMAA-K1"))
        .personId(PersonId.parse("KHM-CMAA-P1"))
        .addGrantees(HI)
        .addPurposes(Purpose.REFERRAL)
        .addDataCategories(DataCategory.IDENTITY, DataCategory.MEDICAL)
        .addCountries(CountryCode.KHM)
        .givenAt(T0)
        .method(ConsentMethod.WRITTEN)
        .language("km")
        .status(ConsentStatus.ACTIVE);
  }

  @Test
  void covers_everyCondition() {
    Consent c = base().expiresAt(T0.plusSeconds(1000)).build();
    Instant at = T0.plusSeconds(10);
    assertTrue(
        c.covers(HI, Purpose.REFERRAL, EnumSet.of(DataCategory.MEDICAL), CountryCode.KHM, at));
    assertFalse(
        c.covers(
            OrganisationId.parse("KHM-XX-ORG"),
            Purpose.REFERRAL,
            EnumSet.of(DataCategory.MEDICAL),
            CountryCode.KHM,
            at));
    assertFalse(
        c.covers(HI, Purpose.RESEARCH, EnumSet.of(DataCategory.MEDICAL), CountryCode.KHM, at));
    assertFalse(
        c.covers(HI, Purpose.REFERRAL, EnumSet.of(DataCategory.CONTACT), CountryCode.KHM, at));
    assertFalse(
        c.covers(HI, Purpose.REFERRAL, EnumSet.of(DataCategory.MEDICAL), CountryCode.THA, at));
    assertFalse(
        c.covers(
            HI,
            Purpose.REFERRAL,
            EnumSet.of(DataCategory.MEDICAL),
            CountryCode.KHM,
            T0.plusSeconds(1000)));
    assertFalse(c.isActiveAt(T0.minusSeconds(1)), "not before it was given");
  }

  @Test
  void withdrawnConsent_inForceAtNoInstant_evenBeforeItsWithdrawalTime() {
    Instant withdrawn = T0.plusSeconds(500);
    Consent c = base().status(ConsentStatus.WITHDRAWN).withdrawnAt(withdrawn).build();
    assertFalse(c.isActiveAt(withdrawn.minusSeconds(1)), "status withdrawn decides");
    assertFalse(c.isActiveAt(withdrawn));
    assertFalse(
        c.covers(HI, Purpose.REFERRAL, EnumSet.of(DataCategory.MEDICAL), CountryCode.KHM, T0));
    assertThrows(VanException.class, () -> base().status(ConsentStatus.WITHDRAWN).build());
    assertThrows(VanException.class, () -> base().withdrawnAt(withdrawn).build());
  }

  @Test
  void expiredStatus_withExpiryAhead_notInForce() {
    Consent c =
        base()
            .status(ConsentStatus.EXPIRED)
            .expiresAt(T0.plus(java.time.Duration.ofDays(30)))
            .build();
    assertFalse(c.isActiveAt(T0.plusSeconds(60)), "status expired decides");
    assertFalse(base().status(ConsentStatus.EXPIRED).build().isActiveAt(T0.plusSeconds(60)));
  }

  @Test
  void activeConsent_window_givenAtInclusive_expiresAtExclusive() {
    Consent c = base().expiresAt(T0.plusSeconds(100)).build();
    assertTrue(c.isActiveAt(T0));
    assertTrue(c.isActiveAt(T0.plusSeconds(100).minusNanos(1)));
    assertFalse(c.isActiveAt(T0.plusSeconds(100)));
    assertFalse(c.isActiveAt(T0.minusNanos(1)));
  }

  @Test
  void withdrawalBeforeGiven_refusedAtConstruction() {
    VanException e =
        assertThrows(
            VanException.class,
            () -> base().status(ConsentStatus.WITHDRAWN).withdrawnAt(T0.minusSeconds(1)).build());
    assertTrue(e.getMessage().contains("withdrawnAt must not be before givenAt"), e.getMessage());
  }
}
