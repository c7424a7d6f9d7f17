package org.vansdk.core.person;

import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How to reach a person. Personal data: every field is redacted from {@code toString}.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableContact.class)
@JsonDeserialize(as = ImmutableContact.class)
public abstract class Contact {
  /** Returns a phone number. */
  @Value.Redacted
  public abstract Optional<String> phone();

  /** Returns an e-mail address. */
  @Value.Redacted
  public abstract Optional<String> email();

  /** Returns a postal or descriptive address. */
  @Value.Redacted
  public abstract Optional<String> address();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Contact}. */
  public static final class Builder extends ImmutableContact.Builder {}
}
