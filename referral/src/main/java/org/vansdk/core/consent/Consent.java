package org.vansdk.core.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.CountryCode;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;

/** PLACEHOLDER until van-core lands: delete on merge. */
@Value.Immutable
@VanStyle
public abstract class Consent {
  /** Placeholder. */
  public abstract ConsentId id();

  /** Placeholder. */
  @Value.Redacted
  public abstract PersonId personId();

  /** Placeholder. */
  public abstract List<OrganisationId> grantees();

  /** Placeholder. */
  public abstract List<Purpose> purposes();

  /** Placeholder. */
  public abstract List<DataCategory> dataCategories();

  /** Placeholder. */
  public abstract List<CountryCode> countries();

  /** Placeholder. */
  public abstract Instant givenAt();

  /** Placeholder. */
  public abstract Optional<Instant> expiresAt();

  /** Placeholder. */
  public abstract ConsentStatus status();

  /** Placeholder. */
  public abstract Optional<Instant> withdrawnAt();

  /** Placeholder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Placeholder. */
  public static final class Builder extends ImmutableConsent.Builder {}
}
