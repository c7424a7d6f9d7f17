package org.vansdk.testkit.population;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.AffectedRelation;
import org.vansdk.core.casualty.Amputation;
import org.vansdk.core.casualty.AmputationLevel;
import org.vansdk.core.casualty.BodyRegion;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Injury;
import org.vansdk.core.casualty.Laterality;
import org.vansdk.core.casualty.Limb;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.casualty.Relationship;
import org.vansdk.core.casualty.SensoryLoss;
import org.vansdk.core.casualty.Side;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.ConsentMethod;
import org.vansdk.core.consent.ConsentStatus;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.delivery.DeliveryOutcome;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.directory.Capacity;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.OrganisationType;
import org.vansdk.core.directory.ReferralTerms;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.directory.ServiceStatus;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.functioning.WgSsResponse;
import org.vansdk.core.id.AssessmentId;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.DeliveryId;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.id.ServiceLocationId;
import org.vansdk.core.incident.AccidentClass;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.incident.Verification;
import org.vansdk.core.need.Need;
import org.vansdk.core.need.NeedStatus;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.person.DisplacementStatus;
import org.vansdk.core.person.Person;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.place.Location;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.DeclineReason;
import org.vansdk.core.referral.NotCompletedReason;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.ReferralStatus;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.core.time.PartialDate;
import org.vansdk.testkit.profile.AdminAreas;
import org.vansdk.testkit.profile.Attribute;
import org.vansdk.testkit.profile.CareFlow;
import org.vansdk.testkit.profile.CountryProfile;
import org.vansdk.testkit.profile.Level1Area;
import org.vansdk.testkit.profile.NameParts;
import org.vansdk.testkit.profile.ProfileOrganisation;
import org.vansdk.testkit.profile.Shares;
import org.vansdk.testkit.random.Prng;

/**
 * Generates one population as a stream of records pushed to a consumer, incident by incident. Holds
 * only the directory and counters, so memory does not grow with the count. Not thread-safe.
 */
final class PopulationEngine {
  private static final long DAY = 86_400L;

  /** Follow-up records (assessments, referrals) are dated from this day: networks began then. */
  private static final long FOLLOW_UP_START = LocalDate.of(2005, 1, 1).toEpochDay();

  private static final Set<ServiceType> MOBILITY =
      EnumSet.of(
          ServiceType.PROSTHESIS,
          ServiceType.PHYSIOTHERAPY,
          ServiceType.WHEELCHAIR,
          ServiceType.MOBILITY_AID,
          ServiceType.DEVICE_REPAIR);
  private static final ServiceType[] GENERAL_NEEDS = {
    ServiceType.LIVELIHOOD_SUPPORT,
    ServiceType.COUNSELLING,
    ServiceType.PEER_SUPPORT,
    ServiceType.VOCATIONAL_TRAINING,
    ServiceType.SMALL_GRANT,
    ServiceType.SOCIAL_PROTECTION,
    ServiceType.DISABILITY_IDENTIFICATION,
    ServiceType.ONGOING_MEDICAL_CARE,
    ServiceType.CHRONIC_PAIN_TREATMENT,
    ServiceType.SCHOOL_SUPPORT,
    ServiceType.HOUSING_SUPPORT,
    ServiceType.TRANSPORT_ALLOWANCE
  };
  private static final AttemptStatus[] EARLIER_ATTEMPT_END = {
    AttemptStatus.DECLINED, AttemptStatus.NOT_COMPLETED, AttemptStatus.CANCELLED
  };

  private final PopulationSpec spec;
  private final CountryProfile profile;
  private final CareFlow care;
  private final CountryCode country;
  private final String iso3;
  private final String lang;
  private final long anchorDay;
  private final long anchorEnd;
  private final double edge;
  private final Consumer<Object> sink;
  private final List<Provider> providers = new ArrayList<>();

  /**
   * Locations by P-code, reused across records: value objects are immutable, and building one runs
   * the P-code checks. Bounded by the profile's areas, not by the count.
   */
  private final java.util.Map<String, Location> locations = new java.util.HashMap<>();

  private final Provider reporter;

  private long personSeq;
  private long incidentSeq;
  private long casualtySeq;
  private long assessmentSeq;
  private long consentSeq;
  private long referralSeq;
  private long deliverySeq;

  /** An organisation of the directory with its one service. */
  private static final class Provider {
    final ProfileOrganisation source;
    final OrganisationId id;
    final ServiceId service;
    final List<ServiceType> types;

    Provider(
        ProfileOrganisation source, OrganisationId id, ServiceId service, List<ServiceType> types) {
      this.source = source;
      this.id = id;
      this.service = service;
      this.types = types;
    }
  }

  PopulationEngine(PopulationSpec spec, Consumer<Object> sink) {
    this.spec = spec;
    this.profile = spec.profile();
    this.care = profile.careFlow();
    this.country = spec.country();
    this.iso3 = country.code();
    this.lang = profile.languages().get(0);
    this.anchorDay = spec.anchorDate().toEpochDay();
    this.anchorEnd = (anchorDay + 1) * DAY - 1;
    this.edge = spec.edgeCaseRate();
    this.sink = sink;
    for (ProfileOrganisation o : profile.organisations()) {
      List<ServiceType> types = new ArrayList<>();
      for (String t : o.serviceTypes()) {
        types.add(ServiceType.fromCode(t));
      }
      providers.add(
          new Provider(
              o,
              OrganisationId.parse(iso3 + "-" + o.code() + "-org"),
              types.isEmpty() ? null : ServiceId.parse(iso3 + "-" + o.code() + "-svc-1"),
              types));
    }
    this.reporter = providers.get(0);
  }

  void run() {
    emitDirectory();
    long remaining = spec.casualties();
    long index = 0;
    Shares perIncident;
    while (remaining > 0) {
      Prng r = Prng.of(Prng.mix(spec.seed(), index));
      int year = incidentYear(r);
      perIncident = profile.distribution(Attribute.CASUALTIES_PER_INCIDENT).in(year);
      int k = Integer.parseInt(perIncident.code(perIncident.pick(r.nextDouble())));
      if (edge > 0 && r.chance(edge)) {
        k = r.between(1, 9);
      }
      k = (int) Math.min(k, remaining);
      incident(r, year, k);
      remaining -= k;
      index++;
    }
  }

  // ---------------------------------------------------------------- directory

  private void emitDirectory() {
    Prng r = Prng.of(Prng.mix(spec.seed(), -1));
    AdminAreas areas = profile.adminAreas();
    for (Provider p : providers) {
      sink.accept(
          Organisation.builder()
              .id(p.id)
              .addName(LocalizedText.of("en", p.source.name()))
              .type(OrganisationType.fromCode(p.source.type()))
              .country(country)
              .build());
    }
    for (Provider p : providers) {
      if (p.service == null) {
        continue;
      }
      sink.accept(
          Service.builder()
              .id(p.service)
              .organisationId(p.id)
              .addName(LocalizedText.of("en", p.source.name() + " services"))
              .serviceTypes(p.types)
              .status(ServiceStatus.ACTIVE)
              .addLanguages(lang, "en")
              .capacity(
                  Capacity.builder()
                      .available(r.between(0, 40))
                      .maximum(40)
                      .unit("clients per month")
                      .updated(Instant.ofEpochSecond(anchorDay * DAY))
                      .build())
              .referralTerms(ReferralTerms.builder().daysToRespond(r.between(3, 14)).build())
              .build());
      Level1Area area = areas.level1().get(areas.pick(r.nextDouble()));
      AdminArea covered = AdminArea.of(area.pCode(), 1, area.name());
      sink.accept(
          ServiceLocation.builder()
              .id(ServiceLocationId.parse(iso3 + "-" + p.source.code() + "-loc-1"))
              .serviceId(p.service)
              .location(Location.builder().country(country).adminArea(covered).build())
              .addAreasCovered(covered)
              .build());
    }
  }

  // ---------------------------------------------------------------- incident

  private int incidentYear(Prng r) {
    int year = profile.incidentYears().pick(r.nextDouble());
    if (edge > 0 && r.chance(edge)) {
      year = r.between(profile.incidentYears().first(), profile.incidentYears().last());
    }
    return Math.min(year, spec.anchorDate().getYear());
  }

  private void incident(Prng r, int year, int casualties) {
    long first = LocalDate.of(year, 1, 1).toEpochDay();
    long last = Math.min(LocalDate.of(year, 12, 31).toEpochDay(), anchorDay);
    long day = r.between(first, last);
    PartialDate date = partial(r, day, year >= 1999 ? 0.92 : 0.6, year >= 1999 ? 0.06 : 0.25);
    // The incident certainly happened within [earliest, latest] of its partial date.
    long incidentEarliest = date.earliest().toEpochDay();
    long incidentLatest = Math.min(date.latest().toEpochDay(), anchorDay);

    Level1Area province =
        profile.adminAreas().level1().get(profile.adminAreas().pick(r.nextDouble()));
    Location location = incidentLocation(r, province);
    DeviceCategory device =
        DeviceCategory.fromCode(draw(r, Attribute.DEVICE_CATEGORY, year, DeviceCategory.values()));
    Shares civilian = profile.distribution(Attribute.CIVILIAN_STATUS).in(year);
    boolean demining = r.chance(civilian.share("deminer"));
    IncidentId id =
        IncidentId.parse(iso3 + "-" + reporter.source.code() + "-I" + pad(++incidentSeq));
    Incident.Builder b =
        Incident.builder()
            .id(id)
            .date(date)
            .location(location)
            .accidentClass(demining ? AccidentClass.DEMINING_ACCIDENT : AccidentClass.EO_ACCIDENT)
            .deviceCategory(device)
            .areaMarkedBefore(yesNoUnknown(r, 0.15, 0.6))
            .areaClearedBefore(yesNoUnknown(r, 0.05, 0.7))
            .reportingOrganisation(reporter.id)
            .verification(r.chance(0.85) ? Verification.VERIFIED : Verification.UNVERIFIED);
    if (date.precision() != org.vansdk.core.time.DatePrecision.DAY) {
      b.dateEstimated(true);
    }
    sink.accept(b.build());
    for (int i = 0; i < casualties; i++) {
      casualty(r, id, year, day, incidentEarliest, incidentLatest, device, demining, province);
    }
  }

  private Location incidentLocation(Prng r, Level1Area province) {
    AdminAreas areas = profile.adminAreas();
    double u = r.nextDouble();
    if (u < 0.05) {
      return residence(province);
    }
    int d = r.between(1, areas.level2().perParent());
    String l2 = areas.level2().code(province.pCode(), province.pCode(), 1, d);
    if (u < 0.2) {
      return location(l2, 2, province.name() + " district " + d + " (synthetic)");
    }
    int c = r.between(1, areas.level3().perParent());
    String l3 = areas.level3().code(province.pCode(), l2, d, c);
    return location(l3, 3, province.name() + " commune " + d + "." + c + " (synthetic)");
  }

  private Location residence(Level1Area province) {
    return location(province.pCode(), 1, province.name());
  }

  private Location location(String pCode, int level, String name) {
    Location known = locations.get(pCode);
    if (known == null) {
      known =
          Location.builder().country(country).adminArea(AdminArea.of(pCode, level, name)).build();
      locations.put(pCode, known);
    }
    return known;
  }

  // ---------------------------------------------------------------- casualty

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
    String group = draw(r, Attribute.LANDMINE_MONITOR_GROUP, year, null);
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
      activity = Activity.fromCode(draw(r, Attribute.ACTIVITY_OF_CIVILIANS, year, null));
    }

    Integer age = null;
    PartialDate birth = null;
    if (known) {
      age = age(r, year, child);
      birth = birthDate(r, day, age, incidentEarliest == incidentLatest);
      if (birth == null) {
        age = Math.max(age, 1);
        birth = birthDate(r, day, age, false);
      }
    }

    Outcome outcome = Outcome.fromCode(draw(r, Attribute.OUTCOME, year, Outcome.values()));
    PartialDate died = null;
    long lastAliveDay = anchorDay;
    if (outcome == Outcome.INJURED && r.chance(care.laterDeathAmongInjured())) {
      long from = incidentLatest + 30;
      if (from <= anchorDay) {
        long deathDay = r.between(from, Math.min(anchorDay, from + 365L * 25));
        died = partial(r, deathDay, 0.7, 0.2);
        if (died.earliest().toEpochDay() <= incidentLatest) {
          died = PartialDate.from(LocalDate.ofEpochDay(deathDay));
        }
        lastAliveDay = died.earliest().toEpochDay() - 1;
      }
    }

    PersonId personId =
        PersonId.parse(iso3 + "-" + reporter.source.code() + "-P" + pad(++personSeq));
    Person.Builder person =
        Person.builder()
            .id(personId)
            .sex(sex)
            .nationality(country)
            .residence(residence(province))
            .addLanguages(lang);
    if (known) {
      person.name(name(r, sex));
      person.birthDate(birth);
      if (birth.precision() != org.vansdk.core.time.DatePrecision.DAY) {
        person.birthDateEstimated(true);
      }
      if (!child) {
        person.householdHead(
            r.chance(care.householdHeadAmongAdults()) ? YesNoUnknown.YES : YesNoUnknown.NO);
      }
    }
    if (r.chance(0.3)) {
      person.addIdentifiers(
          ExternalIdentifier.of(
              iso3.equals("KHM") ? "cmvis" : "imsma",
              iso3 + "-" + Long.toString(personSeq * 7919L % 9_999_991L, 36)));
    }
    person.displacementStatus(
        DisplacementStatus.fromCode(
            care.displacementStatus().code(care.displacementStatus().pick(r.nextDouble()))));
    sink.accept(person.build());

    CasualtyId casualtyId =
        CasualtyId.parse(iso3 + "-" + reporter.source.code() + "-C" + pad(++casualtySeq));
    Casualty.Builder c =
        Casualty.builder()
            .id(casualtyId)
            .personId(personId)
            .incidentId(incident)
            .outcome(outcome)
            .civilianStatus(status)
            .activityAtIncident(activity)
            .priorRiskEducation(
                year >= 2000 ? yesNoUnknown(r, 0.35, 0.45) : yesNoUnknown(r, 0.05, 0.4));
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
      c.firstAidOnSite(yesNoUnknown(r, 0.4, 0.4));
      if (r.chance(0.7)) {
        c.minutesToFacility(r.between(10, 720));
      }
    } else if (outcome == Outcome.KILLED && r.chance(0.5)) {
      c.addInjuries(Injury.builder().region(r.pick(BodyRegion.values())).build());
    }
    sink.accept(c.build());

    if (!spec.careFlow()) {
      return;
    }
    indirectVictims(r, casualtyId, sex, age, day, province);
    if (outcome == Outcome.INJURED) {
      long start = Math.max(incidentLatest + 7, FOLLOW_UP_START);
      long end = Math.min(lastAliveDay, anchorDay);
      if (start <= end) {
        followUp(
            r, personId, age == null ? 30 : age + (int) ((start - day) / 365), amputee, start, end);
      }
    }
  }

  private CivilianStatus civilianStatus(Prng r, int year, boolean child, boolean demining) {
    if (demining) {
      return CivilianStatus.DEMINER;
    }
    if (edge > 0 && r.chance(edge)) {
      return child ? CivilianStatus.CIVILIAN : r.pick(CivilianStatus.values());
    }
    if (child) {
      return CivilianStatus.CIVILIAN;
    }
    Shares s = profile.distribution(Attribute.CIVILIAN_STATUS).in(year);
    Shares groups = profile.distribution(Attribute.LANDMINE_MONITOR_GROUP).in(year);
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

  private int age(Prng r, int year, boolean child) {
    if (edge > 0 && r.chance(edge)) {
      return child ? r.pick(0, 1, 17) : r.pick(18, 19, 99, 120);
    }
    Attribute a = child ? Attribute.CHILD_AGE : Attribute.ADULT_AGE;
    String band = draw(r, a, year, null);
    int dash = band.indexOf('-');
    return r.between(
        Integer.parseInt(band.substring(0, dash)), Integer.parseInt(band.substring(dash + 1)));
  }

  /**
   * Returns a birth date that makes the person exactly {@code age} on the incident day and is
   * certainly before the incident, or null when that needs a precision the draw did not give.
   */
  private PartialDate birthDate(Prng r, long incidentDay, int age, boolean incidentFullDate) {
    LocalDate incident = LocalDate.ofEpochDay(incidentDay);
    LocalDate latestBirth = incident.minusYears(age);
    LocalDate earliestBirth = incident.minusYears(age + 1L).plusDays(1);
    long birthDay = r.between(earliestBirth.toEpochDay(), latestBirth.toEpochDay());
    if (birthDay >= incidentDay) {
      birthDay = incidentDay - 1;
    }
    if (age == 0) {
      return incidentFullDate ? PartialDate.from(LocalDate.ofEpochDay(birthDay)) : null;
    }
    return partial(r, birthDay, 0.3, 0.1);
  }

  private String name(Prng r, Sex sex) {
    NameParts n = profile.names();
    String given = r.pick(sex == Sex.FEMALE ? n.givenFemale() : n.givenMale());
    if (n.family().isEmpty()) {
      return given;
    }
    String family = r.pick(n.family());
    return n.familyNameFirst() ? family + " " + given : given + " " + family;
  }

  private boolean injuries(Prng r, Casualty.Builder c, int year, DeviceCategory device) {
    boolean mine = device.name().endsWith("_MINE");
    int regions = r.between(1, 3);
    if (edge > 0 && r.chance(edge)) {
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
    Shares amp = profile.distribution(Attribute.AMPUTATION_AMONG_INJURED).in(year);
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

  // ---------------------------------------------------------------- indirect victims

  private void indirectVictims(
      Prng r, CasualtyId casualty, Sex sex, Integer age, long day, Level1Area province) {
    Shares s = care.indirectVictimsPerCasualty();
    int n = Integer.parseInt(s.code(s.pick(r.nextDouble())));
    for (int i = 0; i < n; i++) {
      Relationship rel = r.pick(Relationship.values());
      int baseAge = age == null ? 30 : age;
      int relAge;
      switch (rel) {
        case CHILD:
          relAge = Math.max(0, baseAge - r.between(18, 35));
          break;
        case PARENT:
          relAge = Math.min(100, baseAge + r.between(18, 35));
          break;
        default:
          relAge = Math.max(0, Math.min(100, baseAge + r.between(-10, 10)));
      }
      // Born by the anchor date; a child may be born after the incident.
      int birthYear =
          Math.min(LocalDate.ofEpochDay(day).getYear() - relAge, spec.anchorDate().getYear());
      PersonId id = PersonId.parse(iso3 + "-" + reporter.source.code() + "-P" + pad(++personSeq));
      Sex relSex = r.pick(Sex.MALE, Sex.FEMALE);
      sink.accept(
          Person.builder()
              .id(id)
              .sex(relSex)
              .name(name(r, relSex))
              .birthDate(PartialDate.ofYear(birthYear))
              .birthDateEstimated(true)
              .nationality(country)
              .residence(residence(province))
              .addLanguages(lang)
              .build());
      sink.accept(
          AffectedRelation.builder().personId(id).casualtyId(casualty).relationship(rel).build());
    }
  }

  // ---------------------------------------------------------------- follow-up

  private void followUp(
      Prng r, PersonId person, int ageAtStart, boolean lowerLimb, long start, long end) {
    Provider assessor = providers.get(r.nextInt(providers.size()));
    if (r.chance(care.functioningAssessedAmongSurvivors())) {
      long d = r.between(start, end);
      FunctioningAssessment.Builder f =
          FunctioningAssessment.builder()
              .id(
                  AssessmentId.parse(
                      iso3 + "-" + assessor.source.code() + "-FA" + pad(++assessmentSeq)))
              .personId(person)
              .date(PartialDate.from(LocalDate.ofEpochDay(d)))
              .seeing(wgSs(r, false))
              .hearing(wgSs(r, false))
              .walking(wgSs(r, lowerLimb))
              .cognition(wgSs(r, false))
              .selfCare(wgSs(r, lowerLimb && r.chance(0.3)))
              .communication(wgSs(r, false));
      if (ageAtStart < 15 || r.chance(0.05)) {
        f.proxy(true);
      }
      sink.accept(f.build());
    }
    if (!r.chance(care.needsAssessedAmongSurvivors())) {
      deliveryWithoutReferral(r, person, start, end);
      return;
    }
    long needsDay = r.between(start, end);
    List<ServiceType> needs = new ArrayList<>(4);
    if (lowerLimb) {
      needs.add(ServiceType.PROSTHESIS);
      if (r.chance(0.6)) {
        needs.add(ServiceType.PHYSIOTHERAPY);
      }
    }
    int extra = r.between(lowerLimb ? 0 : 1, 3);
    for (int i = 0; i < extra; i++) {
      ServiceType t = r.pick(GENERAL_NEEDS);
      if (!needs.contains(t)) {
        needs.add(t);
      }
    }
    NeedsAssessment.Builder na =
        NeedsAssessment.builder()
            .id(
                AssessmentId.parse(
                    iso3 + "-" + assessor.source.code() + "-NA" + pad(++assessmentSeq)))
            .personId(person)
            .date(PartialDate.from(LocalDate.ofEpochDay(needsDay)))
            .assessedBy(assessor.id);
    for (ServiceType t : needs) {
      na.addNeeds(
          Need.builder()
              .serviceType(t)
              .priority(r.pick(Priority.values()))
              .status(r.chance(0.8) ? NeedStatus.UNMET : NeedStatus.PARTIALLY_MET)
              .build());
    }
    sink.accept(na.build());
    if (r.chance(care.referredAmongNeedsAssessed())) {
      referral(
          r, person, ageAtStart + (int) ((needsDay - start) / 365), assessor, needs, needsDay, end);
    } else {
      deliveryWithoutReferral(r, person, start, end);
    }
  }

  private WgSsResponse wgSs(Prng r, boolean affected) {
    double u = r.nextDouble();
    if (edge > 0 && r.chance(edge)) {
      return r.pick(WgSsResponse.values());
    }
    if (affected) {
      return u < 0.05
          ? WgSsResponse.NO_DIFFICULTY
          : u < 0.3
              ? WgSsResponse.SOME_DIFFICULTY
              : u < 0.75
                  ? WgSsResponse.A_LOT_OF_DIFFICULTY
                  : u < 0.97 ? WgSsResponse.CANNOT_DO_AT_ALL : WgSsResponse.DONT_KNOW;
    }
    return u < 0.6
        ? WgSsResponse.NO_DIFFICULTY
        : u < 0.85
            ? WgSsResponse.SOME_DIFFICULTY
            : u < 0.95
                ? WgSsResponse.A_LOT_OF_DIFFICULTY
                : u < 0.97
                    ? WgSsResponse.CANNOT_DO_AT_ALL
                    : u < 0.98
                        ? WgSsResponse.REFUSED
                        : u < 0.99 ? WgSsResponse.DONT_KNOW : WgSsResponse.NOT_ASCERTAINED;
  }

  private void deliveryWithoutReferral(Prng r, PersonId person, long start, long end) {
    if (!r.chance(care.deliveriesWithoutReferral())) {
      return;
    }
    Provider p = anyProvider(r);
    long d = r.between(start, end);
    ServiceType type = r.pick(p.types);
    ServiceDelivery.Builder b =
        ServiceDelivery.builder()
            .id(DeliveryId.parse(iso3 + "-" + p.source.code() + "-D" + pad(++deliverySeq)))
            .personId(person)
            .organisationId(p.id)
            .serviceId(p.service)
            .serviceType(type)
            .startDate(PartialDate.from(LocalDate.ofEpochDay(d)));
    long endDay = d + r.between(0, 90);
    if (endDay <= end && r.chance(0.7)) {
      b.endDate(PartialDate.from(LocalDate.ofEpochDay(endDay))).outcome(DeliveryOutcome.COMPLETED);
    } else {
      b.outcome(DeliveryOutcome.ONGOING);
    }
    b.units(r.between(1, 12));
    sink.accept(b.build());
  }

  private Provider anyProvider(Prng r) {
    while (true) {
      Provider p = providers.get(r.nextInt(providers.size()));
      if (p.service != null) {
        return p;
      }
    }
  }

  private Provider providerFor(Prng r, List<ServiceType> types) {
    List<Provider> matching = new ArrayList<>();
    for (Provider p : providers) {
      if (p.service != null) {
        for (ServiceType t : types) {
          if (p.types.contains(t)) {
            matching.add(p);
            break;
          }
        }
      }
    }
    return matching.isEmpty() ? anyProvider(r) : r.pick(matching);
  }

  // ---------------------------------------------------------------- referral

  private void referral(
      Prng r,
      PersonId person,
      int age,
      Provider referrer,
      List<ServiceType> types,
      long needsDay,
      long lastDay) {
    long lastInstant = Math.min((lastDay + 1) * DAY - 1, anchorEnd);
    long givenAt = needsDay * DAY + r.between(1 * 3600, 10 * 3600);
    long createdAt = givenAt + r.between(600, 20 * 86_400);
    if (createdAt + DAY > lastInstant) {
      return;
    }
    // Consent: given at the needs assessment, for three years, sometimes withdrawn.
    long expiresAt = givenAt + 3L * 365 * DAY;
    Long withdrawnAt = null;
    if (r.chance(care.consentWithdrawnShare())) {
      long w = r.between(createdAt + 3600, Math.min(expiresAt - 1, lastInstant));
      withdrawnAt = w;
    }
    long consentEnd = withdrawnAt != null ? withdrawnAt : expiresAt;
    List<Provider> targets = new ArrayList<>();
    Shares attemptsShares = care.attemptsPerReferral();
    int attempts = Integer.parseInt(attemptsShares.code(attemptsShares.pick(r.nextDouble())));
    for (int i = 0; i < attempts; i++) {
      targets.add(providerFor(r, types));
    }

    ConsentId consentId =
        ConsentId.parse(iso3 + "-" + referrer.source.code() + "-CON" + pad(++consentSeq));
    Consent.Builder consent =
        Consent.builder()
            .id(consentId)
            .personId(person)
            .addGrantees(referrer.id)
            .addPurposes(Purpose.REFERRAL, Purpose.SERVICE_DELIVERY, Purpose.FOLLOW_UP)
            .addDataCategories(
                DataCategory.IDENTITY,
                DataCategory.CONTACT,
                DataCategory.LOCATION,
                DataCategory.MEDICAL,
                DataCategory.DISABILITY)
            .addCountries(country)
            .givenAt(Instant.ofEpochSecond(givenAt))
            .expiresAt(Instant.ofEpochSecond(expiresAt))
            .method(
                age < 18
                    ? ConsentMethod.GUARDIAN
                    : r.pick(
                        ConsentMethod.WRITTEN,
                        ConsentMethod.VERBAL_WITNESSED,
                        ConsentMethod.THUMBPRINT))
            .capturedBy(referrer.id)
            .language(lang);
    List<OrganisationId> grantees = new ArrayList<>(List.of(referrer.id));
    for (Provider t : targets) {
      if (!grantees.contains(t.id)) {
        grantees.add(t.id);
        consent.addGrantees(t.id);
      }
    }
    if (withdrawnAt != null) {
      consent.status(ConsentStatus.WITHDRAWN).withdrawnAt(Instant.ofEpochSecond(withdrawnAt));
    } else if (expiresAt <= anchorEnd) {
      consent.status(ConsentStatus.EXPIRED);
    } else {
      consent.status(ConsentStatus.ACTIVE);
    }
    sink.accept(consent.build());

    ReferralId referralId =
        ReferralId.parse(iso3 + "-" + referrer.source.code() + "-R" + pad(++referralSeq));
    List<ReferralAttempt> built = new ArrayList<>(attempts);
    List<ServiceDelivery> deliveries = new ArrayList<>(attempts);
    long t = createdAt;
    AttemptId previous = null;
    boolean anyOpen = false;
    for (int i = 0; i < attempts; i++) {
      Provider target = targets.get(i);
      AttemptStatus end;
      if (i < attempts - 1) {
        end = r.pick(EARLIER_ATTEMPT_END);
      } else {
        Shares s = care.attemptEndState();
        end = AttemptStatus.fromCode(s.code(s.pick(r.nextDouble())));
      }
      AttemptId id = AttemptId.parse(referralId.value() + "-A" + (i + 1));
      List<StatusChange> history =
          history(
              r,
              AttemptPaths.to(end, r),
              t,
              Math.min(lastInstant, consentEnd),
              consentEnd <= lastInstant,
              withdrawnAt != null);
      if (history.isEmpty()) {
        break;
      }
      AttemptStatus reached = history.get(history.size() - 1).status();
      ReferralAttempt.Builder a =
          ReferralAttempt.builder()
              .id(id)
              .referralId(referralId)
              .targetOrganisation(target.id)
              .targetService(target.service)
              .destinationCountry(country)
              .status(reached)
              .history(history);
      if (previous != null) {
        a.replaces(previous);
      }
      if (reached == AttemptStatus.COMPLETED) {
        a.outcome(LocalizedText.of("en", "service delivered"));
      }
      built.add(a.build());
      delivery(r, person, referralId, target, types, history, lastDay).ifPresent(deliveries::add);
      anyOpen |= !reached.isFinal();
      t = history.get(history.size() - 1).at().getEpochSecond() + r.between(3600, 10 * 86_400);
      previous = id;
      if (!reached.isFinal() || t > Math.min(lastInstant, consentEnd)) {
        break;
      }
    }
    ReferralStatus status =
        withdrawnAt != null && withdrawnAt <= anchorEnd
            ? ReferralStatus.REVOKED
            : anyOpen ? ReferralStatus.ACTIVE : ReferralStatus.CLOSED;
    sink.accept(
        Referral.builder()
            .id(referralId)
            .personId(person)
            .serviceTypes(types)
            .priority(r.pick(Priority.values()))
            .referringOrganisation(referrer.id)
            .createdAt(Instant.ofEpochSecond(createdAt))
            .consentId(consentId)
            .status(built.isEmpty() ? ReferralStatus.DRAFT : status)
            .build());
    built.forEach(sink);
    deliveries.forEach(sink);
  }

  /**
   * Times a path, cutting it where the person's timeline or the consent ends; a cut at the end of
   * consent cancels the attempt there, as the system does on withdrawal or expiry.
   */
  private List<StatusChange> history(
      Prng r,
      List<AttemptStatus> path,
      long start,
      long limit,
      boolean consentCuts,
      boolean withdrawn) {
    List<StatusChange> out = new ArrayList<>(path.size() + 1);
    long t = start;
    for (int i = 0; i < path.size(); i++) {
      AttemptStatus s = path.get(i);
      if (i > 0) {
        t += gap(r, s);
      } else {
        t += r.between(60, 3600);
      }
      if (t > limit) {
        AttemptStatus last = out.isEmpty() ? null : out.get(out.size() - 1).status();
        if (consentCuts && last != null && !last.isFinal()) {
          out.add(
              StatusChange.builder()
                  .status(AttemptStatus.CANCELLED)
                  .at(Instant.ofEpochSecond(limit))
                  .reasonCode(withdrawn ? "consent_withdrawn" : "consent_expired")
                  .build());
        }
        return out;
      }
      StatusChange.Builder c = StatusChange.builder().status(s).at(Instant.ofEpochSecond(t));
      switch (s) {
        case DECLINED:
          c.reasonCode(r.pick(DeclineReason.values()).code());
          break;
        case NOT_COMPLETED:
          c.reasonCode(
              r.pick(
                      NotCompletedReason.SURVIVOR_DECLINED,
                      NotCompletedReason.UNREACHABLE,
                      NotCompletedReason.NOT_ELIGIBLE_AFTER_ASSESSMENT,
                      NotCompletedReason.MOVED,
                      NotCompletedReason.OTHER)
                  .code());
          break;
        case ON_HOLD:
          c.reasonCode("other").text(LocalizedText.of("en", "waiting for a fitting appointment"));
          break;
        case CANCELLED:
          c.reasonCode("referrer_request");
          break;
        case ENTERED_IN_ERROR:
          c.reasonCode("other");
          break;
        default:
          break;
      }
      out.add(c.build());
    }
    return out;
  }

  private static long gap(Prng r, AttemptStatus to) {
    switch (to) {
      case SENT:
        return r.between(600L, 2 * 86_400L);
      case RECEIVED:
        return r.between(3600L, 5 * 86_400L);
      case ACCEPTED:
      case DECLINED:
        return r.between(3600L, 14 * 86_400L);
      case IN_PROGRESS:
        return r.between(86_400L, 30 * 86_400L);
      case ON_HOLD:
        return r.between(7 * 86_400L, 60 * 86_400L);
      case COMPLETED:
        return r.between(7 * 86_400L, 180 * 86_400L);
      case NOT_COMPLETED:
        return r.between(7 * 86_400L, 120 * 86_400L);
      default:
        return r.between(3600L, 30 * 86_400L);
    }
  }

  /**
   * A delivery for an attempt that was accepted: starts after acceptance, ends with the attempt.
   */
  private Optional<ServiceDelivery> delivery(
      Prng r,
      PersonId person,
      ReferralId referral,
      Provider target,
      List<ServiceType> types,
      List<StatusChange> history,
      long lastDay) {
    Instant accepted = null;
    StatusChange last = history.get(history.size() - 1);
    for (StatusChange c : history) {
      if (c.status() == AttemptStatus.ACCEPTED) {
        accepted = c.at();
      }
    }
    if (accepted == null || last.status() == AttemptStatus.ENTERED_IN_ERROR) {
      return Optional.empty();
    }
    long acceptedDay = Math.floorDiv(accepted.getEpochSecond(), DAY);
    long lastStatusDay = Math.floorDiv(last.at().getEpochSecond(), DAY);
    ServiceType type = types.get(0);
    for (ServiceType t : types) {
      if (target.types.contains(t)) {
        type = t;
        break;
      }
    }
    ServiceDelivery.Builder b =
        ServiceDelivery.builder()
            .id(DeliveryId.parse(iso3 + "-" + target.source.code() + "-D" + pad(++deliverySeq)))
            .personId(person)
            .organisationId(target.id)
            .serviceId(target.service)
            .serviceType(type)
            .referralId(referral);
    long startDay;
    switch (last.status()) {
      case COMPLETED:
      case NOT_COMPLETED:
      case CANCELLED:
        startDay = r.between(acceptedDay, lastStatusDay);
        b.startDate(PartialDate.from(LocalDate.ofEpochDay(startDay)))
            .endDate(PartialDate.from(LocalDate.ofEpochDay(lastStatusDay)))
            .outcome(
                last.status() == AttemptStatus.COMPLETED
                    ? DeliveryOutcome.COMPLETED
                    : DeliveryOutcome.DISCONTINUED);
        break;
      default:
        startDay = Math.min(acceptedDay + r.between(0, 14), Math.min(lastDay, anchorDay));
        b.startDate(PartialDate.from(LocalDate.ofEpochDay(startDay)))
            .outcome(DeliveryOutcome.ONGOING);
    }
    if (type == ServiceType.PROSTHESIS && r.chance(0.5)) {
      b.cost(BigDecimal.valueOf(r.between(80, 300))).currency("USD").units(1);
    } else {
      b.units(r.between(1, 24));
    }
    return Optional.of(b.build());
  }

  // ---------------------------------------------------------------- helpers

  private String draw(Prng r, Attribute attribute, int year, Enum<?>[] everyCode) {
    if (edge > 0 && everyCode != null && r.chance(edge)) {
      return ((org.vansdk.core.code.CodeValue) r.pick(everyCode)).code();
    }
    Shares s = profile.distribution(attribute).in(year);
    return s.code(s.pick(r.nextDouble()));
  }

  private PartialDate partial(Prng r, long day, double full, double month) {
    LocalDate d = LocalDate.ofEpochDay(day);
    double u = r.nextDouble();
    if (edge > 0 && r.chance(edge)) {
      u = r.nextDouble() * 1.0;
      full = 1 / 3.0;
      month = 1 / 3.0;
    }
    if (u < full) {
      return PartialDate.from(d);
    }
    if (u < full + month) {
      return PartialDate.ofYearMonth(d.getYear(), d.getMonthValue());
    }
    return PartialDate.ofYear(d.getYear());
  }

  private static YesNoUnknown yesNoUnknown(Prng r, double yes, double no) {
    double u = r.nextDouble();
    return u < yes ? YesNoUnknown.YES : u < yes + no ? YesNoUnknown.NO : YesNoUnknown.UNKNOWN;
  }

  private static String pad(long n) {
    String s = Long.toString(n);
    return s.length() >= 8 ? s : "00000000".substring(s.length()) + s;
  }
}
