package org.vansdk.referral.consent;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.place.CountryCode;

/**
 * Decides whether personal data may go to another organisation. In this order, the first gap found
 * being reported: the consent must be the person's own ({@link #PERSON_NOT_COVERED}) and the one
 * the referral names ({@link #CONSENT_NOT_NAMED}); it must be in force at the moment of sending
 * (status {@code active}, {@code givenAt <= at < expiresAt}, not withdrawn: {@link #NOT_ACTIVE});
 * it must name the receiving organisation ({@link #RECEIVER_NOT_COVERED}), whose identifier must be
 * issued in the destination country ({@link #DESTINATION_MISMATCH}); and it must cover the purpose
 * ({@link #PURPOSE_NOT_COVERED}), every data category sent ({@link #CATEGORY_NOT_COVERED}) and the
 * destination country ({@link #COUNTRY_NOT_COVERED}). Refusal messages name consent ids,
 * organisation ids and codes, never the person. Stateless, thread-safe.
 *
 * @since 1.0
 */
public final class ConsentGate {

  /** Not an error: the code of an allowed decision. */
  public static final ErrorCode ALLOWED = ErrorCode.of("VAN-R-0100");

  /** The consent is withdrawn, expired, or not yet given at the time of sending. */
  public static final ErrorCode NOT_ACTIVE = ErrorCode.of("VAN-R-0101");

  /** The consent does not name the receiving organisation among its grantees. */
  public static final ErrorCode RECEIVER_NOT_COVERED = ErrorCode.of("VAN-R-0102");

  /** The consent does not cover the purpose. */
  public static final ErrorCode PURPOSE_NOT_COVERED = ErrorCode.of("VAN-R-0103");

  /** The consent does not cover a data category to be sent. */
  public static final ErrorCode CATEGORY_NOT_COVERED = ErrorCode.of("VAN-R-0104");

  /** The consent does not cover the destination country. */
  public static final ErrorCode COUNTRY_NOT_COVERED = ErrorCode.of("VAN-R-0105");

  /** The consent is another person's: a consent covers its own person's data only. */
  public static final ErrorCode PERSON_NOT_COVERED = ErrorCode.of("VAN-R-0106");

  /** The consent is not the one the referral names (or the referral names none). */
  public static final ErrorCode CONSENT_NOT_NAMED = ErrorCode.of("VAN-R-0107");

  /**
   * The receiver's identifier is issued in another country than the one the directory gives: where
   * the data would go is ambiguous, so it does not go.
   */
  public static final ErrorCode DESTINATION_MISMATCH = ErrorCode.of("VAN-R-0108");

  private ConsentGate() {}

  /**
   * Checks a disclosure against a consent.
   *
   * @param consent the consent offered for the disclosure
   * @param d the disclosure
   * @return allowed, or the first gap found (see the class documentation for the order)
   */
  public static ConsentDecision check(Consent consent, Disclosure d) {
    String id = "consent " + consent.id().value() + "#" + consent.version();
    if (!consent.personId().equals(d.person())) {
      return ConsentDecision.refuse(
          PERSON_NOT_COVERED,
          id + " is another person's; a consent covers its own person's data only");
    }
    if (d.namedConsent().filter(consent.id()::equals).isEmpty()) {
      return ConsentDecision.refuse(
          CONSENT_NOT_NAMED,
          d.namedConsent()
              .map(
                  named ->
                      id
                          + " is not the consent the referral names ("
                          + named.value()
                          + "); only the named consent allows disclosure")
              .orElse("the referral names no consent; nothing may leave without one"));
    }
    if (!consent.isActiveAt(d.at())) {
      return ConsentDecision.refuse(
          NOT_ACTIVE,
          id
              + " is not in force at the time of sending (status "
              + consent.status().code()
              + "); only an active consent, given and not yet expired, allows disclosure");
    }
    if (!consent.grantees().contains(d.receiver())) {
      return ConsentDecision.refuse(
          RECEIVER_NOT_COVERED,
          id
              + " does not name receiver "
              + d.receiver().value()
              + "; grantees: "
              + consent.grantees().stream().map(OrganisationId::value).sorted().collect(joining()));
    }
    if (!d.receiver().countryPrefix().equals(d.country().code())) {
      return ConsentDecision.refuse(
          DESTINATION_MISMATCH,
          "receiver "
              + d.receiver().value()
              + " is an organisation of "
              + d.receiver().countryPrefix()
              + " but the directory places it in "
              + d.country().code()
              + "; correct the directory entry");
    }
    if (!consent.purposes().contains(d.purpose())) {
      return ConsentDecision.refuse(
          PURPOSE_NOT_COVERED,
          id
              + " does not cover purpose "
              + d.purpose().code()
              + "; purposes: "
              + codes(consent.purposes()));
    }
    Set<DataCategory> missing = EnumSet.noneOf(DataCategory.class);
    missing.addAll(d.categories());
    missing.removeAll(consent.dataCategories());
    if (!missing.isEmpty()) {
      return ConsentDecision.refuse(
          CATEGORY_NOT_COVERED,
          id
              + " does not cover data categor"
              + (missing.size() == 1 ? "y " : "ies ")
              + codes(missing)
              + "; covered: "
              + codes(consent.dataCategories()));
    }
    if (!consent.countries().contains(d.country())) {
      return ConsentDecision.refuse(
          COUNTRY_NOT_COVERED,
          id
              + " does not cover destination country "
              + d.country().code()
              + "; countries: "
              + consent.countries().stream().map(CountryCode::code).sorted().collect(joining()));
    }
    return ConsentDecision.allow();
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(", ");
  }

  private static String codes(java.util.Collection<? extends CodeValue> values) {
    String s = values.stream().map(CodeValue::code).sorted().collect(joining());
    return s.isEmpty() ? "none" : s;
  }
}
