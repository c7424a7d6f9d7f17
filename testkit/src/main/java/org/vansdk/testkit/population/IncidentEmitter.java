package org.vansdk.testkit.population;

import java.time.LocalDate;
import java.util.EnumSet;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.Amputation;
import org.vansdk.core.casualty.AmputationLevel;
import org.vansdk.core.casualty.BodyRegion;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Injury;
import org.vansdk.core.casualty.Laterality;
import org.vansdk.core.casualty.Limb;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.casualty.SensoryLoss;
import org.vansdk.core.casualty.Side;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.incident.AccidentClass;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.incident.Verification;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.Location;
import org.vansdk.core.time.DatePrecision;
import org.vansdk.core.time.PartialDate;
import org.vansdk.testkit.profile.AdminAreas;
import org.vansdk.testkit.profile.Attribute;
import org.vansdk.testkit.profile.Level1Area;
import org.vansdk.testkit.profile.Shares;
import org.vansdk.testkit.random.Prng;

/**
 * Emits incidents and their casualties: date, place and device of the incident, then per casualty
 * the Landmine Monitor group, status, activity, outcome, injuries and amputations. Hands each
 * casualty's person to the {@link PersonEmitter} and, with the care flow, the survivor's follow-up
 * to the {@link AssessmentEmitter}. Owns the incident and casualty sequences. Not thread-safe.
 */
final class IncidentEmitter {
  /** Follow-up records (assessments, referrals) are dated from this day: networks began then. */
  private static final long FOLLOW_UP_START = LocalDate.of(2005, 1, 1).toEpochDay();

  private final Generation g;
  private final Provider reporter;
  private final PersonEmitter persons;
  private final AssessmentEmitter assessments;
  private long incidentSeq;
  private long casualtySeq;

  IncidentEmitter(
      Generation g, Directory directory, PersonEmitter persons, AssessmentEmitter assessments) {
    this.g = g;
    this.reporter = directory.reporter();
    this.persons = persons;
    this.assessments = assessments;
  }

  /** Draws the year of an incident, never after the anchor date. */
  int incidentYear(Prng r) {
    int year = g.profile.incidentYears().pick(r.nextDouble());
    if (g.edge > 0 && r.chance(g.edge)) {
      year = r.between(g.profile.incidentYears().first(), g.profile.incidentYears().last());
    }
    return Math.min(year, g.spec.anchorDate().getYear());
  }

  /** Emits one incident of a year, then its casualties and everything that follows them. */
  void incident(Prng r, int year, int casualties) {
    long first = LocalDate.of(year, 1, 1).toEpochDay();
    long last = Math.min(LocalDate.of(year, 12, 31).toEpochDay(), g.anchorDay);
    long day = r.between(first, last);
    PartialDate date = g.partial(r, day, year >= 1999 ? 0.92 : 0.6, year >= 1999 ? 0.06 : 0.25);
    // The incident certainly happened within [earliest, latest] of its partial date.
    long incidentEarliest = date.earliest().toEpochDay();
    long incidentLatest = Math.min(date.latest().toEpochDay(), g.anchorDay);

    Level1Area province =
        g.profile.adminAreas().level1().get(g.profile.adminAreas().pick(r.nextDouble()));
    Location location = incidentLocation(r, province);
    DeviceCategory device =
        DeviceCategory.fromCode(
            g.draw(r, Attribute.DEVICE_CATEGORY, year, DeviceCategory.values()));
    Shares civilian = g.profile.distribution(Attribute.CIVILIAN_STATUS).in(year);
    boolean demining = r.chance(civilian.share("deminer"));
    IncidentId id = IncidentId.parse(g.id(reporter, "I", ++incidentSeq));
    Incident.Builder b =
        Incident.builder()
            .id(id)
            .date(date)
            .location(location)
            .accidentClass(demining ? AccidentClass.DEMINING_ACCIDENT : AccidentClass.EO_ACCIDENT)
            .deviceCategory(device)
            .areaMarkedBefore(Generation.yesNoUnknown(r, 0.15, 0.6))
            .areaClearedBefore(Generation.yesNoUnknown(r, 0.05, 0.7))
            .reportingOrganisation(reporter.id)
            .verification(r.chance(0.85) ? Verification.VERIFIED : Verification.UNVERIFIED);
    if (date.precision() != DatePrecision.DAY) {
      b.dateEstimated(true);
    }
    g.emit(b.build());
    for (int i = 0; i < casualties; i++) {
      casualty(r, id, year, day, incidentEarliest, incidentLatest, device, demining, province);
    }
  }

  private Location incidentLocation(Prng r, Level1Area province) {
    AdminAreas areas = g.profile.adminAreas();
    double u = r.nextDouble();
    if (u < 0.05) {
      return g.residence(province);
    }
    int d = r.between(1, areas.level2().perParent());
    String l2 = areas.level2().code(province.pCode(), province.pCode(), 1, d);
    if (u < 0.2) {
      return g.location(l2, 2, province.name() + " district " + d + " (synthetic)");
    }
    int c = r.between(1, areas.level3().perParent());
    String l3 = areas.level3().code(province.pCode(), l2, d, c);
    return g.location(l3, 3, province.name() + " commune " + d + "." + c + " (synthetic)");
  }

  private void casualty(
      Prng r,
      IncidentId incident,
      int year,
      long day,
      long incidentEarliest,
      long incidentLatest,
      DeviceCategory device,
      boolean demining,
      Level1Area province) {
    // Landmine Monitor group first; it fixes sex and child/adult.
    String group = g.draw(r, Attribute.LANDMINE_MONITOR_GROUP, year, null);
    if (demining && (group.equals("boy") || group.equals("girl"))) {
      group = r.chance(0.9) ? "man" : "woman";
    }
    boolean child = group.equals("boy") || group.equals("girl");
    boolean known = !group.equals("unknown");
    Sex sex =
        group.equals("man") || group.equals("boy")
            ? Sex.MALE
            : group.equals("woman") || group.equals("girl") ? Sex.FEMALE : Sex.UNKNOWN;

    CivilianStatus status = civilianStatus(r, year, child, demining);
    Activity activity;
    if (status == CivilianStatus.DEMINER) {
      activity = Activity.DEMINING;
    } else if (status == CivilianStatus.MILITARY_OR_SECURITY) {
      activity = Activity.MILITARY_ACTIVITY;
    } else {
      activity = Activity.fromCode(g.draw(r, Attribute.ACTIVITY_OF_CIVILIANS, year, null));
    }

    Integer age = null;
    PartialDate birth = null;
    if (known) {
      age = persons.age(r, year, child);
      birth = persons.birthDate(r, day, age, incidentEarliest == incidentLatest);
      if (birth == null) {
        age = Math.max(age, 1);
        birth = persons.birthDate(r, day, age, false);
      }
    }

    Outcome outcome = Outcome.fromCode(g.draw(r, Attribute.OUTCOME, year, Outcome.values()));
    PartialDate died = null;
    long lastAliveDay = g.anchorDay;
    if (outcome == Outcome.INJURED && r.chance(g.care.laterDeathAmongInjured())) {
      long from = incidentLatest + 30;
      if (from <= g.anchorDay) {
        long deathDay = r.between(from, Math.min(g.anchorDay, from + 365L * 25));
        died = g.partial(r, deathDay, 0.7, 0.2);
        if (died.earliest().toEpochDay() <= incidentLatest) {
          died = PartialDate.from(LocalDate.ofEpochDay(deathDay));
        }
        lastAliveDay = died.earliest().toEpochDay() - 1;
      }
    }

    PersonId personId = persons.survivor(r, sex, known, child, birth, province);

    CasualtyId casualtyId = CasualtyId.parse(g.id(reporter, "C", ++casualtySeq));
    Casualty.Builder c =
        Casualty.builder()
            .id(casualtyId)
            .personId(personId)
            .incidentId(incident)
            .outcome(outcome)
            .civilianStatus(status)
            .activityAtIncident(activity)
            .priorRiskEducation(
                year >= 2000
                    ? Generation.yesNoUnknown(r, 0.35, 0.45)
                    : Generation.yesNoUnknown(r, 0.05, 0.4));
    if (age != null) {
      c.ageAtIncident(age);
    }
    if (died != null) {
      c.diedOn(died);
    }
    if (activity == Activity.HANDLING_OR_TAMPERING) {
      c.tampered(true);
    } else if (r.chance(0.5)) {
      c.tampered(false);
    }
    boolean amputee = false;
    if (outcome == Outcome.INJURED) {
      amputee = injuries(r, c, year, device);
      c.firstAidOnSite(Generation.yesNoUnknown(r, 0.4, 0.4));
      if (r.chance(0.7)) {
        c.minutesToFacility(r.between(10, 720));
      }
    } else if (outcome == Outcome.KILLED && r.chance(0.5)) {
      c.addInjuries(Injury.builder().region(r.pick(BodyRegion.values())).build());
    }
    g.emit(c.build());

    if (!g.spec.careFlow()) {
      return;
    }
    persons.indirectVictims(r, casualtyId, age, day, province);
    if (outcome == Outcome.INJURED) {
      long start = Math.max(incidentLatest + 7, FOLLOW_UP_START);
      long end = Math.min(lastAliveDay, g.anchorDay);
      if (start <= end) {
        assessments.followUp(
            r, personId, age == null ? 30 : age + (int) ((start - day) / 365), amputee, start, end);
      }
    }
  }

  private CivilianStatus civilianStatus(Prng r, int year, boolean child, boolean demining) {
    if (demining) {
      return CivilianStatus.DEMINER;
    }
    if (g.edge > 0 && r.chance(g.edge)) {
      return child ? CivilianStatus.CIVILIAN : r.pick(CivilianStatus.values());
    }
    if (child) {
      return CivilianStatus.CIVILIAN;
    }
    Shares s = g.profile.distribution(Attribute.CIVILIAN_STATUS).in(year);
    Shares groups = g.profile.distribution(Attribute.LANDMINE_MONITOR_GROUP).in(year);
    // Children are always civilians, so adults carry the whole non-civilian share; deminers come
    // from demining incidents, drawn per incident.
    double adults = 1 - groups.share("boy") - groups.share("girl");
    double nonDeminer = 1 - s.share("deminer");
    double military = Math.min(1, s.share("military_or_security") / adults / nonDeminer);
    double unknown = Math.min(1 - military, s.share("unknown") / adults / nonDeminer);
    double u = r.nextDouble();
    if (u < military) {
      return CivilianStatus.MILITARY_OR_SECURITY;
    }
    return u < military + unknown ? CivilianStatus.UNKNOWN : CivilianStatus.CIVILIAN;
  }

  /** Adds injuries and amputations; returns whether a lower limb was amputated. */
  private boolean injuries(Prng r, Casualty.Builder c, int year, DeviceCategory device) {
    boolean mine = device.name().endsWith("_MINE");
    int regions = r.between(1, 3);
    if (g.edge > 0 && r.chance(g.edge)) {
      regions = r.between(0, BodyRegion.values().length);
    }
    EnumSet<BodyRegion> seen = EnumSet.noneOf(BodyRegion.class);
    for (int i = 0; i < regions; i++) {
      BodyRegion region =
          i == 0 && mine && r.chance(0.8) ? BodyRegion.LOWER_LIMB : r.pick(BodyRegion.values());
      if (seen.add(region)) {
        Injury.Builder injury = Injury.builder().region(region);
        if (region == BodyRegion.LOWER_LIMB || region == BodyRegion.UPPER_LIMB) {
          injury.laterality(r.pick(Laterality.values()));
        }
        c.addInjuries(injury.build());
      }
    }
    Shares amp = g.profile.distribution(Attribute.AMPUTATION_AMONG_INJURED).in(year);
    if (!r.chance(amp.share("yes"))) {
      return false;
    }
    int count = r.chance(0.85) ? 1 : 2;
    Limb limb =
        mine
            ? (r.chance(0.9) ? Limb.LOWER : Limb.UPPER)
            : (r.chance(0.5) ? Limb.LOWER : Limb.UPPER);
    Side side = r.pick(Side.LEFT, Side.RIGHT);
    for (int i = 0; i < count; i++) {
      c.addAmputations(Amputation.builder().limb(limb).side(side).level(level(r, limb)).build());
      side = side == Side.LEFT ? Side.RIGHT : Side.LEFT;
    }
    if (!mine && r.chance(0.1)) {
      c.addSensoryLoss(r.pick(SensoryLoss.values()));
    }
    return limb == Limb.LOWER;
  }

  private static AmputationLevel level(Prng r, Limb limb) {
    while (true) {
      AmputationLevel level = r.pick(AmputationLevel.values());
      if (level.limb() == limb) {
        return level;
      }
    }
  }
}
