package org.vansdk.exchange.hsds;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.directory.OrganisationType;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.CountryCode;

/**
 * How another network's HSDS directory becomes our records: the namespace of the ids made for
 * records that carry none of ours ({@code {country}-{organisationCode}-{HSDS uuid}}), the country
 * and the language of texts where the directory does not say, the organisation type where it has
 * none of ours, and a mapping of its taxonomy terms (by {@code code}, else {@code name}) to our
 * service types.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
public abstract class HsdsImportOptions {
  /** Returns the country of the id namespace, and of records whose directory gives none. */
  public abstract CountryCode country();

  /** Returns the organisation code of the id namespace: 2 to 16 capitals or digits. */
  public abstract String organisationCode();

  /** Returns the BCP 47 language of texts whose language the directory does not give. */
  @Value.Default
  public String language() {
    return "en";
  }

  /** Returns the type of organisations that carry none of our organisation-type terms. */
  public abstract OrganisationType organisationType();

  /** Returns their taxonomy term codes (or names) and the service type each stands for. */
  public abstract Map<String, ServiceType> serviceTypes();

  /**
   * Returns the service type of services none of whose terms maps to one; when absent, such a
   * service is not imported and an issue says why.
   */
  public abstract Optional<ServiceType> defaultServiceType();

  @Value.Check
  void check() {
    if (!organisationCode().matches("[A-Z0-9]{2,16}")) {
      throw new IllegalArgumentException("organisationCode must be 2 to 16 capitals or digits");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HsdsImportOptions}. */
  public static final class Builder extends ImmutableHsdsImportOptions.Builder {}
}
