package org.vansdk.core.incident;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.place.Location;
import org.vansdk.core.time.PartialDate;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An explosive ordnance accident: when and where it happened, what kind of device caused it and
 * what was known of the area. Its exact location is redacted from {@code toString}.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableIncident.class)
@JsonDeserialize(as = ImmutableIncident.class)
public abstract class Incident {
  /** Returns the record identifier. */
  public abstract IncidentId id();

  /** Returns the date, possibly partial. */
  public abstract PartialDate date();

  /** Returns whether the date is an estimate. */
  public abstract Optional<Boolean> dateEstimated();

  /** Returns where it happened (redacted: a point or commune can identify people). */
  @Value.Redacted
  public abstract Location location();

  /** Returns whether it was an accident of the public or of demining. */
  public abstract AccidentClass accidentClass();

  /** Returns the device category; {@code unknown} is explicit. */
  public abstract DeviceCategory deviceCategory();

  /** Returns whether the area was marked as hazardous before. */
  public abstract Optional<YesNoUnknown> areaMarkedBefore();

  /** Returns whether the area had been cleared before. */
  public abstract Optional<YesNoUnknown> areaClearedBefore();

  /** Returns the organisation that reported it. */
  public abstract Optional<OrganisationId> reportingOrganisation();

  /** Returns the verification state; {@code unverified} by default. */
  @Value.Default
  public Verification verification() {
    return Verification.UNVERIFIED;
  }

  /** Returns the device group (mine, ERW or unknown), derived from the category. */
  public final DeviceGroup deviceGroup() {
    return deviceCategory().group();
  }

  /** Returns the treaties concerned, derived from the category. */
  public final Set<Treaty> treaties() {
    return deviceCategory().treaties();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Incident}. */
  public static final class Builder extends ImmutableIncident.Builder {}
}
