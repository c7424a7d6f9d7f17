package org.vansdk.fhir;

import static org.vansdk.fhir.FhirNames.ID_REFERRAL;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.vansdk.core.VanException;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralStatus;

/**
 * A referral as a ServiceRequest on our {@code van-service-request} profile: one category per
 * service type, code SNOMED CT 3457005 (patient referral), the requester the referring
 * Organization, the consent among the supporting information. Status and priority map one to one
 * (tables below).
 */
final class ReferralServiceRequest {
  /** Our referral status to the ServiceRequest status. */
  static final Map<ReferralStatus, ServiceRequestStatus> STATUS =
      table(
          ReferralStatus.class,
          new ServiceRequestStatus[] {
            ServiceRequestStatus.DRAFT,
            ServiceRequestStatus.ACTIVE,
            ServiceRequestStatus.COMPLETED,
            ServiceRequestStatus.REVOKED,
            ServiceRequestStatus.ENTEREDINERROR
          });

  /**
   * Our priority to FHIR's, order kept: low=routine, medium=urgent, high=asap, urgent=stat. FHIR's
   * scale starts at routine, ours at low, so the names disagree one step (documented).
   */
  static final Map<Priority, ServiceRequestPriority> PRIORITY =
      Collections.unmodifiableMap(
          new EnumMap<>(
              Map.of(
                  Priority.LOW, ServiceRequestPriority.ROUTINE,
                  Priority.MEDIUM, ServiceRequestPriority.URGENT,
                  Priority.HIGH, ServiceRequestPriority.ASAP,
                  Priority.URGENT, ServiceRequestPriority.STAT)));

  private ReferralServiceRequest() {}

  private static <K extends Enum<K>, V> Map<K, V> table(Class<K> keys, V[] values) {
    Map<K, V> t = new EnumMap<>(keys);
    K[] ks = keys.getEnumConstants();
    if (ks.length != values.length) {
      throw new IllegalStateException("one value per " + keys.getSimpleName());
    }
    for (int i = 0; i < ks.length; i++) {
      t.put(ks[i], values[i]);
    }
    return Collections.unmodifiableMap(t);
  }

  static ServiceRequest of(FhirReferral r) {
    Referral ref = r.referral();
    ServiceRequest s = new ServiceRequest();
    s.setId(FhirNames.resourceId("ServiceRequest", ref.id().value()));
    s.getMeta().addProfile(FhirNames.PROFILE_SERVICE_REQUEST);
    s.addIdentifier().setSystem(ID_REFERRAL).setValue(ref.id().value());
    ref.basedOn()
        .ifPresent(b -> s.addBasedOn(Refs.to("ServiceRequest", ID_REFERRAL, b.value(), false)));
    s.setStatus(STATUS.get(ref.status()));
    s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    ref.serviceTypes()
        .forEach(t -> s.addCategory(AttemptTask.concept(FhirNames.CS_SERVICE_TYPE, t.code())));
    s.setPriority(PRIORITY.get(ref.priority()));
    ref.doNotContact()
        .ifPresent(d -> s.addExtension(FhirNames.EXT_DO_NOT_CONTACT, new BooleanType(d)));
    s.getCode().addCoding().setSystem(FhirNames.SNOMED).setCode(FhirNames.REFERRAL_CODE);
    s.setSubject(Refs.to("Patient", FhirNames.ID_PERSON, ref.personId().value(), true));
    s.setAuthoredOnElement(Refs.dateTime(ref.createdAt()));
    s.setRequester(
        Refs.to(
            "Organization", FhirNames.ID_ORGANISATION, ref.referringOrganisation().value(), true));
    s.addPerformer(
        Refs.to(
            "Organization",
            FhirNames.ID_ORGANISATION,
            r.attempt().targetOrganisation().value(),
            true));
    ref.consentId()
        .ifPresent(
            c ->
                s.addSupportingInfo(
                    Refs.to("Consent", FhirNames.ID_CONSENT, c.value(), r.consent().isPresent())));
    return s;
  }

  /** Reads a ServiceRequest of ours back into the referral; {@code path} names it in messages. */
  static Referral read(ServiceRequest s, String path) {
    Referral.Builder r = Referral.builder();
    r.id(
        Fields.parse(
            Fields.identifier(s.getIdentifier(), ID_REFERRAL, path + ".identifier"),
            ReferralId::parse,
            path + ".identifier",
            "a referral id (ISO3-ORG-local)"));
    r.personId(
        Fields.parse(
            Fields.referenced(s.getSubject(), FhirNames.ID_PERSON, path + ".subject"),
            PersonId::parse,
            path + ".subject.identifier.value",
            "a person id (ISO3-ORG-local)"));
    r.referringOrganisation(
        Fields.parse(
            Fields.referenced(s.getRequester(), FhirNames.ID_ORGANISATION, path + ".requester"),
            OrganisationId::parse,
            path + ".requester.identifier.value",
            "an organisation id (ISO3-ORG-local)"));
    if (!s.hasStatus()) {
      throw Fields.missing(path + ".status", "is required");
    }
    r.status(reverse(STATUS, s.getStatus(), path + ".status", ServiceRequestStatus::toCode));
    if (!s.hasPriority()) {
      throw Fields.missing(path + ".priority", "is required");
    }
    r.priority(
        reverse(PRIORITY, s.getPriority(), path + ".priority", ServiceRequestPriority::toCode));
    for (int i = 0; i < s.getCategory().size(); i++) {
      String at = path + ".category[" + i + "]";
      String code =
          Fields.code(s.getCategory().get(i), FhirNames.CS_SERVICE_TYPE)
              .orElseThrow(
                  () ->
                      Fields.missing(
                          at + ".coding", "needs a code of " + FhirNames.CS_SERVICE_TYPE));
      r.addServiceTypes(
          Fields.parse(code, ServiceType::fromCode, at + ".coding", "a service type code"));
    }
    if (s.getCategory().isEmpty()) {
      throw Fields.missing(path + ".category", "needs at least one service type");
    }
    if (!s.hasAuthoredOn()) {
      throw Fields.missing(path + ".authoredOn", "is required");
    }
    r.createdAt(s.getAuthoredOn().toInstant());
    for (int i = 0; i < s.getSupportingInfo().size(); i++) {
      Reference ref = s.getSupportingInfo().get(i);
      if ("Consent".equals(ref.getType())) {
        String at = path + ".supportingInfo[" + i + "]";
        r.consentId(
            Fields.parse(
                Fields.referenced(ref, FhirNames.ID_CONSENT, at),
                ConsentId::parse,
                at + ".identifier.value",
                "a consent id (ISO3-ORG-local)"));
      }
    }
    for (int i = 0; i < s.getBasedOn().size(); i++) {
      String at = path + ".basedOn[" + i + "]";
      r.basedOn(
          Fields.parse(
              Fields.referenced(s.getBasedOn().get(i), ID_REFERRAL, at),
              ReferralId::parse,
              at + ".identifier.value",
              "a referral id (ISO3-ORG-local)"));
    }
    Extension dnc = s.getExtensionByUrl(FhirNames.EXT_DO_NOT_CONTACT);
    if (dnc != null) {
      if (!(dnc.getValue() instanceof BooleanType b) || !b.hasValue()) {
        throw Fields.missing(path + ".extension.valueBoolean", "do-not-contact is a boolean");
      }
      r.doNotContact(b.booleanValue());
    }
    try {
      return r.build();
    } catch (VanException e) {
      throw new FhirException(
          FhirException.INCONSISTENT,
          path + ": the elements do not make a referral (" + e.code().value() + ")");
    }
  }

  private static <K, V> K reverse(
      Map<K, V> table, V value, String path, java.util.function.Function<V, String> code) {
    return table.entrySet().stream()
        .filter(e -> e.getValue() == value)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(
            () ->
                Fields.invalid(
                    path,
                    code.apply(value)
                        + " has no equivalent of ours; allowed: "
                        + table.values().stream().map(code).toList()));
  }
}
