package org.vansdk.core.submission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.casualty.AffectedRelation;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.person.Person;
import org.vansdk.core.qls.QualityOfLifeSurvey;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;

/**
 * The type of a record in a submission or an NDJSON line. Wire codes are stable within a major
 * version.
 *
 * @since 1.0
 */
public enum RecordType implements CodeValue {
  /** Person ({@code person}). */
  PERSON,
  /** Incident ({@code incident}). */
  INCIDENT,
  /** Casualty ({@code casualty}). */
  CASUALTY,
  /** Affected relation ({@code affected_relation}). */
  AFFECTED_RELATION,
  /** Functioning assessment ({@code functioning_assessment}). */
  FUNCTIONING_ASSESSMENT,
  /** Needs assessment ({@code needs_assessment}). */
  NEEDS_ASSESSMENT,
  /** Organisation ({@code organisation}). */
  ORGANISATION,
  /** Service ({@code service}). */
  SERVICE,
  /** Service location ({@code service_location}). */
  SERVICE_LOCATION,
  /** Service delivery ({@code service_delivery}). */
  SERVICE_DELIVERY,
  /** Consent ({@code consent}). */
  CONSENT,
  /** Referral ({@code referral}). */
  REFERRAL,
  /** Referral attempt ({@code referral_attempt}). */
  REFERRAL_ATTEMPT,
  /** Quality of life survey ({@code quality_of_life_survey}). */
  QUALITY_OF_LIFE_SURVEY,
  /** De-identified casualty ({@code deidentified_casualty}). */
  DEIDENTIFIED_CASUALTY;

  /** Returns the model type of records of this type. */
  public Class<?> javaType() {
    switch (this) {
      case PERSON:
        return Person.class;
      case INCIDENT:
        return Incident.class;
      case CASUALTY:
        return Casualty.class;
      case AFFECTED_RELATION:
        return AffectedRelation.class;
      case FUNCTIONING_ASSESSMENT:
        return FunctioningAssessment.class;
      case NEEDS_ASSESSMENT:
        return NeedsAssessment.class;
      case ORGANISATION:
        return Organisation.class;
      case SERVICE:
        return Service.class;
      case SERVICE_LOCATION:
        return ServiceLocation.class;
      case SERVICE_DELIVERY:
        return ServiceDelivery.class;
      case CONSENT:
        return Consent.class;
      case REFERRAL:
        return Referral.class;
      case REFERRAL_ATTEMPT:
        return ReferralAttempt.class;
      case QUALITY_OF_LIFE_SURVEY:
        return QualityOfLifeSurvey.class;
      default:
        return DeidentifiedCasualty.class;
    }
  }

  /**
   * Returns the record type of a model object.
   *
   * @param record a record of one of the model types
   * @return its type
   * @throws IllegalArgumentException if it is not a record type of the model
   */
  public static RecordType of(Object record) {
    for (RecordType t : values()) {
      if (t.javaType().isInstance(record)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "not a VAN record type: " + record.getClass().getSimpleName());
  }

  @Override
  @JsonValue
  public String code() {
    return CodeList.codeOf(this);
  }

  /**
   * Returns the constant with the given wire code.
   *
   * @param code a lower_snake code, e.g. as read from JSON
   * @return the constant
   * @throws org.vansdk.core.VanException with {@code VAN-C-0001} if the code is unknown; the
   *     message lists the allowed codes
   */
  @JsonCreator
  public static RecordType fromCode(String code) {
    return CodeList.fromCode(RecordType.class, code);
  }
}
