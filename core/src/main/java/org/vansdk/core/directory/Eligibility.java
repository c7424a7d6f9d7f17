package org.vansdk.core.directory;

import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.text.LocalizedText;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Who a service is for.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableEligibility.class)
@JsonDeserialize(as = ImmutableEligibility.class)
public abstract class Eligibility {
  /** Returns the minimum age, if any. */
  public abstract Optional<Integer> minAge();

  /** Returns the maximum age, if any. */
  public abstract Optional<Integer> maxAge();

  /** Returns a description of other criteria. */
  public abstract Optional<LocalizedText> description();

  @Value.Check
  void check() {
    if (minAge().isPresent() && maxAge().isPresent() && minAge().get() > maxAge().get()) {
      throw new VanException(ErrorCode.INVARIANT_VIOLATED, "eligibility minAge is above maxAge");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Eligibility}. */
  public static final class Builder extends ImmutableEligibility.Builder {}
}
