package org.vansdk.core.qls;

import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.id.AssessmentId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.time.PartialDate;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A quality-of-life survey (CMAA-style QLS): yes / no / unknown answers about a survivor's
 * situation.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableQualityOfLifeSurvey.class)
@JsonDeserialize(as = ImmutableQualityOfLifeSurvey.class)
public abstract class QualityOfLifeSurvey {
  /** Returns the record identifier. */
  public abstract AssessmentId id();

  /** Returns the person surveyed. */
  public abstract PersonId personId();

  /** Returns the date of the survey. */
  public abstract PartialDate date();

  /** Returns the version of the questionnaire used. */
  public abstract String instrumentVersion();

  /** Returns whether the person holds a national ID card. */
  public abstract Optional<YesNoUnknown> holdsIdCard();

  /** Returns whether the person holds a health equity or IDPoor card. */
  public abstract Optional<YesNoUnknown> holdsHealthOrIdPoorCard();

  /** Returns whether the person has enough food. */
  public abstract Optional<YesNoUnknown> enoughFood();

  /** Returns whether the person is employed or earns a living. */
  public abstract Optional<YesNoUnknown> employed();

  /** Returns whether the person knows the rights of persons with disabilities. */
  public abstract Optional<YesNoUnknown> knowsDisabilityRights();

  /** Returns whether the person has a place to live. */
  public abstract Optional<YesNoUnknown> hasPlaceToLive();

  /** Returns whether the person holds a land title. */
  public abstract Optional<YesNoUnknown> holdsLandTitle();

  /** Returns whether the person can reach a health centre. */
  public abstract Optional<YesNoUnknown> canReachHealthCentre();

  /** Returns whether the person takes part in community events. */
  public abstract Optional<YesNoUnknown> takesPartInCommunityEvents();

  /** Returns whether the person has a loan. */
  public abstract Optional<YesNoUnknown> hasLoan();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link QualityOfLifeSurvey}. */
  public static final class Builder extends ImmutableQualityOfLifeSurvey.Builder {}
}
