package org.vansdk.core.casualty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * What a casualty was doing at the time of the incident. Wire codes are stable within a major
 * version.
 *
 * @since 1.0
 */
public enum Activity implements CodeValue {
  /** Farming ({@code farming}). */
  FARMING(ActivityGroup.LIVELIHOOD),
  /** Herding ({@code herding}). */
  HERDING(ActivityGroup.LIVELIHOOD),
  /** Collecting food or wood ({@code collecting_food_or_wood}). */
  COLLECTING_FOOD_OR_WOOD(ActivityGroup.LIVELIHOOD),
  /** Collecting scrap metal ({@code collecting_scrap_metal}). */
  COLLECTING_SCRAP_METAL(ActivityGroup.LIVELIHOOD),
  /** Handling or tampering ({@code handling_or_tampering}). */
  HANDLING_OR_TAMPERING(ActivityGroup.TAMPERING),
  /** Travelling ({@code travelling}). */
  TRAVELLING(ActivityGroup.TRAVELLING),
  /** Playing ({@code playing}). */
  PLAYING(ActivityGroup.PLAYING),
  /** Household activity ({@code household_activity}). */
  HOUSEHOLD_ACTIVITY(ActivityGroup.HOUSEHOLD),
  /** Fishing ({@code fishing}). */
  FISHING(ActivityGroup.LIVELIHOOD),
  /** Construction or land clearing ({@code construction_or_land_clearing}). */
  CONSTRUCTION_OR_LAND_CLEARING(ActivityGroup.LIVELIHOOD),
  /** Demining ({@code demining}). */
  DEMINING(ActivityGroup.DEMINING_OR_MILITARY),
  /** Military activity ({@code military_activity}). */
  MILITARY_ACTIVITY(ActivityGroup.DEMINING_OR_MILITARY),
  /** Other ({@code other}). */
  OTHER(ActivityGroup.OTHER),
  /** Unknown ({@code unknown}). */
  UNKNOWN(ActivityGroup.UNKNOWN);

  private final ActivityGroup group;

  Activity(ActivityGroup group) {
    this.group = group;
  }

  /** Returns the coarse group this activity belongs to (used for generalisation and reporting). */
  public ActivityGroup group() {
    return group;
  }

  @Override
  @JsonValue
  public String code() {
    return CodeList.codeOf(this);
  }

  /**
   * Returns the constant with the given wire code.
   *
   * @param code a lower_snake code, e.g. as read from JSON
   * @return the constant
   * @throws org.vansdk.core.VanException with {@code VAN-C-0001} if the code is unknown; the
   *     message lists the allowed codes
   */
  @JsonCreator
  public static Activity fromCode(String code) {
    return CodeList.fromCode(Activity.class, code);
  }
}
