package org.vansdk.indicators.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.Amputation;
import org.vansdk.core.casualty.AmputationLevel;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Limb;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.casualty.Side;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.delivery.DeliveryOutcome;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.functioning.WgSsResponse;
import org.vansdk.core.id.AssessmentId;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.DeliveryId;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.SubmissionId;
import org.vansdk.core.incident.AccidentClass;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.need.Need;
import org.vansdk.core.need.NeedStatus;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.person.Person;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.place.Location;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.core.time.PartialDate;

/**
 * A small seeded random population of consistent records (every reference resolves; deaths after
 * incidents), with plenty of unknowns and partial dates, for the engine's tests. Replace with the
 * testkit generator once it is on main.
 */
final class Population {
  static final ReportingPeriod PERIOD =
      ReportingPeriod.of(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31));
  static final Instant GENERATED = Instant.parse("2024-02-01T00:00:00Z");

  private static final OrganisationId ORG = OrganisationId.parse("KHM-HI-ORG1");
  private static final String[] COUNTRIES = {"KHM", "LAO"};

  private Population() {}

  static Submission generate(long seed, int casualties) {
    Random rnd = new Random(seed);
    Submission.Builder s =
        Submission.builder()
            .submissionId(SubmissionId.parse("KHM-CMAA-S" + seed))
            .country(CountryCode.KHM)
            .reportingOrganisation(ORG)
            .generatedAt(GENERATED)
            .period(PERIOD);
    int incidents = Math.max(1, casualties * 2 / 3);
    List<Incident> incs = new ArrayList<>();
    for (int i = 0; i < incidents; i++) {
      Incident inc = incident(rnd, i);
      incs.add(inc);
      s.addIncidents(inc);
    }
    int persons = Math.max(1, casualties * 9 / 10);
    for (int p = 0; p < persons; p++) {
      s.addPersons(Person.builder().id(personId(p)).sex(pick(rnd, Sex.values(), 0.1)).build());
      if (rnd.nextDouble() < 0.5) {
        int n = 1 + rnd.nextInt(2);
        for (int k = 0; k < n; k++) {
          s.addFunctioningAssessments(functioning(rnd, p, k));
        }
      }
      if (rnd.nextDouble() < 0.5) {
        int n = 1 + rnd.nextInt(2);
        for (int k = 0; k < n; k++) {
          s.addNeedsAssessments(needs(rnd, p, k));
        }
      }
      int deliveries = rnd.nextInt(3);
      for (int k = 0; k < deliveries; k++) {
        s.addServiceDeliveries(delivery(rnd, p, k));
      }
    }
    for (int c = 0; c < casualties; c++) {
      Incident inc = incs.get(rnd.nextInt(incs.size()));
      s.addCasualties(casualty(rnd, c, rnd.nextInt(persons), inc));
    }
    int attempts = casualties / 3;
    for (int a = 0; a < attempts; a++) {
      s.addReferralAttempts(attempt(rnd, a));
    }
    return s.build();
  }

  static PersonId personId(int p) {
    return PersonId.parse("KHM-CMAA-P" + p);
  }

  private static <E> E pick(Random rnd, E[] values, double unknownShare) {
    if (rnd.nextDouble() < unknownShare) {
      return values[values.length - 1];
    }
    return values[rnd.nextInt(values.length - 1)];
  }

  private static PartialDate date(Random rnd, int fromYear, int years) {
    int y = fromYear + rnd.nextInt(years);
    double r = rnd.nextDouble();
    if (r < 0.1) {
      return PartialDate.ofYear(y);
    }
    int m = 1 + rnd.nextInt(12);
    if (r < 0.25) {
      return PartialDate.ofYearMonth(y, m);
    }
    return PartialDate.ofDate(y, m, 1 + rnd.nextInt(28));
  }

  private static Incident incident(Random rnd, int i) {
    String country = COUNTRIES[rnd.nextInt(COUNTRIES.length)];
    String prefix = country.equals("KHM") ? "KH" : "LA";
    Location.Builder loc = Location.builder().country(CountryCode.parse(country));
    if (rnd.nextDouble() < 0.9) {
      int level = 1 + rnd.nextInt(3);
      String p = prefix + String.format("%02d", 1 + rnd.nextInt(4));
      for (int l = 1; l < level; l++) {
        p += String.format("%02d", 1 + rnd.nextInt(3));
      }
      loc.adminArea(AdminArea.of(p, level, "area"));
    }
    Incident.Builder b =
        Incident.builder()
            .id(IncidentId.parse(country + "-CMAA-I" + i))
            .date(date(rnd, 2020, 5))
            .location(loc.build())
            .accidentClass(AccidentClass.EO_ACCIDENT)
            .deviceCategory(pick(rnd, DeviceCategory.values(), 0.1));
    if (rnd.nextDouble() < 0.8) {
      b.areaMarkedBefore(YesNoUnknown.values()[rnd.nextInt(3)]);
    }
    return b.build();
  }

  private static Casualty casualty(Random rnd, int c, int person, Incident inc) {
    Outcome outcome = pick(rnd, Outcome.values(), 0.05);
    Casualty.Builder b =
        Casualty.builder()
            .id(CasualtyId.parse("KHM-CMAA-C" + c))
            .personId(personId(person))
            .incidentId(inc.id())
            .outcome(outcome)
            .civilianStatus(pick(rnd, CivilianStatus.values(), 0.1))
            .activityAtIncident(Activity.FARMING);
    if (rnd.nextDouble() < 0.85) {
      b.ageAtIncident(rnd.nextInt(95));
    }
    if (rnd.nextDouble() < 0.7) {
      b.priorRiskEducation(YesNoUnknown.values()[rnd.nextInt(3)]);
    }
    if (outcome == Outcome.INJURED && rnd.nextDouble() < 0.3) {
      b.addAmputations(
          Amputation.builder()
              .limb(Limb.LOWER)
              .side(Side.LEFT)
              .level(AmputationLevel.BELOW_KNEE)
              .build());
    }
    if (outcome == Outcome.INJURED && rnd.nextDouble() < 0.1) {
      int y = inc.date().year() + 1 + rnd.nextInt(3);
      b.diedOn(rnd.nextBoolean() ? PartialDate.ofYear(y) : PartialDate.ofDate(y, 3, 15));
    }
    return b.build();
  }

  private static FunctioningAssessment functioning(Random rnd, int p, int k) {
    WgSsResponse[] r = new WgSsResponse[6];
    for (int i = 0; i < 6; i++) {
      double x = rnd.nextDouble();
      r[i] =
          x < 0.05
              ? WgSsResponse.values()[4 + rnd.nextInt(3)]
              : WgSsResponse.values()[x < 0.6 ? 0 : rnd.nextInt(4)];
    }
    return FunctioningAssessment.builder()
        .id(AssessmentId.parse("KHM-HI-F" + p + "x" + k))
        .personId(personId(p))
        .date(date(rnd, 2021, 4))
        .seeing(r[0])
        .hearing(r[1])
        .walking(r[2])
        .cognition(r[3])
        .selfCare(r[4])
        .communication(r[5])
        .build();
  }

  private static NeedsAssessment needs(Random rnd, int p, int k) {
    NeedsAssessment.Builder b =
        NeedsAssessment.builder()
            .id(AssessmentId.parse("KHM-HI-N" + p + "x" + k))
            .personId(personId(p))
            .date(date(rnd, 2021, 4));
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      b.addNeeds(
          Need.builder()
              .serviceType(ServiceType.values()[rnd.nextInt(ServiceType.values().length)])
              .priority(Priority.HIGH)
              .status(NeedStatus.values()[rnd.nextInt(3)])
              .build());
    }
    return b.build();
  }

  private static ServiceDelivery delivery(Random rnd, int p, int k) {
    PartialDate start = date(rnd, 2020, 5);
    ServiceDelivery.Builder b =
        ServiceDelivery.builder()
            .id(DeliveryId.parse("KHM-HI-D" + p + "x" + k))
            .personId(personId(p))
            .organisationId(ORG)
            .serviceType(ServiceType.values()[rnd.nextInt(ServiceType.values().length)])
            .startDate(start)
            .outcome(DeliveryOutcome.COMPLETED);
    if (rnd.nextBoolean()) {
      b.endDate(PartialDate.from(start.latest().plusDays(rnd.nextInt(400))));
    }
    return b.build();
  }

  private static ReferralAttempt attempt(Random rnd, int a) {
    AttemptStatus[] paths = {
      AttemptStatus.SENT,
      AttemptStatus.RECEIVED,
      AttemptStatus.ACCEPTED,
      AttemptStatus.DECLINED,
      AttemptStatus.IN_PROGRESS,
      AttemptStatus.COMPLETED,
      AttemptStatus.NOT_COMPLETED,
      AttemptStatus.CANCELLED,
      AttemptStatus.ENTERED_IN_ERROR
    };
    AttemptStatus last = paths[rnd.nextInt(paths.length)];
    List<AttemptStatus> steps = new ArrayList<>();
    steps.add(AttemptStatus.SENT);
    switch (last) {
      case RECEIVED:
      case DECLINED:
      case CANCELLED:
      case ENTERED_IN_ERROR:
        steps.add(last);
        break;
      case ACCEPTED:
        steps.add(AttemptStatus.ACCEPTED);
        break;
      case IN_PROGRESS:
      case COMPLETED:
      case NOT_COMPLETED:
        steps.add(AttemptStatus.ACCEPTED);
        steps.add(AttemptStatus.IN_PROGRESS);
        if (last != AttemptStatus.IN_PROGRESS) {
          steps.add(last);
        }
        break;
      default:
        break;
    }
    Instant at = Instant.parse("2021-06-01T00:00:00Z").plusSeconds(rnd.nextInt(3 * 365 * 86400));
    ReferralAttempt.Builder b =
        ReferralAttempt.builder()
            .id(AttemptId.parse("KHM-HI-A" + a))
            .referralId(ReferralId.parse("KHM-HI-R" + a))
            .targetOrganisation(ORG)
            .destinationCountry(CountryCode.parse(COUNTRIES[rnd.nextInt(2)]))
            .status(last);
    for (AttemptStatus st : steps) {
      StatusChange.Builder c = StatusChange.builder().status(st).at(at);
      if ((st == AttemptStatus.DECLINED || st == AttemptStatus.NOT_COMPLETED)
          && rnd.nextDouble() < 0.8) {
        c.reasonCode(rnd.nextBoolean() ? "no_capacity" : "other");
      }
      b.addHistory(c.build());
      at = at.plusSeconds(rnd.nextInt(40 * 86400));
    }
    return b.build();
  }
}
