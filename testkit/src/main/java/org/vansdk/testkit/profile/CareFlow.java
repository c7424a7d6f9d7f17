package org.vansdk.testkit.profile;

/**
 * Synthetic assumptions about what happens after an incident (later deaths, assessments, referrals,
 * deliveries). They are not published figures; they exist so generated populations exercise every
 * path. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class CareFlow {
  private final String basis;
  private final double laterDeathAmongInjured;
  private final Shares indirectVictimsPerCasualty;
  private final double functioningAssessedAmongSurvivors;
  private final double needsAssessedAmongSurvivors;
  private final double referredAmongNeedsAssessed;
  private final Shares attemptsPerReferral;
  private final Shares attemptEndState;
  private final double deliveriesWithoutReferral;
  private final double consentWithdrawnShare;
  private final double householdHeadAmongAdults;
  private final Shares displacementStatus;

  CareFlow(
      String basis,
      double laterDeathAmongInjured,
      Shares indirectVictimsPerCasualty,
      double functioningAssessedAmongSurvivors,
      double needsAssessedAmongSurvivors,
      double referredAmongNeedsAssessed,
      Shares attemptsPerReferral,
      Shares attemptEndState,
      double deliveriesWithoutReferral,
      double consentWithdrawnShare,
      double householdHeadAmongAdults,
      Shares displacementStatus) {
    this.basis = basis;
    this.laterDeathAmongInjured = laterDeathAmongInjured;
    this.indirectVictimsPerCasualty = indirectVictimsPerCasualty;
    this.functioningAssessedAmongSurvivors = functioningAssessedAmongSurvivors;
    this.needsAssessedAmongSurvivors = needsAssessedAmongSurvivors;
    this.referredAmongNeedsAssessed = referredAmongNeedsAssessed;
    this.attemptsPerReferral = attemptsPerReferral;
    this.attemptEndState = attemptEndState;
    this.deliveriesWithoutReferral = deliveriesWithoutReferral;
    this.consentWithdrawnShare = consentWithdrawnShare;
    this.householdHeadAmongAdults = householdHeadAmongAdults;
    this.displacementStatus = displacementStatus;
  }

  /** Returns the statement of what these numbers are. */
  public String basis() {
    return basis;
  }

  /** Returns the share of injured casualties who die later (before the anchor date). */
  public double laterDeathAmongInjured() {
    return laterDeathAmongInjured;
  }

  /** Returns the distribution of indirect victims (family members) per casualty: 0 to 9. */
  public Shares indirectVictimsPerCasualty() {
    return indirectVictimsPerCasualty;
  }

  /** Returns the share of living survivors with a WG-SS assessment. */
  public double functioningAssessedAmongSurvivors() {
    return functioningAssessedAmongSurvivors;
  }

  /** Returns the share of living survivors with a needs assessment. */
  public double needsAssessedAmongSurvivors() {
    return needsAssessedAmongSurvivors;
  }

  /** Returns the share of needs-assessed survivors who are referred. */
  public double referredAmongNeedsAssessed() {
    return referredAmongNeedsAssessed;
  }

  /** Returns the distribution of attempts per referral: 1 to 9. */
  public Shares attemptsPerReferral() {
    return attemptsPerReferral;
  }

  /** Returns the distribution of the status an attempt has reached at the anchor date. */
  public Shares attemptEndState() {
    return attemptEndState;
  }

  /** Returns the share of survivors who receive a service without a referral. */
  public double deliveriesWithoutReferral() {
    return deliveriesWithoutReferral;
  }

  /** Returns the share of consents withdrawn before the anchor date. */
  public double consentWithdrawnShare() {
    return consentWithdrawnShare;
  }

  /** Returns the share of adults who head their household. */
  public double householdHeadAmongAdults() {
    return householdHeadAmongAdults;
  }

  /** Returns the distribution of displacement status. */
  public Shares displacementStatus() {
    return displacementStatus;
  }
}
