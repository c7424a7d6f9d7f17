package org.vansdk.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.vansdk.referral.consent.ConsentedPayload;

/**
 * Writes a referral and one of its attempts as a FHIR R4 Bundle (type {@code collection}): Patient,
 * Consent, ServiceRequest, Task, the referring and target Organization, the HealthcareService and
 * its Location, each on our profiles of base R4 ({@code
 * https://vansdk.org/fhir/StructureDefinition/ van-*}). Resource ids are name-based UUIDs of our
 * record ids, so the same records always give the same Bundle; references carry our ids as
 * identifiers. The Patient holds only what the referral protocol would disclose at the moment of
 * export (see {@link FhirReferral} and the module's docs). Thread-safe; the clock gives that moment
 * and the Bundle's timestamp.
 */
public final class ReferralBundles {
  private final Clock clock;

  private ReferralBundles(Clock clock) {
    this.clock = clock;
  }

  /**
   * An exporter.
   *
   * @param clock the moment of each export (consent is judged then; it is the Bundle's timestamp)
   * @return the exporter
   */
  public static ReferralBundles of(Clock clock) {
    return new ReferralBundles(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Exports one referral attempt.
   *
   * @param r the records
   * @return a new Bundle, owned by the caller
   */
  public Bundle export(FhirReferral r) {
    java.time.Instant at = clock.instant();
    Bundle b = new Bundle();
    String attemptId = r.attempt().id().value();
    b.setId(FhirNames.resourceId("Bundle", attemptId));
    b.getIdentifier().setSystem(FhirNames.ID_ATTEMPT).setValue(attemptId);
    b.setType(Bundle.BundleType.COLLECTION);
    b.setTimestampElement(Refs.instant(at));
    ConsentedPayload payload = ConsentedPatient.payload(r, at);
    add(b, ConsentedPatient.of(r, payload));
    Set<String> orgs = new LinkedHashSet<>();
    orgs.add(r.referringOrganisation().id().value());
    orgs.add(r.targetOrganisation().id().value());
    r.consent().ifPresent(c -> add(b, ConsentResource.of(c, orgs)));
    add(b, ReferralServiceRequest.of(r));
    add(b, AttemptTask.of(r.referral(), r.attempt(), true, r.targetService().isPresent()));
    add(b, DirectoryResources.organization(r.referringOrganisation()));
    if (!r.targetOrganisation().id().equals(r.referringOrganisation().id())) {
      add(b, DirectoryResources.organization(r.targetOrganisation()));
    }
    r.targetService()
        .ifPresent(
            s -> add(b, DirectoryResources.service(s, r.serviceLocation().stream().toList())));
    r.serviceLocation().ifPresent(l -> add(b, DirectoryResources.location(l)));
    return b;
  }

  /**
   * Exports one referral attempt as FHIR JSON (pretty-printed, deterministic).
   *
   * @param r the records
   * @return the JSON text
   */
  public String toJson(FhirReferral r) {
    return json(export(r));
  }

  /** Writes any resource as pretty-printed FHIR JSON. */
  static String json(Resource resource) {
    return context().newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
  }

  /** The shared R4 context (HAPI caches it; building one costs seconds). */
  static FhirContext context() {
    return FhirContext.forR4Cached();
  }

  private static void add(Bundle b, Resource resource) {
    b.addEntry()
        .setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart())
        .setResource(resource);
  }
}
