package org.vansdk.testkit.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.functioning.WgSsResponse;
import org.vansdk.core.id.AssessmentId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.need.Need;
import org.vansdk.core.need.NeedStatus;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.time.PartialDate;
import org.vansdk.testkit.random.Prng;

/**
 * Emits a survivor's follow-up: a WG-SS functioning assessment and a needs assessment, then hands
 * the needs to the {@link ReferralEmitter} or, without a referral, to the {@link DeliveryEmitter}.
 * Owns the assessment sequence. Not thread-safe.
 */
final class AssessmentEmitter {
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

  private final Generation g;
  private final Directory directory;
  private final ReferralEmitter referrals;
  private final DeliveryEmitter deliveries;
  private long assessmentSeq;

  AssessmentEmitter(
      Generation g, Directory directory, ReferralEmitter referrals, DeliveryEmitter deliveries) {
    this.g = g;
    this.directory = directory;
    this.referrals = referrals;
    this.deliveries = deliveries;
  }

  /**
   * Emits the follow-up of an injured survivor alive within the epoch days [start, end].
   *
   * @param ageAtStart the survivor's age on the start day
   * @param lowerLimb whether a lower limb was amputated
   */
  void followUp(Prng r, PersonId person, int ageAtStart, boolean lowerLimb, long start, long end) {
    Provider assessor = directory.any(r);
    if (r.chance(g.care.functioningAssessedAmongSurvivors())) {
      long d = r.between(start, end);
      FunctioningAssessment.Builder f =
          FunctioningAssessment.builder()
              .id(AssessmentId.parse(g.id(assessor, "FA", ++assessmentSeq)))
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
      g.emit(f.build());
    }
    if (!r.chance(g.care.needsAssessedAmongSurvivors())) {
      deliveries.withoutReferral(r, person, start, end);
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
            .id(AssessmentId.parse(g.id(assessor, "NA", ++assessmentSeq)))
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
    g.emit(na.build());
    if (r.chance(g.care.referredAmongNeedsAssessed())) {
      referrals.referral(
          r, person, ageAtStart + (int) ((needsDay - start) / 365), assessor, needs, needsDay, end);
    } else {
      deliveries.withoutReferral(r, person, start, end);
    }
  }

  private WgSsResponse wgSs(Prng r, boolean affected) {
    double u = r.nextDouble();
    if (g.edge > 0 && r.chance(g.edge)) {
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
}
