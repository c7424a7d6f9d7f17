package org.vansdk.fhir;

import static org.vansdk.fhir.FhirNames.ID_ORGANISATION;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Period;
import org.vansdk.core.consent.ConsentStatus;

/**
 * A consent as a Consent resource on our {@code van-consent} profile, after the SDOH Clinical Care
 * IG's consent: scope {@code patient-privacy}, category LOINC 59284-0 (patient consent), a permit
 * provision naming the grantees (information recipients), the purposes and the data categories. The
 * countries the data may go to and the capture method have no FHIR element (documented).
 */
final class ConsentResource {
  private ConsentResource() {}

  static Consent of(org.vansdk.core.consent.Consent c, java.util.Set<String> orgsInBundle) {
    Consent r = new Consent();
    r.setId(FhirNames.resourceId("Consent", c.id().value()));
    r.getMeta().addProfile(FhirNames.PROFILE_CONSENT);
    r.setLanguage(c.language());
    r.addIdentifier().setSystem(FhirNames.ID_CONSENT).setValue(c.id().value());
    r.setStatus(
        c.status() == ConsentStatus.ACTIVE
            ? Consent.ConsentState.ACTIVE
            : Consent.ConsentState.INACTIVE);
    r.setScope(
        new CodeableConcept()
            .addCoding(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/consentscope",
                    "patient-privacy",
                    null)));
    r.addCategory(new CodeableConcept().addCoding(new Coding("http://loinc.org", "59284-0", null)));
    r.setPatient(Refs.to("Patient", FhirNames.ID_PERSON, c.personId().value(), true));
    r.setDateTimeElement(Refs.dateTime(c.givenAt()));
    c.capturedBy()
        .ifPresent(
            o ->
                r.addOrganization(
                    Refs.to(
                        "Organization",
                        ID_ORGANISATION,
                        o.value(),
                        orgsInBundle.contains(o.value()))));
    r.addPolicy().setUri("https://vansdk.org/fhir/policy/referral-consent");
    Consent.ProvisionComponent p = r.getProvision();
    p.setType(Consent.ConsentProvisionType.PERMIT);
    Period period = new Period().setStartElement(Refs.dateTime(c.givenAt()));
    c.withdrawnAt().or(c::expiresAt).ifPresent(end -> period.setEndElement(Refs.dateTime(end)));
    p.setPeriod(period);
    for (var g : c.grantees()) {
      p.addActor()
          .setRole(
              new CodeableConcept()
                  .addCoding(
                      new Coding(
                          "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                          "IRCP",
                          null)))
          .setReference(
              Refs.to(
                  "Organization", ID_ORGANISATION, g.value(), orgsInBundle.contains(g.value())));
    }
    c.purposes().forEach(x -> p.addPurpose(new Coding(FhirNames.CS_PURPOSE, x.code(), null)));
    c.dataCategories()
        .forEach(x -> p.addCode(AttemptTask.concept(FhirNames.CS_DATA_CATEGORY, x.code())));
    return r;
  }
}
