package org.vansdk.core.need;

import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.text.LocalizedText;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One assessed need: a service type with a priority and how far it is met.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableNeed.class)
@JsonDeserialize(as = ImmutableNeed.class)
public abstract class Need {
  /** Returns the type of service needed. */
  public abstract ServiceType serviceType();

  /** Returns the priority. */
  public abstract Priority priority();

  /** Returns how far the need is met. */
  public abstract NeedStatus status();

  /** Returns a note (free text, language-tagged). */
  public abstract Optional<LocalizedText> note();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Need}. */
  public static final class Builder extends ImmutableNeed.Builder {}
}
