package org.vansdk.core.casualty;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.person.Sex;
import org.vansdk.core.time.PartialDate;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A person hurt or killed in an incident. Medical details (injuries, amputations, sensory loss) are
 * redacted from {@code toString}. Derived values (age group, Landmine Monitor group, survivor) are
 * computed here, in one place.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableCasualty.class)
@JsonDeserialize(as = ImmutableCasualty.class)
public abstract class Casualty {
  /** Returns the record identifier. */
  public abstract CasualtyId id();

  /** Returns the person hurt or killed. */
  public abstract PersonId personId();

  /** Returns the incident. */
  public abstract IncidentId incidentId();

  /** Returns whether the person was killed or injured; {@code unknown} is explicit. */
  public abstract Outcome outcome();

  /** Returns the date of a later death of someone injured. */
  public abstract Optional<PartialDate> diedOn();

  /** Returns the civilian status; {@code unknown} is explicit. */
  public abstract CivilianStatus civilianStatus();

  /**
   * Returns the age in completed years at the incident (0-120), which may be known without a birth
   * date.
   */
  public abstract Optional<Integer> ageAtIncident();

  /** Returns what the person was doing; {@code unknown} is explicit. */
  public abstract Activity activityAtIncident();

  /** Returns whether the person was handling or tampering with the device. */
  public abstract Optional<Boolean> tampered();

  /** Returns whether the person had received explosive ordnance risk education. */
  public abstract Optional<YesNoUnknown> priorRiskEducation();

  /** Returns the injuries (medical data). */
  @Value.Redacted
  public abstract List<Injury> injuries();

  /** Returns the amputations (medical data). */
  @Value.Redacted
  public abstract List<Amputation> amputations();

  /** Returns losses of vision or hearing (medical data). */
  @Value.Redacted
  public abstract List<SensoryLoss> sensoryLoss();

  /** Returns whether first aid was given on site. */
  public abstract Optional<YesNoUnknown> firstAidOnSite();

  /** Returns minutes from the incident to a health facility (0 or more). */
  public abstract Optional<Integer> minutesToFacility();

  /**
   * Returns child or adult from the age at the incident, or {@code unknown} when it is not known.
   */
  public final AgeGroup ageGroup() {
    return ageAtIncident().map(AgeGroup::ofAge).orElse(AgeGroup.UNKNOWN);
  }

  /**
   * Returns the Landmine Monitor group (man, woman, boy, girl) from the person's sex and this
   * casualty's age group; {@code unknown} when either is unknown.
   *
   * @param sex the person's sex
   * @return the group
   */
  public final LandmineMonitorGroup landmineMonitorGroup(Sex sex) {
    return LandmineMonitorGroup.of(sex, ageGroup());
  }

  /** Returns true for a survivor: injured and not known to have died since. */
  @JsonIgnore
  public final boolean isSurvivor() {
    return outcome() == Outcome.INJURED && diedOn().isEmpty();
  }

  /** Returns true when at least one amputation is recorded. */
  public final boolean hasAmputation() {
    return !amputations().isEmpty();
  }

  @Value.Check
  void check() {
    if (ageAtIncident().isPresent() && (ageAtIncident().get() < 0 || ageAtIncident().get() > 120)) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED, "casualty " + id() + ": ageAtIncident must be 0-120");
    }
    if (minutesToFacility().isPresent() && minutesToFacility().get() < 0) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "casualty " + id() + ": minutesToFacility must be 0 or more");
    }
    if (diedOn().isPresent() && outcome() == Outcome.UNKNOWN) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "casualty " + id() + ": diedOn needs outcome injured or killed, not unknown");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Casualty}. */
  public static final class Builder extends ImmutableCasualty.Builder {}
}
