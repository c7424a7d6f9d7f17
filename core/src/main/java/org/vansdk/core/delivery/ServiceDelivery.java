package org.vansdk.core.delivery;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.DeliveryId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.time.PartialDate;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Assistance a person received: a service delivered by an organisation.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableServiceDelivery.class)
@JsonDeserialize(as = ImmutableServiceDelivery.class)
public abstract class ServiceDelivery {
  /** Returns the record identifier. */
  public abstract DeliveryId id();

  /** Returns the person assisted. */
  public abstract PersonId personId();

  /** Returns the organisation that delivered it. */
  public abstract OrganisationId organisationId();

  /** Returns the directory service, if known. */
  public abstract Optional<ServiceId> serviceId();

  /** Returns the type of service delivered. */
  public abstract ServiceType serviceType();

  /** Returns when it started. */
  public abstract PartialDate startDate();

  /** Returns when it ended. */
  public abstract Optional<PartialDate> endDate();

  /** Returns its state. */
  public abstract DeliveryOutcome outcome();

  /** Returns the referral it answered, if any. */
  public abstract Optional<ReferralId> referralId();

  /** Returns its cost, in {@link #currency()}. */
  public abstract Optional<BigDecimal> cost();

  /** Returns the ISO 4217 currency of the cost. */
  public abstract Optional<String> currency();

  /** Returns units delivered (sessions, devices). */
  public abstract Optional<Integer> units();

  @Value.Check
  void check() {
    if (endDate().isPresent() && endDate().get().isCertainlyBefore(startDate())) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED, "delivery " + id() + ": endDate is before startDate");
    }
    if (cost().isPresent() != currency().isPresent()) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED, "delivery " + id() + ": cost and currency go together");
    }
    if (cost().isPresent() && cost().get().signum() < 0) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED, "delivery " + id() + ": cost is negative");
    }
    if (currency().isPresent()) {
      try {
        Currency.getInstance(currency().get());
      } catch (IllegalArgumentException e) {
        throw new VanException(
            ErrorCode.INVARIANT_VIOLATED,
            "delivery " + id() + ": currency is not an ISO 4217 code (e.g. USD, KHR, LAK, THB)");
      }
    }
    if (units().isPresent() && units().get() < 0) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED, "delivery " + id() + ": units is negative");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ServiceDelivery}. */
  public static final class Builder extends ImmutableServiceDelivery.Builder {}
}
