package org.vansdk.core.casualty;

import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An injury to a body region (medical data: redacted where it is held).
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableInjury.class)
@JsonDeserialize(as = ImmutableInjury.class)
public abstract class Injury {
  /** Returns the body region. */
  public abstract BodyRegion region();

  /** Returns the side affected, if recorded. */
  public abstract Optional<Laterality> laterality();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Injury}. */
  public static final class Builder extends ImmutableInjury.Builder {}
}
