package org.vansdk.core.functioning;

import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.AssessmentId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.time.PartialDate;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A Washington Group Short Set assessment: one answer per functional domain. The WG-SS identifiers
 * (SUM_234, SUM_34, SUM_4, DISABILITY1-4) are derived by {@link #computedIdentifiers()}; a sender
 * may also send its own in {@link #wgSsIdentifiers()}, which validators check for agreement.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableFunctioningAssessment.class)
@JsonDeserialize(as = ImmutableFunctioningAssessment.class)
public abstract class FunctioningAssessment {
  /** Returns the record identifier. */
  public abstract AssessmentId id();

  /** Returns the person assessed. */
  public abstract PersonId personId();

  /** Returns the date of the assessment. */
  public abstract PartialDate date();

  /** Returns the instrument; {@code wg_ss} by default. */
  @Value.Default
  public Instrument instrument() {
    return Instrument.WG_SS;
  }

  /** Returns whether someone answered for the person. */
  public abstract Optional<Boolean> proxy();

  /** Returns the answer for seeing. */
  public abstract WgSsResponse seeing();

  /** Returns the answer for hearing. */
  public abstract WgSsResponse hearing();

  /** Returns the answer for walking. */
  public abstract WgSsResponse walking();

  /** Returns the answer for remembering or concentrating. */
  public abstract WgSsResponse cognition();

  /** Returns the answer for self-care. */
  public abstract WgSsResponse selfCare();

  /** Returns the answer for communicating. */
  public abstract WgSsResponse communication();

  /** Returns the identifiers as computed by the sender, if sent. */
  public abstract Optional<WgSsIdentifiers> wgSsIdentifiers();

  /**
   * Returns the answer for a domain.
   *
   * @param domain the domain
   * @return the answer
   */
  public final WgSsResponse response(WgSsDomain domain) {
    switch (domain) {
      case SEEING:
        return seeing();
      case HEARING:
        return hearing();
      case WALKING:
        return walking();
      case COGNITION:
        return cognition();
      case SELF_CARE:
        return selfCare();
      default:
        return communication();
    }
  }

  /** Returns the WG-SS identifiers derived from the six answers. */
  public final WgSsIdentifiers computedIdentifiers() {
    return WgSsIdentifiers.from(
        seeing(), hearing(), walking(), cognition(), selfCare(), communication());
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FunctioningAssessment}. */
  public static final class Builder extends ImmutableFunctioningAssessment.Builder {}
}
