package org.vansdk.core.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A referral: the need for services, owned by the referring organisation. One referral may have
 * several {@link ReferralAttempt}s, one per target provider.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableReferral.class)
@JsonDeserialize(as = ImmutableReferral.class)
public abstract class Referral {
  /** Returns the record identifier. */
  public abstract ReferralId id();

  /** Returns the person referred. */
  public abstract PersonId personId();

  /** Returns the services needed (at least one). */
  public abstract List<ServiceType> serviceTypes();

  /** Returns the priority. */
  public abstract Priority priority();

  /** Returns the organisation that owns the referral. */
  public abstract OrganisationId referringOrganisation();

  /** Returns when it was created. */
  public abstract Instant createdAt();

  /** Returns the consent it relies on; required before any attempt is sent. */
  public abstract Optional<ConsentId> consentId();

  /** Returns whether the person must not be contacted directly. */
  public abstract Optional<Boolean> doNotContact();

  /** Returns the parent referral, if this one follows from another. */
  public abstract Optional<ReferralId> basedOn();

  /** Returns its state. */
  public abstract ReferralStatus status();

  @Value.Check
  void check() {
    if (serviceTypes().isEmpty()) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "referral " + id() + ": serviceTypes needs at least one type");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Referral}. */
  public static final class Builder extends ImmutableReferral.Builder {}
}
