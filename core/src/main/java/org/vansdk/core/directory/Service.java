package org.vansdk.core.directory;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.text.LocalizedText;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A service an organisation provides (shaped after Open Referral HSDS 3.0).
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableService.class)
@JsonDeserialize(as = ImmutableService.class)
public abstract class Service {
  /** Returns the record identifier. */
  public abstract ServiceId id();

  /** Returns the organisation providing it. */
  public abstract OrganisationId organisationId();

  /** Returns the name in one or more languages. */
  public abstract List<LocalizedText> name();

  /** Returns the service types offered (at least one). */
  public abstract List<ServiceType> serviceTypes();

  /** Returns the operating status. */
  public abstract ServiceStatus status();

  /** Returns who it is for. */
  public abstract Optional<Eligibility> eligibility();

  /** Returns a description of what it costs the survivor. */
  public abstract Optional<LocalizedText> cost();

  /** Returns the languages it is offered in (BCP 47). */
  public abstract List<String> languages();

  /** Returns its capacity, as last reported. */
  public abstract Optional<Capacity> capacity();

  /** Returns how to refer to it. */
  public abstract Optional<ReferralTerms> referralTerms();

  @Value.Check
  void check() {
    if (serviceTypes().isEmpty()) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "service " + id() + ": serviceTypes needs at least one type");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Service}. */
  public static final class Builder extends ImmutableService.Builder {}
}
