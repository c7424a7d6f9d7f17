package org.vansdk.core.directory;

import java.util.List;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.text.LocalizedText;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An organisation in the service directory (shaped after Open Referral HSDS 3.0).
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableOrganisation.class)
@JsonDeserialize(as = ImmutableOrganisation.class)
public abstract class Organisation {
  /** Returns the record identifier. */
  public abstract OrganisationId id();

  /** Returns the name in one or more languages (at least one). */
  public abstract List<LocalizedText> name();

  /** Returns the kind of organisation. */
  public abstract OrganisationType type();

  /** Returns the country it is based in. */
  public abstract CountryCode country();

  /** Returns registration numbers and other identifiers. */
  public abstract List<ExternalIdentifier> identifiers();

  @Value.Check
  void check() {
    if (name().isEmpty()) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "organisation " + id() + ": name needs at least one language");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Organisation}. */
  public static final class Builder extends ImmutableOrganisation.Builder {}
}
