package org.vansdk.core.directory;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How much a service can take on, as last reported.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableCapacity.class)
@JsonDeserialize(as = ImmutableCapacity.class)
public abstract class Capacity {
  /** Returns the places available now. */
  public abstract int available();

  /** Returns the maximum places. */
  public abstract Optional<Integer> maximum();

  /** Returns what is counted, e.g. {@code beds}, {@code places}, {@code devices per month}. */
  public abstract String unit();

  /** Returns when this was last updated. */
  public abstract Optional<Instant> updated();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Capacity}. */
  public static final class Builder extends ImmutableCapacity.Builder {}
}
