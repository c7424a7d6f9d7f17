package org.vansdk.core.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * The kind of explosive device that caused an incident (Landmine Monitor categories). Wire codes
 * are stable within a major version.
 *
 * @since 1.0
 */
public enum DeviceCategory implements CodeValue {
  /** Antipersonnel mine ({@code antipersonnel_mine}). */
  ANTIPERSONNEL_MINE,
  /** Improvised mine ({@code improvised_mine}). */
  IMPROVISED_MINE,
  /** Antivehicle mine ({@code antivehicle_mine}). */
  ANTIVEHICLE_MINE,
  /** Unspecified mine ({@code unspecified_mine}). */
  UNSPECIFIED_MINE,
  /** Cluster munition remnant ({@code cluster_munition_remnant}). */
  CLUSTER_MUNITION_REMNANT,
  /** Other explosive remnant of war ({@code other_erw}). */
  OTHER_ERW,
  /** Unknown ({@code unknown}). */
  UNKNOWN;

  /** Returns the device group: mine, explosive remnant of war, or unknown. */
  public DeviceGroup group() {
    switch (this) {
      case ANTIPERSONNEL_MINE:
      case IMPROVISED_MINE:
      case ANTIVEHICLE_MINE:
      case UNSPECIFIED_MINE:
        return DeviceGroup.MINE;
      case CLUSTER_MUNITION_REMNANT:
      case OTHER_ERW:
        return DeviceGroup.ERW;
      default:
        return DeviceGroup.UNKNOWN;
    }
  }

  /**
   * Returns the treaties whose victim-assistance obligations this device concerns: the Mine Ban
   * Convention for antipersonnel and improvised mines, the Convention on Cluster Munitions for
   * cluster munition remnants, CCW Protocol V for other explosive remnants of war.
   */
  public Set<Treaty> treaties() {
    switch (this) {
      case ANTIPERSONNEL_MINE:
      case IMPROVISED_MINE:
        return Collections.unmodifiableSet(EnumSet.of(Treaty.APMBC));
      case CLUSTER_MUNITION_REMNANT:
        return Collections.unmodifiableSet(EnumSet.of(Treaty.CCM));
      case OTHER_ERW:
        return Collections.unmodifiableSet(EnumSet.of(Treaty.CCW_PROTOCOL_V));
      default:
        return Collections.emptySet();
    }
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
  public static DeviceCategory fromCode(String code) {
    return CodeList.fromCode(DeviceCategory.class, code);
  }
}
