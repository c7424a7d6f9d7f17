package org.vansdk.hub.directory;

import java.util.List;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A service as a focal point registers it: the service and where it is delivered, replaced as a
 * whole on every registration. JSON: {@code {"service": {...}, "locations": [{...}]}}.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableServiceEntry.class)
@JsonDeserialize(as = ImmutableServiceEntry.class)
public abstract class ServiceEntry {
  /** Returns the service. */
  public abstract Service service();

  /** Returns where it is delivered and which areas each place covers; may be empty. */
  public abstract List<ServiceLocation> locations();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ServiceEntry}. */
  public static final class Builder extends ImmutableServiceEntry.Builder {}
}
