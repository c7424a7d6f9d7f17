package org.vansdk.referral.consent;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.place.CountryCode;

/**
 * One intended disclosure of a person's data, as the {@link ConsentGate} judges it: whose data,
 * under which consent the referral names, to whom, why, which data categories, to which country and
 * when. {@link #toString()} leaves out the person.
 *
 * @param person the person whose data would leave
 * @param namedConsent the consent the referral names (empty: the referral names none, and nothing
 *     may leave)
 * @param receiver the organisation the data goes to
 * @param purpose why
 * @param categories every data category that would leave, free text counted as the categories it
 *     may hold
 * @param country the destination country (from the service directory)
 * @param at the moment of sending
 * @since 1.0
 */
public record Disclosure(
    PersonId person,
    Optional<ConsentId> namedConsent,
    OrganisationId receiver,
    Purpose purpose,
    Set<DataCategory> categories,
    CountryCode country,
    Instant at) {

  /** Defensive copy of the categories. */
  public Disclosure {
    categories = Set.copyOf(categories);
  }

  @Override
  public String toString() {
    return "Disclosure[consent "
        + namedConsent.map(ConsentId::value).orElse("(none)")
        + " to "
        + receiver.value()
        + " in "
        + country.code()
        + " for "
        + purpose.code()
        + " categories "
        + categories.stream().map(DataCategory::code).sorted().toList()
        + " at "
        + at
        + "]";
  }
}
