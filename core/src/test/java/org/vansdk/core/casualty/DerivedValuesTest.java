package org.vansdk.core.casualty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.DeviceGroup;
import org.vansdk.core.incident.Treaty;
import org.vansdk.core.person.Sex;
import org.vansdk.core.time.PartialDate;

class DerivedValuesTest {
  private static Casualty.Builder base() {
    return Casualty.builder()
        .id(CasualtyId.parse("KHM-CMAA-C1"))
        .personId(PersonId.parse("KHM-CMAA-P1"))
        .incidentId(IncidentId.parse("KHM-CMAA-I1"))
        .outcome(Outcome.INJURED)
        .civilianStatus(CivilianStatus.CIVILIAN)
        .activityAtIncident(Activity.FARMING);
  }

  @Test
  void ageGroup_childUnder18_unknownWithoutAge() {
    assertEquals(AgeGroup.CHILD, base().ageAtIncident(17).build().ageGroup());
    assertEquals(AgeGroup.ADULT, base().ageAtIncident(18).build().ageGroup());
    assertEquals(AgeGroup.UNKNOWN, base().build().ageGroup());
  }

  @Test
  void landmineMonitorGroup_fromSexAndAge() {
    assertEquals(
        LandmineMonitorGroup.BOY, base().ageAtIncident(9).build().landmineMonitorGroup(Sex.MALE));
    assertEquals(
        LandmineMonitorGroup.GIRL,
        base().ageAtIncident(0).build().landmineMonitorGroup(Sex.FEMALE));
    assertEquals(
        LandmineMonitorGroup.MAN, base().ageAtIncident(40).build().landmineMonitorGroup(Sex.MALE));
    assertEquals(
        LandmineMonitorGroup.WOMAN,
        base().ageAtIncident(120).build().landmineMonitorGroup(Sex.FEMALE));
    assertEquals(
        LandmineMonitorGroup.UNKNOWN,
        base().ageAtIncident(40).build().landmineMonitorGroup(Sex.UNKNOWN));
    assertEquals(LandmineMonitorGroup.UNKNOWN, base().build().landmineMonitorGroup(Sex.MALE));
  }

  @Test
  void survivor_isInjuredAndNotDied() {
    assertTrue(base().build().isSurvivor());
    assertFalse(base().diedOn(PartialDate.parse("2020")).build().isSurvivor());
    assertFalse(base().outcome(Outcome.KILLED).build().isSurvivor());
    assertFalse(base().outcome(Outcome.UNKNOWN).build().isSurvivor());
  }

  @Test
  void deviceGroupAndTreaties() {
    assertEquals(DeviceGroup.MINE, DeviceCategory.IMPROVISED_MINE.group());
    assertEquals(DeviceGroup.ERW, DeviceCategory.CLUSTER_MUNITION_REMNANT.group());
    assertEquals(DeviceGroup.UNKNOWN, DeviceCategory.UNKNOWN.group());
    assertEquals(Set.of(Treaty.APMBC), DeviceCategory.ANTIPERSONNEL_MINE.treaties());
    assertEquals(Set.of(Treaty.APMBC), DeviceCategory.IMPROVISED_MINE.treaties());
    assertEquals(Set.of(Treaty.CCM), DeviceCategory.CLUSTER_MUNITION_REMNANT.treaties());
    assertEquals(Set.of(Treaty.CCW_PROTOCOL_V), DeviceCategory.OTHER_ERW.treaties());
    assertEquals(EnumSet.noneOf(Treaty.class), DeviceCategory.ANTIVEHICLE_MINE.treaties());
  }

  @Test
  void activity_knowsItsGroup() {
    assertEquals(ActivityGroup.LIVELIHOOD, Activity.COLLECTING_SCRAP_METAL.group());
    assertEquals(ActivityGroup.DEMINING_OR_MILITARY, Activity.DEMINING.group());
    assertEquals(ActivityGroup.UNKNOWN, Activity.UNKNOWN.group());
  }

  @Test
  void invariants_ageBoundsAndAmputationLevel() {
    VanException age = assertThrows(VanException.class, () -> base().ageAtIncident(121).build());
    assertEquals(ErrorCode.INVARIANT_VIOLATED, age.code());
    VanException amp =
        assertThrows(
            VanException.class,
            () ->
                Amputation.builder()
                    .limb(Limb.UPPER)
                    .side(Side.LEFT)
                    .level(AmputationLevel.KNEE)
                    .build());
    assertTrue(amp.getMessage().contains("allowed: partial_hand, wrist"), amp.getMessage());
  }
}
