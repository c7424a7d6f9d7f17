package org.vansdk.core.need;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.AssessmentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.time.PartialDate;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An assessment of a person's needs for victim-assistance services.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableNeedsAssessment.class)
@JsonDeserialize(as = ImmutableNeedsAssessment.class)
public abstract class NeedsAssessment {
  /** Returns the record identifier. */
  public abstract AssessmentId id();

  /** Returns the person assessed. */
  public abstract PersonId personId();

  /** Returns the date of the assessment. */
  public abstract PartialDate date();

  /** Returns the organisation that assessed. */
  public abstract Optional<OrganisationId> assessedBy();

  /** Returns the needs found. */
  public abstract List<Need> needs();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NeedsAssessment}. */
  public static final class Builder extends ImmutableNeedsAssessment.Builder {}
}
