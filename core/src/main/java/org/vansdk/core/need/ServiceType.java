package org.vansdk.core.need;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * A type of victim-assistance service; the hierarchy's second level, each under one {@link Pillar}.
 * Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum ServiceType implements CodeValue {
  /** Emergency first aid ({@code emergency_first_aid}). */
  EMERGENCY_FIRST_AID(Pillar.MEDICAL_CARE),
  /** Emergency transport ({@code emergency_transport}). */
  EMERGENCY_TRANSPORT(Pillar.MEDICAL_CARE),
  /** Surgery ({@code surgery}). */
  SURGERY(Pillar.MEDICAL_CARE),
  /** Ongoing medical care ({@code ongoing_medical_care}). */
  ONGOING_MEDICAL_CARE(Pillar.MEDICAL_CARE),
  /** Chronic pain treatment ({@code chronic_pain_treatment}). */
  CHRONIC_PAIN_TREATMENT(Pillar.MEDICAL_CARE),
  /** Physiotherapy ({@code physiotherapy}). */
  PHYSIOTHERAPY(Pillar.REHABILITATION),
  /** Prosthesis ({@code prosthesis}). */
  PROSTHESIS(Pillar.REHABILITATION),
  /** Orthosis ({@code orthosis}). */
  ORTHOSIS(Pillar.REHABILITATION),
  /** Wheelchair ({@code wheelchair}). */
  WHEELCHAIR(Pillar.REHABILITATION),
  /** Mobility aid ({@code mobility_aid}). */
  MOBILITY_AID(Pillar.REHABILITATION),
  /** Assistive product ({@code assistive_product}). */
  ASSISTIVE_PRODUCT(Pillar.REHABILITATION),
  /** Device repair ({@code device_repair}). */
  DEVICE_REPAIR(Pillar.REHABILITATION),
  /** Mirror therapy ({@code mirror_therapy}). */
  MIRROR_THERAPY(Pillar.REHABILITATION),
  /** Counselling ({@code counselling}). */
  COUNSELLING(Pillar.PSYCHOSOCIAL_SUPPORT),
  /** Peer support ({@code peer_support}). */
  PEER_SUPPORT(Pillar.PSYCHOSOCIAL_SUPPORT),
  /** Mental health care ({@code mental_health_care}). */
  MENTAL_HEALTH_CARE(Pillar.PSYCHOSOCIAL_SUPPORT),
  /** Vocational training ({@code vocational_training}). */
  VOCATIONAL_TRAINING(Pillar.SOCIOECONOMIC_INCLUSION),
  /** Small grant ({@code small_grant}). */
  SMALL_GRANT(Pillar.SOCIOECONOMIC_INCLUSION),
  /** Micro-loan ({@code micro_loan}). */
  MICRO_LOAN(Pillar.SOCIOECONOMIC_INCLUSION),
  /** Job placement ({@code job_placement}). */
  JOB_PLACEMENT(Pillar.SOCIOECONOMIC_INCLUSION),
  /** Livelihood support ({@code livelihood_support}). */
  LIVELIHOOD_SUPPORT(Pillar.SOCIOECONOMIC_INCLUSION),
  /** Social protection ({@code social_protection}). */
  SOCIAL_PROTECTION(Pillar.SOCIOECONOMIC_INCLUSION),
  /** Housing support ({@code housing_support}). */
  HOUSING_SUPPORT(Pillar.SOCIOECONOMIC_INCLUSION),
  /** Transport allowance ({@code transport_allowance}). */
  TRANSPORT_ALLOWANCE(Pillar.SOCIOECONOMIC_INCLUSION),
  /** Inclusive education ({@code inclusive_education}). */
  INCLUSIVE_EDUCATION(Pillar.EDUCATION),
  /** School support ({@code school_support}). */
  SCHOOL_SUPPORT(Pillar.EDUCATION),
  /** Literacy ({@code literacy}). */
  LITERACY(Pillar.EDUCATION),
  /** Legal aid ({@code legal_aid}). */
  LEGAL_AID(Pillar.RIGHTS_AND_LEGAL),
  /** Disability identification ({@code disability_identification}). */
  DISABILITY_IDENTIFICATION(Pillar.RIGHTS_AND_LEGAL),
  /** Rights awareness ({@code rights_awareness}). */
  RIGHTS_AWARENESS(Pillar.RIGHTS_AND_LEGAL),
  /** Home modification ({@code home_modification}). */
  HOME_MODIFICATION(Pillar.ACCESSIBILITY),
  /** Public access advocacy ({@code public_access_advocacy}). */
  PUBLIC_ACCESS_ADVOCACY(Pillar.ACCESSIBILITY);

  private final Pillar pillar;

  ServiceType(Pillar pillar) {
    this.pillar = pillar;
  }

  /** Returns the pillar this service type belongs to. */
  public Pillar pillar() {
    return pillar;
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
  public static ServiceType fromCode(String code) {
    return CodeList.fromCode(ServiceType.class, code);
  }
}
