package org.vansdk.referral.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.ConsentMethod;
import org.vansdk.core.consent.ConsentStatus;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.place.CountryCode;

/**
 * The consent gate as a table: each row changes the in-force base consent or the base disclosure
 * and names the decision. Rows cover every consent status, every purpose and every data category
 * against the consent's scope, another survivor's consent, expired and withdrawn consent at their
 * boundaries, and the order in which gaps are reported.
 */
class ConsentGateTest {
  private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
  private static final Instant GIVEN = NOW.minus(Duration.ofDays(30));
  private static final Instant EXPIRES = NOW.plus(Duration.ofDays(335));
  private static final PersonId PERSON = PersonId.parse("KHM-CMAA-P1");
  private static final PersonId OTHER_PERSON = PersonId.parse("KHM-CMAA-P2");
  private static final ConsentId CONSENT = ConsentId.parse("KHM-CMAA-C1");
  private static final ConsentId OTHER_CONSENT = ConsentId.parse("KHM-CMAA-C2");
  private static final OrganisationId REFERRER = OrganisationId.parse("KHM-CMAA-org");
  private static final OrganisationId KHM_REHAB = OrganisationId.parse("KHM-PRC-KS");
  private static final OrganisationId THA_REHAB = OrganisationId.parse("THA-SIRI-org");
  private static final OrganisationId STRANGER = OrganisationId.parse("KHM-XYZ-org");
  private static final Set<Purpose> PURPOSES = EnumSet.of(Purpose.REFERRAL, Purpose.FOLLOW_UP);
  private static final Set<DataCategory> CATEGORIES =
      EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.MEDICAL);

  /** The base consent: active, the person's own, covering the base disclosure. */
  private static Consent.Builder consent() {
    return Consent.builder()
        .id(CONSENT)
        .personId(PERSON)
        .version(2)
        .grantees(List.of(REFERRER, KHM_REHAB, THA_REHAB))
        .purposes(List.copyOf(PURPOSES))
        .dataCategories(List.copyOf(CATEGORIES))
        .countries(List.of(CountryCode.KHM, CountryCode.THA))
        .givenAt(GIVEN)
        .expiresAt(EXPIRES)
        .method(ConsentMethod.WRITTEN)
        .language("km")
        .status(ConsentStatus.ACTIVE);
  }

  /** The base disclosure: identity and medical data to a Cambodian grantee for a referral. */
  private static Disclosure disclosure() {
    return new Disclosure(
        PERSON,
        Optional.of(CONSENT),
        KHM_REHAB,
        Purpose.REFERRAL,
        EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL),
        CountryCode.KHM,
        NOW);
  }

  private static Disclosure with(
      Disclosure d, Optional<ConsentId> named, OrganisationId receiver, CountryCode country) {
    return new Disclosure(
        d.person(), named, receiver, d.purpose(), d.categories(), country, d.at());
  }

  private static Disclosure withPurpose(Purpose p) {
    Disclosure d = disclosure();
    return new Disclosure(
        d.person(), d.namedConsent(), d.receiver(), p, d.categories(), d.country(), d.at());
  }

  private static Disclosure withCategories(Set<DataCategory> categories) {
    Disclosure d = disclosure();
    return new Disclosure(
        d.person(), d.namedConsent(), d.receiver(), d.purpose(), categories, d.country(), d.at());
  }

  private static Disclosure at(Instant at) {
    Disclosure d = disclosure();
    return new Disclosure(
        d.person(), d.namedConsent(), d.receiver(), d.purpose(), d.categories(), d.country(), at);
  }

  private static Disclosure forPerson(PersonId person) {
    Disclosure d = disclosure();
    return new Disclosure(
        person, d.namedConsent(), d.receiver(), d.purpose(), d.categories(), d.country(), d.at());
  }

  private static Arguments row(
      String name,
      UnaryOperator<Consent.Builder> consent,
      Disclosure disclosure,
      ErrorCode expected,
      String... messageParts) {
    return Arguments.of(name, consent, disclosure, expected, List.of(messageParts));
  }

  static Stream<Arguments> rows() {
    UnaryOperator<Consent.Builder> base = b -> b;
    List<Arguments> rows = new ArrayList<>();
    rows.add(
        row("base consent covers the base disclosure", base, disclosure(), ConsentGate.ALLOWED));

    // Whose consent, and which.
    rows.add(
        row(
            "another survivor's consent",
            b -> b.personId(OTHER_PERSON),
            disclosure(),
            ConsentGate.PERSON_NOT_COVERED,
            "consent KHM-CMAA-C1#2 is another person's"));
    rows.add(
        row(
            "consent of the person, data of another survivor",
            base,
            forPerson(OTHER_PERSON),
            ConsentGate.PERSON_NOT_COVERED,
            "another person's"));
    rows.add(
        row(
            "the referral names another consent",
            base,
            with(disclosure(), Optional.of(OTHER_CONSENT), KHM_REHAB, CountryCode.KHM),
            ConsentGate.CONSENT_NOT_NAMED,
            "is not the consent the referral names (KHM-CMAA-C2)"));
    rows.add(
        row(
            "the referral names no consent",
            base,
            with(disclosure(), Optional.empty(), KHM_REHAB, CountryCode.KHM),
            ConsentGate.CONSENT_NOT_NAMED,
            "the referral names no consent"));

    // In force at the moment of sending.
    for (ConsentStatus status : ConsentStatus.values()) {
      UnaryOperator<Consent.Builder> s =
          status == ConsentStatus.WITHDRAWN
              ? b -> b.status(status).withdrawnAt(NOW.minusSeconds(60))
              : b -> b.status(status);
      rows.add(
          status == ConsentStatus.ACTIVE
              ? row("status active", s, disclosure(), ConsentGate.ALLOWED)
              : row(
                  "status " + status.code(),
                  s,
                  disclosure(),
                  ConsentGate.NOT_ACTIVE,
                  "(status " + status.code() + ")"));
    }
    rows.add(
        row(
            "withdrawn after the send time: the withdrawal on record still stops disclosure",
            b -> b.status(ConsentStatus.WITHDRAWN).withdrawnAt(NOW.plusSeconds(3600)),
            disclosure(),
            ConsentGate.NOT_ACTIVE,
            "(status withdrawn)"));
    rows.add(
        row(
            "active but sent at the expiry instant",
            base,
            at(EXPIRES),
            ConsentGate.NOT_ACTIVE,
            "not in force at the time of sending (status active)"));
    rows.add(
        row(
            "active but sent after expiry",
            base,
            at(EXPIRES.plus(Duration.ofDays(1))),
            ConsentGate.NOT_ACTIVE,
            "not in force"));
    rows.add(row("sent just before expiry", base, at(EXPIRES.minusNanos(1)), ConsentGate.ALLOWED));
    rows.add(
        row(
            "sent before the consent was given",
            base,
            at(GIVEN.minusSeconds(1)),
            ConsentGate.NOT_ACTIVE,
            "not in force"));
    rows.add(row("sent the instant it was given", base, at(GIVEN), ConsentGate.ALLOWED));
    rows.add(
        row(
            "no expiry: in force long after",
            b -> Consent.builder().from(b.build()).expiresAt(Optional.empty()),
            at(NOW.plus(Duration.ofDays(3650))),
            ConsentGate.ALLOWED));

    // To whom, and where.
    rows.add(
        row(
            "receiver not among the grantees",
            base,
            with(disclosure(), Optional.of(CONSENT), STRANGER, CountryCode.KHM),
            ConsentGate.RECEIVER_NOT_COVERED,
            "does not name receiver KHM-XYZ-org; grantees: KHM-CMAA-org, KHM-PRC-KS, THA-SIRI-org"));
    rows.add(
        row(
            "receiver's id from Cambodia, directory says Thailand",
            base,
            with(disclosure(), Optional.of(CONSENT), KHM_REHAB, CountryCode.THA),
            ConsentGate.DESTINATION_MISMATCH,
            "receiver KHM-PRC-KS is an organisation of KHM but the directory places it in THA"));
    rows.add(
        row(
            "Thai grantee, Thailand covered",
            base,
            with(disclosure(), Optional.of(CONSENT), THA_REHAB, CountryCode.THA),
            ConsentGate.ALLOWED));
    rows.add(
        row(
            "Thai grantee, only Cambodia covered",
            b -> b.countries(List.of(CountryCode.KHM)),
            with(disclosure(), Optional.of(CONSENT), THA_REHAB, CountryCode.THA),
            ConsentGate.COUNTRY_NOT_COVERED,
            "does not cover destination country THA; countries: KHM"));

    // Why: every purpose against the consent's purposes.
    for (Purpose p : Purpose.values()) {
      rows.add(
          PURPOSES.contains(p)
              ? row("purpose " + p.code() + " covered", base, withPurpose(p), ConsentGate.ALLOWED)
              : row(
                  "purpose " + p.code() + " not covered",
                  base,
                  withPurpose(p),
                  ConsentGate.PURPOSE_NOT_COVERED,
                  "does not cover purpose " + p.code() + "; purposes: follow_up, referral"));
    }

    // What: every data category against the consent's categories.
    for (DataCategory c : DataCategory.values()) {
      rows.add(
          CATEGORIES.contains(c)
              ? row(
                  "category " + c.code() + " covered",
                  base,
                  withCategories(EnumSet.of(c)),
                  ConsentGate.ALLOWED)
              : row(
                  "category " + c.code() + " not covered",
                  base,
                  withCategories(EnumSet.of(DataCategory.IDENTITY, c)),
                  ConsentGate.CATEGORY_NOT_COVERED,
                  "does not cover data category " + c.code(),
                  "covered: contact, identity, medical"));
    }
    rows.add(
        row(
            "two categories missing are both named",
            base,
            withCategories(EnumSet.of(DataCategory.LOCATION, DataCategory.PSYCHOSOCIAL)),
            ConsentGate.CATEGORY_NOT_COVERED,
            "does not cover data categories location, psychosocial"));
    rows.add(
        row(
            "a consent covering no category shows none",
            b -> Consent.builder().from(b.build()).dataCategories(List.of()),
            disclosure(),
            ConsentGate.CATEGORY_NOT_COVERED,
            "covered: none"));
    rows.add(
        row(
            "no category sent",
            base,
            withCategories(EnumSet.noneOf(DataCategory.class)),
            ConsentGate.ALLOWED));

    // Several gaps: the first in the documented order is reported.
    rows.add(
        row(
            "another survivor's expired consent: person first",
            b -> b.personId(OTHER_PERSON).status(ConsentStatus.EXPIRED),
            disclosure(),
            ConsentGate.PERSON_NOT_COVERED));
    rows.add(
        row(
            "withdrawn and receiver not granted: in force first",
            b -> b.status(ConsentStatus.WITHDRAWN).withdrawnAt(NOW.minusSeconds(1)),
            with(disclosure(), Optional.of(CONSENT), STRANGER, CountryCode.KHM),
            ConsentGate.NOT_ACTIVE));
    rows.add(
        row(
            "purpose, category and country all missing: purpose first",
            b -> b.countries(List.of(CountryCode.THA)),
            new Disclosure(
                PERSON,
                Optional.of(CONSENT),
                KHM_REHAB,
                Purpose.RESEARCH,
                EnumSet.of(DataCategory.LOCATION),
                CountryCode.KHM,
                NOW),
            ConsentGate.PURPOSE_NOT_COVERED));
    rows.add(
        row(
            "category and country missing: category first",
            b -> b.countries(List.of(CountryCode.THA)),
            withCategories(EnumSet.of(DataCategory.LOCATION)),
            ConsentGate.CATEGORY_NOT_COVERED));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void check_givesTheTabledDecision(
      String name,
      UnaryOperator<Consent.Builder> change,
      Disclosure disclosure,
      ErrorCode expected,
      List<String> messageParts) {
    Consent consent = change.apply(consent()).build();

    ConsentDecision decision = ConsentGate.check(consent, disclosure);

    assertEquals(expected, decision.code(), name + ": " + decision.message());
    assertEquals(expected.equals(ConsentGate.ALLOWED), decision.allowed(), name);
    for (String part : messageParts) {
      assertTrue(
          decision.message().contains(part),
          name + ": message should contain '" + part + "' but was: " + decision.message());
    }
    assertFalse(
        decision.message().contains(PERSON.value())
            || decision.message().contains(OTHER_PERSON.value()),
        name + ": the message names a person: " + decision.message());
    if (decision.allowed()) {
      // Allowed by the gate implies the consent's own scope check agrees.
      assertTrue(
          consent.covers(
              disclosure.receiver(),
              disclosure.purpose(),
              disclosure.categories(),
              disclosure.country(),
              disclosure.at()),
          name + ": the gate allows what Consent.covers refuses");
    }
  }
}
