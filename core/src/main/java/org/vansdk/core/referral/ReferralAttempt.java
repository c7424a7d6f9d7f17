package org.vansdk.core.referral;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.text.LocalizedText;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One try to have one provider meet a referral. Once sent its status is owned by the receiver; the
 * history records every status entered, in order, and ends with the current one.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableReferralAttempt.class)
@JsonDeserialize(as = ImmutableReferralAttempt.class)
public abstract class ReferralAttempt {
  /** Returns the record identifier. */
  public abstract AttemptId id();

  /** Returns the referral it tries to meet. */
  public abstract ReferralId referralId();

  /** Returns the provider asked. */
  public abstract OrganisationId targetOrganisation();

  /** Returns the provider's service, if named. */
  public abstract Optional<ServiceId> targetService();

  /** Returns the country the referral goes to. */
  public abstract CountryCode destinationCountry();

  /** Returns the current status. */
  public abstract AttemptStatus status();

  /** Returns every status entered, oldest first. */
  public abstract List<StatusChange> history();

  /** Returns the outcome reported on completion. */
  public abstract Optional<LocalizedText> outcome();

  /** Returns the attempt this one replaces (a re-referral after a final state). */
  public abstract Optional<AttemptId> replaces();

  @Value.Check
  void check() {
    if (!history().isEmpty() && history().get(history().size() - 1).status() != status()) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "attempt "
              + id()
              + ": the last history entry must be the current status "
              + status().code());
    }
    for (int i = 1; i < history().size(); i++) {
      if (history().get(i).at().isBefore(history().get(i - 1).at())) {
        throw new VanException(
            ErrorCode.INVARIANT_VIOLATED,
            "attempt " + id() + ": history entry " + i + " is earlier than the one before");
      }
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReferralAttempt}. */
  public static final class Builder extends ImmutableReferralAttempt.Builder {}
}
