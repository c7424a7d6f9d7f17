package org.vansdk.core.deidentified;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.casualty.ActivityGroup;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.time.DatePrecision;
import org.vansdk.core.time.PartialDate;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A casualty in the regional sharing profile produced by anonymisation: a keyed pseudonym instead
 * of identity, coarse quasi-identifiers (age band, admin level 1 at most, incident year or month),
 * and the facts the regional indicators need. Absent means generalised away or suppressed.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableDeidentifiedCasualty.class)
@JsonDeserialize(as = ImmutableDeidentifiedCasualty.class)
public abstract class DeidentifiedCasualty {
  /** Returns the keyed pseudonym (key version prefix, e.g. {@code v2.}, then Base32). */
  public abstract String pseudonym();

  /** Returns the sex, or {@code unknown} if suppressed. */
  public abstract Sex sex();

  /**
   * Returns the age band at the incident: {@code 20-24}, {@code 20-29}, {@code 0-19}, {@code child}
   * or {@code adult}.
   */
  public abstract Optional<String> ageBand();

  /** Returns the country of the incident. */
  public abstract CountryCode country();

  /** Returns the province (admin level 1) of the incident, if kept. */
  public abstract Optional<AdminArea> adminArea();

  /** Returns the incident year or year-month, if kept. */
  public abstract Optional<PartialDate> incidentPeriod();

  /** Returns the device category, if kept. */
  public abstract Optional<DeviceCategory> deviceCategory();

  /** Returns the outcome. */
  public abstract Outcome outcome();

  /** Returns the civilian status, if kept. */
  public abstract Optional<CivilianStatus> civilianStatus();

  /** Returns the activity group, if kept. */
  public abstract Optional<ActivityGroup> activityGroup();

  /** Returns whether at least one amputation is recorded. */
  public abstract YesNoUnknown amputation();

  /** Returns WG-SS DISABILITY3 from the latest assessment, or unknown. */
  public abstract YesNoUnknown disability3();

  /** Returns the types of services received, sorted and distinct. */
  public abstract List<ServiceType> servicesReceived();

  /**
   * Returns the generalisation level at which each quasi-identifier of this record was released,
   * named as in {@link #LEVEL_NAMES} (0 is the value as recorded, each level above is coarser).
   * Records of one release may carry different levels (local recoding). Empty for a suppressed
   * record, and for documents written before releases stated their levels.
   */
  public abstract Map<String, Integer> levels();

  /**
   * The quasi-identifiers a release generalises, in release order, each with the names of its
   * generalisation levels, finest first; {@link #levels()} gives a position in these lists.
   */
  public static final Map<String, List<String>> LEVEL_NAMES = levelNames();

  private static Map<String, List<String>> levelNames() {
    Map<String, List<String>> names = new LinkedHashMap<>();
    names.put("sex", List.of("value", "*"));
    names.put(
        "age", List.of("years", "5-year band", "10-year band", "20-year band", "child/adult", "*"));
    names.put("place", List.of("admin 3", "admin 2", "province", "country", "*"));
    names.put("incidentDate", List.of("day", "month", "quarter", "year", "5-year period", "*"));
    names.put("device", List.of("category", "mine/ERW", "*"));
    names.put("activity", List.of("activity", "group", "*"));
    return java.util.Collections.unmodifiableMap(names);
  }

  /** The regular expression an age band matches. */
  public static final String AGE_BAND_PATTERN = "^(\\d{1,3}-\\d{1,3}|\\d{1,3}\\+|child|adult)$";

  @Value.Check
  void check() {
    if (adminArea().isPresent() && adminArea().get().level() != 1) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "de-identified casualty: adminArea must be level 1 (province) or absent, not level "
              + adminArea().get().level());
    }
    if (incidentPeriod().isPresent() && incidentPeriod().get().precision() == DatePrecision.DAY) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "de-identified casualty: incidentPeriod must be a year or a year-month, not a day");
    }
    if (ageBand().isPresent() && !ageBand().get().matches(AGE_BAND_PATTERN)) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "de-identified casualty: ageBand must be like 20-24, 80+, child or adult");
    }
    for (Map.Entry<String, Integer> level : levels().entrySet()) {
      List<String> names = LEVEL_NAMES.get(level.getKey());
      if (names == null) {
        throw new VanException(
            ErrorCode.INVARIANT_VIOLATED,
            "de-identified casualty: levels has no attribute "
                + level.getKey()
                + "; allowed: "
                + LEVEL_NAMES.keySet());
      }
      if (level.getValue() < 0 || level.getValue() >= names.size()) {
        throw new VanException(
            ErrorCode.INVARIANT_VIOLATED,
            "de-identified casualty: level "
                + level.getValue()
                + " of "
                + level.getKey()
                + " is outside 0.."
                + (names.size() - 1));
      }
    }
    if (pseudonym().isBlank()) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED, "de-identified casualty: pseudonym is blank");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeidentifiedCasualty}. */
  public static final class Builder extends ImmutableDeidentifiedCasualty.Builder {}
}
