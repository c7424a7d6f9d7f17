package org.vansdk.exchange.hsds;

import java.util.List;

/**
 * Our profile of HSDS 3.0, as data: the attribute {@code link_type} codes that carry what HSDS has
 * no field for, the taxonomy names, and the identifier scheme of our own record ids. The exporter
 * writes these and the importer reads them back, so a directory exported and imported again is the
 * same; another network's directory simply has none of them.
 */
final class HsdsProfile {
  /** Identifier scheme and type of our record id in {@code organization_identifiers}. */
  static final String ID_SCHEME = "org.vansdk";

  /** {@code identifier_type} of our record id. */
  static final String ID_TYPE = "van_record_id";

  /** {@code external_identifier_type} of a location carrying our service-location id. */
  static final String LOCATION_ID_TYPE = "van_service_location_id";

  /** Link type: the service's record id (value). */
  static final String RECORD_ID = "van_record_id";

  /** Link type: a service type (taxonomy term of the victim-assistance taxonomy). */
  static final String SERVICE_TYPE = "service_type";

  /** Link type: the organisation's type (term of the organisation-type taxonomy). */
  static final String ORGANISATION_TYPE = "organisation_type";

  /** Link type: the country (ISO 3166-1 alpha-3 in value). */
  static final String COUNTRY = "country";

  /** Link type: a name in another language (value; language as BCP 47 in the term). */
  static final String NAME_TRANSLATION = "name_translation";

  /** Link type: the language of a text field (value {@code <field> <BCP 47 tag>}). */
  static final String TEXT_LANGUAGE = "text_language";

  /** Link type: capacity available now (value). */
  static final String CAPACITY_AVAILABLE = "capacity_available";

  /** Link type: maximum capacity (value). */
  static final String CAPACITY_MAXIMUM = "capacity_maximum";

  /** Link type: unit of capacity (value). */
  static final String CAPACITY_UNIT = "capacity_unit";

  /** Link type: when capacity was last reported (value, ISO 8601 instant). */
  static final String CAPACITY_UPDATED = "capacity_updated";

  /** Link type: days the service takes to respond to a referral (value). */
  static final String DAYS_TO_RESPOND = "days_to_respond";

  /** Link type: the admin area a location is in (term: P-code; value: level). */
  static final String ADMIN_AREA = "admin_area";

  /** Link type: an admin area a service location covers (term: P-code; value: level). */
  static final String AREA_COVERED = "area_covered";

  /** Link type: accuracy of a location's point in metres (value). */
  static final String ACCURACY_METRES = "accuracy_metres";

  /** Taxonomy name of the service types. */
  static final String SERVICE_TAXONOMY = "VAN victim assistance services";

  /** Taxonomy name of the organisation types. */
  static final String ORGANISATION_TAXONOMY = "VAN organisation types";

  /** Taxonomy name of administrative areas (P-codes). */
  static final String P_CODES = "P-codes (OCHA COD-AB)";

  /** Taxonomy name of languages. */
  static final String LANGUAGES = "BCP 47";

  /** Every link type of the profile, for the mapping document. */
  static final List<String> LINK_TYPES =
      List.of(
          RECORD_ID,
          SERVICE_TYPE,
          ORGANISATION_TYPE,
          COUNTRY,
          NAME_TRANSLATION,
          TEXT_LANGUAGE,
          CAPACITY_AVAILABLE,
          CAPACITY_MAXIMUM,
          CAPACITY_UNIT,
          CAPACITY_UPDATED,
          DAYS_TO_RESPOND,
          ADMIN_AREA,
          AREA_COVERED,
          ACCURACY_METRES);

  /**
   * Where each field of our directory records goes in HSDS: {record type, our field, HSDS place}.
   * Every attribute of Organisation, Service and ServiceLocation is listed (a test checks it).
   */
  static final List<List<String>> FIELDS =
      List.of(
          List.of(
              "organisation",
              "id",
              "organization.id (name-based UUID) and organization_identifiers[scheme org.vansdk, type van_record_id]"),
          List.of(
              "organisation",
              "name",
              "organization.name (first language); other languages: attributes name_translation; language: attribute text_language"),
          List.of(
              "organisation",
              "type",
              "attribute organisation_type, term of the taxonomy '"
                  + ORGANISATION_TAXONOMY
                  + "'; also in organization.description (required by HSDS)"),
          List.of(
              "organisation",
              "country",
              "attribute country (ISO 3166-1 alpha-3); also in organization.description"),
          List.of(
              "organisation",
              "identifiers",
              "organization_identifiers[identifier_scheme = identifier_type = system, identifier = value]"),
          List.of("service", "id", "service.id (name-based UUID) and attribute van_record_id"),
          List.of("service", "organisationId", "service.organization_id (the organisation's UUID)"),
          List.of(
              "service",
              "name",
              "service.name (first language); other languages: attributes name_translation"),
          List.of(
              "service",
              "serviceTypes",
              "attributes service_type, terms of the taxonomy '"
                  + SERVICE_TAXONOMY
                  + "' (parent: the pillar's term)"),
          List.of(
              "service", "status", "service.status (temporarily_closed is 'temporarily closed')"),
          List.of(
              "service",
              "eligibility",
              "service.minimum_age, maximum_age, eligibility_description (+ text_language)"),
          List.of("service", "cost", "service.fees_description (+ text_language)"),
          List.of("service", "languages", "service.languages[code, name]"),
          List.of(
              "service",
              "capacity",
              "attributes capacity_available, capacity_maximum, capacity_unit, capacity_updated (HSDS has no capacity)"),
          List.of(
              "service",
              "referralTerms",
              "service.application_process (how to refer, + text_language); attribute days_to_respond"),
          List.of(
              "serviceLocation",
              "id",
              "service_at_location.id and location.id (name-based UUIDs); location.external_identifier (type van_service_location_id)"),
          List.of(
              "serviceLocation",
              "serviceId",
              "service_at_location.service_id (the service's UUID)"),
          List.of(
              "serviceLocation",
              "location",
              "location: country (attribute country), admin area (attribute admin_area: P-code term, level as value; its name as location.name), point (latitude, longitude; attribute accuracy_metres)"),
          List.of(
              "serviceLocation",
              "areasCovered",
              "service_at_location attributes area_covered (P-code term, level as value)"),
          List.of(
              "serviceLocation",
              "accessibility",
              "location.accessibility[0].description (+ text_language)"));

  private HsdsProfile() {}
}
