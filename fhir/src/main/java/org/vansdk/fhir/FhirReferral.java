package org.vansdk.fhir;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.person.Person;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;

/**
 * One referral attempt with the records a FHIR Bundle of it draws on: the referral (the need), the
 * attempt (one provider's answer), the person, the consent the referral names, the referring and
 * the target organisation, and the target service and its location when the directory has them.
 * {@link #toString()} holds no personal data (the person's personal fields are redacted).
 */
@Value.Immutable
@VanStyle
public abstract class FhirReferral {

  /** Returns the referral. */
  public abstract Referral referral();

  /** Returns the attempt exported with it. */
  public abstract ReferralAttempt attempt();

  /** Returns the person referred. */
  public abstract Person person();

  /** Returns the consent the referral names, if the caller has it. */
  public abstract Optional<Consent> consent();

  /** Returns the organisation that owns the referral. */
  public abstract Organisation referringOrganisation();

  /** Returns the organisation asked. */
  public abstract Organisation targetOrganisation();

  /** Returns the target service, if the attempt names one and the directory has it. */
  public abstract Optional<Service> targetService();

  /** Returns where the target service is given, if known. */
  public abstract Optional<ServiceLocation> serviceLocation();

  /**
   * Returns the data categories the referral needs (as a {@code ReferralDraft} names them): only
   * those the consent also covers reach the Patient. By default identity, contact and location, the
   * categories a Patient resource can hold.
   */
  @Value.Default
  public Set<DataCategory> requestedCategories() {
    return EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.LOCATION);
  }

  @Value.Check
  void check() {
    String a = "attempt " + attempt().id().value();
    if (!attempt().referralId().equals(referral().id())) {
      throw mismatch(
          a
              + " belongs to referral "
              + attempt().referralId().value()
              + ", not "
              + referral().id().value());
    }
    if (!person().id().equals(referral().personId())) {
      throw mismatch(
          "referral " + referral().id().value() + " refers another person than the one given");
    }
    if (!referringOrganisation().id().equals(referral().referringOrganisation())) {
      throw mismatch(
          "referral "
              + referral().id().value()
              + " is owned by "
              + referral().referringOrganisation().value()
              + ", not "
              + referringOrganisation().id().value());
    }
    if (!targetOrganisation().id().equals(attempt().targetOrganisation())) {
      throw mismatch(
          a
              + " targets "
              + attempt().targetOrganisation().value()
              + ", not "
              + targetOrganisation().id().value());
    }
    consent()
        .ifPresent(
            c -> {
              if (!referral().consentId().equals(Optional.of(c.id()))) {
                throw mismatch(
                    "consent "
                        + c.id().value()
                        + " is not the one referral "
                        + referral().id().value()
                        + " names");
              }
            });
    targetService()
        .ifPresent(
            s -> {
              if (!attempt().targetService().equals(Optional.of(s.id()))
                  || !s.organisationId().equals(attempt().targetOrganisation())) {
                throw mismatch(
                    "service " + s.id().value() + " is not the service " + a + " targets");
              }
            });
    serviceLocation()
        .ifPresent(
            l -> {
              if (targetService().map(s -> !s.id().equals(l.serviceId())).orElse(true)) {
                throw mismatch(
                    "service location "
                        + l.id().value()
                        + " is not a location of the target service");
              }
            });
  }

  private static FhirException mismatch(String message) {
    return new FhirException(FhirException.RECORDS_MISMATCH, message);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FhirReferral}. */
  public static final class Builder extends ImmutableFhirReferral.Builder {}
}
