package org.vansdk.core.casualty;

import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An amputation: limb, side and level; the level must belong to the limb.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableAmputation.class)
@JsonDeserialize(as = ImmutableAmputation.class)
public abstract class Amputation {
  /** Returns the limb. */
  public abstract Limb limb();

  /** Returns the side. */
  public abstract Side side();

  /** Returns the level. */
  public abstract AmputationLevel level();

  @Value.Check
  void check() {
    if (level().limb() != limb()) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "amputation level "
              + level().code()
              + " is not a level of the "
              + limb().code()
              + " limb; allowed: "
              + AmputationLevel.codesOf(limb()));
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Amputation}. */
  public static final class Builder extends ImmutableAmputation.Builder {}
}
