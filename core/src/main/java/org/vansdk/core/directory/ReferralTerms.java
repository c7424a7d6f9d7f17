package org.vansdk.core.directory;

import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.text.LocalizedText;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How to refer to a service and how soon it answers.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableReferralTerms.class)
@JsonDeserialize(as = ImmutableReferralTerms.class)
public abstract class ReferralTerms {
  /** Returns instructions for referrers. */
  public abstract Optional<LocalizedText> howToRefer();

  /** Returns the days within which the service answers a referral. */
  public abstract Optional<Integer> daysToRespond();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReferralTerms}. */
  public static final class Builder extends ImmutableReferralTerms.Builder {}
}
