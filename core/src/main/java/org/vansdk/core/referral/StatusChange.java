package org.vansdk.core.referral;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.text.LocalizedText;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One entry in a referral attempt's status history.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableStatusChange.class)
@JsonDeserialize(as = ImmutableStatusChange.class)
public abstract class StatusChange {
  /** Returns the status entered. */
  public abstract AttemptStatus status();

  /** Returns when. */
  public abstract Instant at();

  /**
   * Returns the reason code (a {@link DeclineReason} or {@link NotCompletedReason} code, or a hold
   * reason).
   */
  public abstract Optional<String> reasonCode();

  /** Returns an explanation (free text, language-tagged). */
  public abstract Optional<LocalizedText> text();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StatusChange}. */
  public static final class Builder extends ImmutableStatusChange.Builder {}
}
