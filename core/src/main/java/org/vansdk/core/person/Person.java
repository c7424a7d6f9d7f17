package org.vansdk.core.person;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.place.Location;
import org.vansdk.core.time.PartialDate;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A person known to the network: a casualty, an indirect victim or a survivor receiving services.
 * Name, identifiers, birth date, residence and contact are personal data and never appear in {@code
 * toString}.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutablePerson.class)
@JsonDeserialize(as = ImmutablePerson.class)
public abstract class Person {
  /** Returns the record identifier. */
  public abstract PersonId id();

  /** Returns identifiers issued outside the network (personal data). */
  @Value.Redacted
  public abstract List<ExternalIdentifier> identifiers();

  /** Returns the person's name (personal data). */
  @Value.Redacted
  public abstract Optional<String> name();

  /** Returns the sex as recorded; {@code unknown} is explicit. */
  public abstract Sex sex();

  /** Returns the birth date, possibly partial (personal data). */
  @Value.Redacted
  public abstract Optional<PartialDate> birthDate();

  /** Returns whether the birth date is an estimate. */
  public abstract Optional<Boolean> birthDateEstimated();

  /** Returns the nationality. */
  public abstract Optional<CountryCode> nationality();

  /** Returns where the person lives (personal data below district level). */
  @Value.Redacted
  public abstract Optional<Location> residence();

  /** Returns the displacement status, if recorded. */
  public abstract Optional<DisplacementStatus> displacementStatus();

  /** Returns the languages the person speaks, as BCP 47 tags. */
  public abstract List<String> languages();

  /** Returns how to reach the person (personal data). */
  @Value.Redacted
  public abstract Optional<Contact> contact();

  /** Returns whether the person heads their household. */
  public abstract Optional<YesNoUnknown> householdHead();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Person}. */
  public static final class Builder extends ImmutablePerson.Builder {}
}
