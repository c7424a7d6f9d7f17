package org.vansdk.testkit.profile;

import java.util.List;

/**
 * A casualty attribute whose distribution a country profile gives by era, with the codes it may
 * use.
 *
 * @since 1.0
 */
public enum Attribute {
  /** Landmine Monitor sex-and-age group. */
  LANDMINE_MONITOR_GROUP("landmineMonitorGroup", Codes.LM_GROUP),
  /** Killed, injured or unknown. */
  OUTCOME("outcome", Codes.OUTCOME),
  /** Device category of the incident. */
  DEVICE_CATEGORY("deviceCategory", Codes.DEVICE),
  /** Civilian, deminer, military or security, unknown. */
  CIVILIAN_STATUS("civilianStatus", Codes.CIVILIAN_STATUS),
  /** Activity at the time of the incident, among civilians only. */
  ACTIVITY_OF_CIVILIANS("activityOfCivilians", Codes.CIVILIAN_ACTIVITY),
  /** Whether an injured casualty had at least one amputation: {@code yes} or {@code no}. */
  AMPUTATION_AMONG_INJURED("amputationAmongInjured", List.of("yes", "no")),
  /** Casualties per incident: {@code 1} to {@code 9}. */
  CASUALTIES_PER_INCIDENT(
      "casualtiesPerIncident", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")),
  /** Age band of a child casualty. */
  CHILD_AGE("childAge", Codes.CHILD_AGE_BANDS),
  /** Age band of an adult casualty. */
  ADULT_AGE("adultAge", Codes.ADULT_AGE_BANDS);

  private final String property;
  private final List<String> allowed;

  Attribute(String property, List<String> allowed) {
    this.property = property;
    this.allowed = allowed;
  }

  /** Returns the property name of this attribute in the profile file. */
  public String property() {
    return property;
  }

  /** Returns the codes this attribute may use, in their canonical order. */
  public List<String> allowed() {
    return allowed;
  }
}
