package org.vansdk.schema.validation;

/**
 * The stable codes of validation issues. Codes {@code VAN-S-00xx} are about the input and its
 * structure (the JSON Schema layer); codes {@code VAN-S-01xx} are semantic rules. A code never
 * changes meaning within a major version.
 *
 * @since 1.0
 */
public enum IssueCode {
  /** The input is not well-formed JSON. */
  MALFORMED_JSON("VAN-S-0001", "well-formed JSON"),
  /** The input exceeds a safety limit (size, depth, string, number or name length). */
  LIMIT_EXCEEDED("VAN-S-0002", "input within the safety limits"),
  /** An object has the same property twice. */
  DUPLICATE_PROPERTY("VAN-S-0003", "each property once per object"),
  /** Something follows the JSON document. */
  TRAILING_CONTENT("VAN-S-0004", "nothing after the document"),
  /** The input is not valid UTF-8. */
  INVALID_ENCODING("VAN-S-0005", "UTF-8 input"),
  /** The schemaVersion has a major version this SDK does not read. */
  UNSUPPORTED_VERSION("VAN-S-0006", "a supported major schemaVersion"),
  /** The schemaVersion is a newer minor version; it was validated leniently. */
  NEWER_MINOR_VERSION("VAN-S-0007", "a known minor schemaVersion"),
  /** The record type is unknown or cannot be detected. */
  UNKNOWN_RECORD_TYPE("VAN-S-0008", "a known record type"),
  /** The input could not be read. */
  UNREADABLE_INPUT("VAN-S-0009", "readable input"),
  /** A required property is missing. */
  REQUIRED_PROPERTY("VAN-S-0010", "required properties present"),
  /** A property is not defined by the schema. */
  UNKNOWN_PROPERTY("VAN-S-0011", "only defined properties"),
  /** A value has the wrong JSON type. */
  WRONG_TYPE("VAN-S-0012", "the JSON type of the property"),
  /** A value is not in its code list. */
  NOT_IN_CODE_LIST("VAN-S-0013", "a value of the code list"),
  /** A string does not match its pattern (identifier, date, P-code, language...). */
  PATTERN_MISMATCH("VAN-S-0014", "the pattern of the property"),
  /** A string is not of its format (date-time, date). */
  FORMAT_MISMATCH("VAN-S-0015", "the format of the property"),
  /** A number is out of its range. */
  OUT_OF_RANGE("VAN-S-0016", "the range of the property"),
  /** A string or array is too short or too long. */
  WRONG_LENGTH("VAN-S-0017", "the length of the property"),
  /** Another schema keyword failed. */
  SCHEMA_VIOLATION("VAN-S-0019", "the schema"),
  /**
   * The validator failed on the document, which is therefore not accepted. Never expected: the
   * build's fuzz tests look for inputs that give it.
   */
  NOT_CHECKABLE("VAN-S-0020", "a document the validator can check"),
  /** A reference does not resolve within the submission. */
  UNRESOLVED_REFERENCE("VAN-S-0101", "references resolve within the submission"),
  /** A date or time is in the future. */
  DATE_IN_FUTURE("VAN-S-0102", "dates not in the future"),
  /** Dates are out of order (birth, incident, assessment, referral, delivery). */
  DATE_ORDER("VAN-S-0103", "birth <= incident <= assessment, referral <= delivery"),
  /** A death is dated before the incident. */
  DIED_BEFORE_INCIDENT("VAN-S-0104", "diedOn after the incident"),
  /** A service is delivered after the person's death. */
  DELIVERY_AFTER_DEATH("VAN-S-0105", "nothing delivered after death"),
  /** The age at the incident does not agree with the birth date. */
  AGE_INCONSISTENT("VAN-S-0106", "ageAtIncident agrees with birthDate"),
  /** A killed casualty has a needs assessment after death. */
  ASSESSMENT_AFTER_DEATH("VAN-S-0107", "no needs assessment after death"),
  /** WG-SS derived identifiers disagree with the answers. */
  WG_SS_INCONSISTENT("VAN-S-0108", "WG-SS identifiers computed from the answers"),
  /** A referral names a consent that is not in the submission. */
  CONSENT_MISSING("VAN-S-0109", "a referral's consent exists"),
  /** A referral's consent does not cover it. */
  CONSENT_NOT_COVERING("VAN-S-0110", "consent of the same person with purpose referral"),
  /** An amputation level is not a level of its limb. */
  AMPUTATION_LEVEL("VAN-S-0111", "amputation level of the limb"),
  /** withdrawnAt and consent status disagree. */
  CONSENT_WITHDRAWAL("VAN-S-0112", "withdrawnAt for, and only for, status withdrawn"),
  /** The last history entry of an attempt is not its status. */
  ATTEMPT_HISTORY_END("VAN-S-0113", "last history entry equals status"),
  /** Attempt history entries are out of time order. */
  ATTEMPT_HISTORY_ORDER("VAN-S-0114", "history in time order"),
  /** A delivery ends before it starts. */
  DELIVERY_END_BEFORE_START("VAN-S-0115", "endDate not before startDate"),
  /** Cost and currency must be given together. */
  COST_WITHOUT_CURRENCY("VAN-S-0116", "cost and currency together"),
  /** A currency is not an ISO 4217 code. */
  UNKNOWN_CURRENCY("VAN-S-0117", "an ISO 4217 currency"),
  /** diedOn is given with outcome unknown. */
  DIED_ON_OUTCOME("VAN-S-0118", "diedOn only with outcome injured or killed"),
  /** A country code is not ISO 3166-1 alpha-3. */
  UNKNOWN_COUNTRY("VAN-S-0119", "an ISO 3166-1 alpha-3 country"),
  /** A P-code does not belong to the country of its location. */
  P_CODE_COUNTRY("VAN-S-0120", "P-code of the location's country"),
  /** Eligibility minAge is above maxAge. */
  ELIGIBILITY_AGES("VAN-S-0121", "minAge not above maxAge"),
  /** A consent expires at or before it was given. */
  CONSENT_EXPIRY("VAN-S-0122", "expiresAt after givenAt"),
  /** A reporting period ends before it starts. */
  PERIOD_ORDER("VAN-S-0123", "period end not before start"),
  /** A date is not a calendar date (e.g. 2019-02-30). */
  INVALID_DATE("VAN-S-0125", "a calendar date"),
  /** Two records of the same kind share an identifier. */
  DUPLICATE_ID("VAN-S-0126", "unique identifiers per record kind");

  private final String code;
  private final String rule;

  IssueCode(String code, String rule) {
    this.code = code;
    this.rule = rule;
  }

  /** Returns the stable code, e.g. {@code VAN-S-0012}. */
  public String code() {
    return code;
  }

  /** Returns a short statement of the rule, e.g. {@code nothing delivered after death}. */
  public String rule() {
    return rule;
  }

  /**
   * Returns the constant with a stable code.
   *
   * @param code e.g. {@code VAN-S-0012}
   * @return the constant
   * @throws IllegalArgumentException if no issue has that code
   */
  public static IssueCode fromCode(String code) {
    for (IssueCode c : values()) {
      if (c.code.equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown issue code; codes look like VAN-S-0012");
  }
}
