package org.vansdk.core.id;

import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An identifier issued outside the network (national ID, disability card number, IDPoor household
 * number, CMVIS id, IMSMA id): {@code {"system": "...", "value": "..."}}. Personal data: the value
 * never appears in {@code toString}.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableExternalIdentifier.class)
@JsonDeserialize(as = ImmutableExternalIdentifier.class)
public abstract class ExternalIdentifier {
  /** Returns the issuing system, e.g. {@code khm-national-id}, {@code cmvis}. */
  public abstract String system();

  /** Returns the identifier value (personal data). */
  @Value.Redacted
  public abstract String value();

  /**
   * Returns an identifier from its parts.
   *
   * @param system the issuing system
   * @param value the value
   * @return the identifier
   */
  public static ExternalIdentifier of(String system, String value) {
    return builder().system(system).value(value).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (system().isBlank() || value().isBlank()) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED, "external identifier needs a non-blank system and value");
    }
  }

  /** Builds an {@link ExternalIdentifier}. */
  public static final class Builder extends ImmutableExternalIdentifier.Builder {}
}
