package org.vansdk.testkit.profile;

import java.util.List;

/** The code lists a profile file may use (the wire codes of core's code lists). */
final class Codes {
  static final List<String> LM_GROUP = List.of("man", "woman", "boy", "girl", "unknown");
  static final List<String> OUTCOME = List.of("killed", "injured", "unknown");
  static final List<String> DEVICE =
      List.of(
          "antipersonnel_mine",
          "improvised_mine",
          "antivehicle_mine",
          "unspecified_mine",
          "cluster_munition_remnant",
          "other_erw",
          "unknown");
  static final List<String> CIVILIAN_STATUS =
      List.of("civilian", "deminer", "military_or_security", "unknown");
  static final List<String> CIVILIAN_ACTIVITY =
      List.of(
          "farming",
          "herding",
          "collecting_food_or_wood",
          "collecting_scrap_metal",
          "handling_or_tampering",
          "travelling",
          "playing",
          "household_activity",
          "fishing",
          "construction_or_land_clearing",
          "other",
          "unknown");
  static final List<String> CHILD_AGE_BANDS = List.of("0-4", "5-9", "10-14", "15-17");
  static final List<String> ADULT_AGE_BANDS = List.of("18-29", "30-44", "45-59", "60-80", "81-120");
  static final List<String> ORGANISATION_TYPE =
      List.of(
          "government_ministry",
          "national_mine_action_authority",
          "mine_action_operator",
          "un_agency",
          "international_ngo",
          "national_ngo",
          "red_cross_red_crescent",
          "disabled_persons_organisation",
          "survivor_network",
          "private_sector",
          "academic",
          "religious_organisation",
          "regional_body");
  static final List<String> SERVICE_TYPE =
      List.of(
          "emergency_first_aid",
          "emergency_transport",
          "surgery",
          "ongoing_medical_care",
          "chronic_pain_treatment",
          "physiotherapy",
          "prosthesis",
          "orthosis",
          "wheelchair",
          "mobility_aid",
          "assistive_product",
          "device_repair",
          "mirror_therapy",
          "counselling",
          "peer_support",
          "mental_health_care",
          "vocational_training",
          "small_grant",
          "micro_loan",
          "job_placement",
          "livelihood_support",
          "social_protection",
          "housing_support",
          "transport_allowance",
          "inclusive_education",
          "school_support",
          "literacy",
          "legal_aid",
          "disability_identification",
          "rights_awareness",
          "home_modification",
          "public_access_advocacy");
  static final List<String> ATTEMPT_STATUS =
      List.of(
          "draft",
          "sent",
          "received",
          "accepted",
          "declined",
          "in_progress",
          "on_hold",
          "completed",
          "not_completed",
          "cancelled",
          "entered_in_error");
  static final List<String> DISPLACEMENT =
      List.of("not_displaced", "idp", "refugee", "returnee", "unknown");
  static final List<String> SMALL_COUNTS =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  private Codes() {}
}
