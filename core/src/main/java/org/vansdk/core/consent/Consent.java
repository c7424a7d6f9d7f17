package org.vansdk.core.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.place.CountryCode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What a person (or their guardian) agreed to: which organisations may receive which categories of
 * their data, for which purposes, in which countries, until when. A minor's consent is given by a
 * guardian. {@link #covers} answers the question the referral protocol asks before anything is
 * sent.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableConsent.class)
@JsonDeserialize(as = ImmutableConsent.class)
public abstract class Consent {
  /** Returns the record identifier. */
  public abstract ConsentId id();

  /** Returns the person whose data it covers. */
  public abstract PersonId personId();

  /** Returns the version of this consent record, raised on every change; 1 by default. */
  @Value.Default
  public int version() {
    return 1;
  }

  /** Returns the organisations that may receive the data. */
  public abstract List<OrganisationId> grantees();

  /** Returns the purposes covered. */
  public abstract List<Purpose> purposes();

  /** Returns the categories of data covered. */
  public abstract List<DataCategory> dataCategories();

  /** Returns the countries the data may go to. */
  public abstract List<CountryCode> countries();

  /** Returns when it was given. */
  public abstract Instant givenAt();

  /** Returns when it expires, if it does. */
  public abstract Optional<Instant> expiresAt();

  /** Returns how it was captured. */
  public abstract ConsentMethod method();

  /** Returns the organisation that captured it. */
  public abstract Optional<OrganisationId> capturedBy();

  /** Returns the language it was explained in (BCP 47). */
  public abstract String language();

  /** Returns its state. */
  public abstract ConsentStatus status();

  /** Returns when it was withdrawn. */
  public abstract Optional<Instant> withdrawnAt();

  /**
   * Returns whether the consent is in force at an instant: its status is {@code active}, it was
   * given by then and has not yet expired ({@code givenAt <= at < expiresAt}).
   *
   * <p>The status is the record's current state and decides: a consent with status {@code
   * withdrawn} or {@code expired} is in force at no instant, whatever its times say ({@code
   * withdrawnAt} and {@code expiresAt} record when it ended; a time that lies ahead of the status
   * never re-opens it). The times only narrow the window of an active consent. Status and times
   * that contradict each other without a clock ({@code withdrawnAt} without status {@code
   * withdrawn}, a withdrawal before {@code givenAt}, an expiry not after {@code givenAt}) are
   * refused at construction.
   *
   * @param at the instant
   * @return true when in force
   */
  public final boolean isActiveAt(Instant at) {
    return status() == ConsentStatus.ACTIVE
        && !givenAt().isAfter(at)
        && expiresAt().map(at::isBefore).orElse(true);
  }

  /**
   * Returns whether the consent, in force at an instant, covers sending the given data categories
   * to an organisation in a country for a purpose.
   *
   * @param grantee the receiving organisation
   * @param purpose the purpose
   * @param categories every data category to be sent
   * @param country the destination country
   * @param at the instant of sending
   * @return true when every condition holds
   */
  public final boolean covers(
      OrganisationId grantee,
      Purpose purpose,
      Set<DataCategory> categories,
      CountryCode country,
      Instant at) {
    return isActiveAt(at)
        && grantees().contains(grantee)
        && purposes().contains(purpose)
        && dataCategories().containsAll(categories)
        && countries().contains(country);
  }

  @Value.Check
  void check() {
    if ((status() == ConsentStatus.WITHDRAWN) != withdrawnAt().isPresent()) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "consent " + id() + ": withdrawnAt is required for, and only for, status withdrawn");
    }
    if (withdrawnAt().isPresent() && withdrawnAt().get().isBefore(givenAt())) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "consent " + id() + ": withdrawnAt must not be before givenAt");
    }
    if (expiresAt().isPresent() && !expiresAt().get().isAfter(givenAt())) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED, "consent " + id() + ": expiresAt must be after givenAt");
    }
    if (version() < 1) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED, "consent " + id() + ": version must be 1 or more");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Consent}. */
  public static final class Builder extends ImmutableConsent.Builder {}
}
