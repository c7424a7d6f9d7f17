package org.vansdk.core.directory;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.id.ServiceLocationId;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.Location;
import org.vansdk.core.text.LocalizedText;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Where a service is delivered and which areas it covers.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableServiceLocation.class)
@JsonDeserialize(as = ImmutableServiceLocation.class)
public abstract class ServiceLocation {
  /** Returns the record identifier. */
  public abstract ServiceLocationId id();

  /** Returns the service. */
  public abstract ServiceId serviceId();

  /** Returns the location. */
  public abstract Location location();

  /** Returns the administrative areas it serves. */
  public abstract List<AdminArea> areasCovered();

  /** Returns a description of its physical accessibility. */
  public abstract Optional<LocalizedText> accessibility();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ServiceLocation}. */
  public static final class Builder extends ImmutableServiceLocation.Builder {}
}
