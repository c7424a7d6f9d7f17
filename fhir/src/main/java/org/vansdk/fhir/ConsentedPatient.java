package org.vansdk.fhir;

import static org.vansdk.fhir.FhirNames.ID_PERSON;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.referral.consent.ConsentDecision;
import org.vansdk.referral.consent.ConsentGate;
import org.vansdk.referral.consent.ConsentedPayload;
import org.vansdk.referral.consent.Disclosure;
import org.vansdk.referral.consent.PayloadBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The Patient of a referral Bundle: our person id always (the network's pseudonymous record id,
 * which the referral itself carries), and of the person's data only what the referral protocol
 * would send. The referral module decides: its payload builder keeps the requested categories the
 * consent covers, and its consent gate must allow that disclosure to the target organisation, for
 * the purpose {@code referral}, in the destination country, at the moment of export. Nothing
 * personal goes when there is no consent, the gate refuses, or the attempt was entered in error
 * (its personal data is purged).
 */
final class ConsentedPatient {
  private ConsentedPatient() {}

  /** The categories disclosed (empty when nothing may go). */
  static ConsentedPayload payload(FhirReferral r, Instant at) {
    ConsentedPayload none =
        new ConsentedPayload(
            tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), Set.of(), Set.of());
    if (r.consent().isEmpty() || r.attempt().status() == AttemptStatus.ENTERED_IN_ERROR) {
      return none;
    }
    ConsentedPayload payload =
        PayloadBuilder.build(
            r.consent().get(), r.requestedCategories(), PersonCategories.of(r.person()));
    ConsentDecision decision =
        ConsentGate.check(
            r.consent().get(),
            new Disclosure(
                r.person().id(),
                r.referral().consentId(),
                r.attempt().targetOrganisation(),
                Purpose.REFERRAL,
                payload.included(),
                r.attempt().destinationCountry(),
                at));
    return decision.allowed() ? payload : none;
  }

  static Patient of(FhirReferral r, ConsentedPayload payload) {
    Patient p = new Patient();
    p.setId(FhirNames.resourceId("Patient", r.person().id().value()));
    p.getMeta().addProfile(FhirNames.PROFILE_PATIENT);
    p.addIdentifier().setSystem(ID_PERSON).setValue(r.person().id().value());
    Map<String, JsonNode> data = new java.util.HashMap<>();
    payload.personalData().properties().forEach(e -> data.put(e.getKey(), e.getValue()));
    JsonNode identity = data.get(DataCategory.IDENTITY.code());
    if (identity != null) {
      identity(p, identity);
    }
    JsonNode contact = data.get(DataCategory.CONTACT.code());
    if (contact != null) {
      contact(p, contact);
    }
    JsonNode location = data.get(DataCategory.LOCATION.code());
    if (location != null) {
      Address a =
          p.addAddress().setUse(Address.AddressUse.HOME).setType(Address.AddressType.PHYSICAL);
      a.setCountry(location.get("country").stringValue());
      JsonNode area = location.get("adminArea");
      if (area != null && area.has("name")) {
        if (area.get("level").intValue() >= 2) {
          a.setDistrict(area.get("name").stringValue());
        } else {
          a.setState(area.get("name").stringValue());
        }
      }
    }
    return p;
  }

  private static void identity(Patient p, JsonNode identity) {
    if (identity.has("name")) {
      p.addName().setText(identity.get("name").stringValue());
    }
    switch (identity.get("sex").stringValue()) {
      case "male":
        p.setGender(AdministrativeGender.MALE);
        break;
      case "female":
        p.setGender(AdministrativeGender.FEMALE);
        break;
      default:
        p.setGender(AdministrativeGender.UNKNOWN);
    }
    if (identity.has("birthDate")) {
      p.setBirthDateElement(new DateType(identity.get("birthDate").stringValue()));
    }
    for (JsonNode id : identity.path("identifiers")) {
      String system = id.get("system").stringValue();
      p.addIdentifier()
          .setSystem(
              system.contains(":")
                  ? system
                  : FhirNames.ID + "external/" + URLEncoder.encode(system, StandardCharsets.UTF_8))
          .setValue(id.get("value").stringValue());
    }
  }

  private static void contact(Patient p, JsonNode contact) {
    if (contact.has("phone")) {
      p.addTelecom()
          .setSystem(ContactPoint.ContactPointSystem.PHONE)
          .setValue(contact.get("phone").stringValue());
    }
    if (contact.has("email")) {
      p.addTelecom()
          .setSystem(ContactPoint.ContactPointSystem.EMAIL)
          .setValue(contact.get("email").stringValue());
    }
    if (contact.has("address")) {
      p.addAddress()
          .setUse(Address.AddressUse.HOME)
          .setType(Address.AddressType.POSTAL)
          .setText(contact.get("address").stringValue());
    }
    for (JsonNode lang : contact.path("languages")) {
      p.addCommunication()
          .setLanguage(
              new CodeableConcept()
                  .addCoding(
                      new org.hl7.fhir.r4.model.Coding()
                          .setSystem("urn:ietf:bcp:47")
                          .setCode(lang.stringValue())));
    }
  }
}
