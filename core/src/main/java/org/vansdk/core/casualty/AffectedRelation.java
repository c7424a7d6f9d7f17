package org.vansdk.core.casualty;

import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.PersonId;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An indirect victim: a family member or dependant of a casualty.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableAffectedRelation.class)
@JsonDeserialize(as = ImmutableAffectedRelation.class)
public abstract class AffectedRelation {
  /** Returns the indirect victim. */
  public abstract PersonId personId();

  /** Returns the casualty they are related to. */
  public abstract CasualtyId casualtyId();

  /** Returns how they are related. */
  public abstract Relationship relationship();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AffectedRelation}. */
  public static final class Builder extends ImmutableAffectedRelation.Builder {}
}
