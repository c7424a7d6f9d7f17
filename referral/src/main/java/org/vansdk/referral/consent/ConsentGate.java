package org.vansdk.referral.consent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.place.CountryCode;

/**
 * Decides whether personal data may go to another organisation: the consent must be active at the
 * moment of sending and cover the receiving organisation, the purpose, every data category sent and
 * the destination country. The first gap found is reported, in that order. Stateless, thread-safe.
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

  private ConsentGate() {}

  /**
   * Checks a disclosure against a consent.
   *
   * @param consent the survivor's consent
   * @param receiver the organisation the data goes to
   * @param purpose why
   * @param categories every data category in the payload
   * @param country the destination country
   * @param at the moment of sending
   */
  public static ConsentDecision check(
      Consent consent,
      OrganisationId receiver,
      Purpose purpose,
      Set<DataCategory> categories,
      CountryCode country,
      Instant at) {
    String id = "consent " + consent.id().value() + "#" + consent.version();
    if (!consent.isActiveAt(at)) {
      return ConsentDecision.refuse(
          NOT_ACTIVE,
          id
              + " is not active at the time of sending (status "
              + consent.status().code()
              + "); only an active, unexpired consent allows disclosure");
    }
    if (!consent.grantees().contains(receiver)) {
      return ConsentDecision.refuse(
          RECEIVER_NOT_COVERED,
          id
              + " does not name receiver "
              + receiver.value()
              + "; grantees: "
              + consent.grantees().stream().map(OrganisationId::value).sorted().collect(joining()));
    }
    if (!consent.purposes().contains(purpose)) {
      return ConsentDecision.refuse(
          PURPOSE_NOT_COVERED,
          id
              + " does not cover purpose "
              + purpose.code()
              + "; purposes: "
              + codes(consent.purposes()));
    }
    Set<DataCategory> missing = EnumSet.noneOf(DataCategory.class);
    missing.addAll(categories);
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
    if (!consent.countries().contains(country)) {
      return ConsentDecision.refuse(
          COUNTRY_NOT_COVERED,
          id
              + " does not cover destination country "
              + country.code()
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
