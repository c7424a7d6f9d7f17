package org.vansdk.indicators.engine;

import java.util.List;
import org.vansdk.core.casualty.AgeGroup;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.LandmineMonitorGroup;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.person.Sex;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * The value of a fixed dimension for a record's fields, as the position of its code in {@link
 * Dimension#codes()}. The derivations are core's ({@link AgeGroup#ofAge}, {@link
 * LandmineMonitorGroup#of}, {@link DeviceCategory#group}) and the catalogue's ({@link
 * Dimension#ageBandOf}); this class only turns them into lookup tables, built once, because the
 * join applies them to every casualty. Thread-safe (immutable tables).
 */
final class DimensionCodes {
  /** The oldest age a record may state (the schema's bound). */
  static final int MAX_AGE = 120;

  private static final int[] SEX = byCode(Dimension.SEX, Sex.values());
  private static final int[] CIVILIAN = byCode(Dimension.CIVILIAN_STATUS, CivilianStatus.values());
  private static final int[] OUTCOME = byCode(Dimension.OUTCOME, Outcome.values());
  private static final int[] DEVICE = byCode(Dimension.DEVICE_CATEGORY, DeviceCategory.values());
  private static final int[] DEVICE_GROUP = deviceGroups();
  private static final int[] DISABILITY = byCode(Dimension.DISABILITY3, YesNoUnknown.values());
  private static final int[] AGE_GROUP = new int[MAX_AGE + 2];
  private static final int[] AGE_BAND = new int[MAX_AGE + 2];
  private static final int[][] LANDMINE_MONITOR_GROUP = new int[Sex.values().length][];

  static {
    for (int age = -1; age <= MAX_AGE; age++) {
      AGE_GROUP[age + 1] = position(Dimension.AGE_GROUP, ageGroupOf(age).code());
      AGE_BAND[age + 1] =
          position(Dimension.AGE_BAND, age < 0 ? "unknown" : Dimension.ageBandOf(age));
    }
    for (Sex s : Sex.values()) {
      int[] byAge = new int[MAX_AGE + 2];
      for (int age = -1; age <= MAX_AGE; age++) {
        byAge[age + 1] =
            position(
                Dimension.LANDMINE_MONITOR_GROUP,
                LandmineMonitorGroup.of(s, ageGroupOf(age)).code());
      }
      LANDMINE_MONITOR_GROUP[s.ordinal()] = byAge;
    }
  }

  private DimensionCodes() {}

  private static AgeGroup ageGroupOf(int age) {
    return age < 0 ? AgeGroup.UNKNOWN : AgeGroup.ofAge(age);
  }

  private static int[] deviceGroups() {
    DeviceCategory[] all = DeviceCategory.values();
    int[] out = new int[all.length];
    for (DeviceCategory d : all) {
      out[d.ordinal()] = position(Dimension.DEVICE_GROUP, d.group().code());
    }
    return out;
  }

  private static int[] byCode(Dimension d, CodeValue[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = position(d, values[i].code());
    }
    return out;
  }

  private static int position(Dimension d, String code) {
    List<String> codes = d.codes();
    int i = codes.indexOf(code);
    if (i < 0) {
      throw new IllegalStateException(d.code() + " has no value " + code);
    }
    return i;
  }

  /** The value of a fixed dimension for one of core's codes, e.g. (OUTCOME, KILLED). */
  static int of(Dimension d, CodeValue value) {
    return position(d, value.code());
  }

  /**
   * The {@link Dimension#DISABILITY3} value of a WG-SS identifier's {@link YesNoUnknown} ordinal.
   */
  static int disability(int ordinal) {
    return DISABILITY[ordinal];
  }

  /** The {@link Dimension#SEX} value of a {@link Sex} ordinal. */
  static int sex(int sexOrdinal) {
    return SEX[sexOrdinal];
  }

  /** The {@link Dimension#CIVILIAN_STATUS} value of a {@link CivilianStatus} ordinal. */
  static int civilianStatus(int ordinal) {
    return CIVILIAN[ordinal];
  }

  /** The {@link Dimension#OUTCOME} value of an {@link Outcome} ordinal. */
  static int outcome(int ordinal) {
    return OUTCOME[ordinal];
  }

  /** The {@link Dimension#DEVICE_CATEGORY} value of a {@link DeviceCategory} ordinal. */
  static int deviceCategory(int ordinal) {
    return DEVICE[ordinal];
  }

  /** The {@link Dimension#DEVICE_GROUP} value of a {@link DeviceCategory} ordinal. */
  static int deviceGroup(int deviceOrdinal) {
    return DEVICE_GROUP[deviceOrdinal];
  }

  /** The {@link Dimension#AGE_GROUP} value of an age in years ({@code -1} if unknown). */
  static int ageGroup(int age) {
    return AGE_GROUP[age + 1];
  }

  /** The {@link Dimension#AGE_BAND} value of an age in years ({@code -1} if unknown). */
  static int ageBand(int age) {
    return AGE_BAND[age + 1];
  }

  /**
   * The {@link Dimension#LANDMINE_MONITOR_GROUP} value of a {@link Sex} ordinal and an age in years
   * ({@code -1} if unknown).
   */
  static int landmineMonitorGroup(int sexOrdinal, int age) {
    return LANDMINE_MONITOR_GROUP[sexOrdinal][age + 1];
  }
}
