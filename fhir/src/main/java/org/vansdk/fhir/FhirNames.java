package org.vansdk.fhir;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The canonical URLs of our profiles, extensions, code systems and identifier systems, and the
 * deterministic resource ids derived from our record ids. One place, so the exporter, the reader
 * and the profiles agree.
 */
final class FhirNames {
  static final String BASE = "https://vansdk.org/fhir/";
  static final String SD = BASE + "StructureDefinition/";
  static final String CS = BASE + "CodeSystem/";
  static final String ID = BASE + "id/";

  static final String PROFILE_PATIENT = SD + "van-patient";
  static final String PROFILE_CONSENT = SD + "van-consent";
  static final String PROFILE_SERVICE_REQUEST = SD + "van-service-request";
  static final String PROFILE_TASK = SD + "van-task";
  static final String PROFILE_ORGANIZATION = SD + "van-organization";
  static final String PROFILE_HEALTHCARE_SERVICE = SD + "van-healthcare-service";
  static final String PROFILE_LOCATION = SD + "van-location";

  static final String EXT_STATUS_HISTORY = SD + "van-status-history";
  static final String EXT_DO_NOT_CONTACT = SD + "van-do-not-contact";
  static final String EXT_LANGUAGE = SD + "van-language";

  static final String CS_SERVICE_TYPE = CS + "service-type";
  static final String CS_STATUS_REASON = CS + "status-reason";
  static final String CS_TASK_INPUT = CS + "task-parameter";
  static final String CS_DATA_CATEGORY = CS + "data-category";
  static final String CS_PURPOSE = CS + "purpose";
  static final String CS_ORGANISATION_TYPE = CS + "organisation-type";

  static final String ID_PERSON = ID + "person";
  static final String ID_REFERRAL = ID + "referral";
  static final String ID_ATTEMPT = ID + "attempt";
  static final String ID_CONSENT = ID + "consent";
  static final String ID_ORGANISATION = ID + "organisation";
  static final String ID_SERVICE = ID + "service";
  static final String ID_SERVICE_LOCATION = ID + "service-location";

  /** SNOMED CT 3457005 "Patient referral": what every ServiceRequest of ours asks for. */
  static final String SNOMED = "http://snomed.info/sct";

  static final String REFERRAL_CODE = "3457005";

  private FhirNames() {}

  /**
   * The resource id of one of our records: a name-based UUID of the resource type and our id, so
   * that the same record always gets the same id and FHIR's id grammar ({@code
   * [A-Za-z0-9.-]{1,64}}) holds whatever our id looks like.
   */
  static String resourceId(String resourceType, String ourId) {
    return UUID.nameUUIDFromBytes(
            (BASE + resourceType + "/" + ourId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** The {@code urn:uuid:} full URL of a resource in a Bundle. */
  static String fullUrl(String resourceType, String ourId) {
    return "urn:uuid:" + resourceId(resourceType, ourId);
  }
}
