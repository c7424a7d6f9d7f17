package org.vansdk.ingest.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.AmputationLevel;
import org.vansdk.core.casualty.BodyRegion;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Laterality;
import org.vansdk.core.casualty.Limb;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.casualty.Side;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.functioning.WgSsResponse;
import org.vansdk.core.incident.AccidentClass;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Verification;
import org.vansdk.core.person.DisplacementStatus;
import org.vansdk.core.person.Sex;

/**
 * The canonical fields a mapping may fill, per target record: the JSON property, what kind of value
 * it takes and whether a row without it is rejected. The table is the one place that says which
 * fields are importable.
 */
public enum Field {
  PERSON_NAME(Target.PERSON, "name", Kind.TEXT, null, false),
  PERSON_SEX(Target.PERSON, "sex", Kind.CODE, Sex.class, true),
  PERSON_BIRTH_DATE(Target.PERSON, "birthDate", Kind.DATE, null, false),
  PERSON_BIRTH_DATE_ESTIMATED(Target.PERSON, "birthDateEstimated", Kind.BOOLEAN, null, false),
  PERSON_NATIONALITY(Target.PERSON, "nationality", Kind.COUNTRY, null, false),
  PERSON_RESIDENCE(Target.PERSON, "residence", Kind.AREA, null, false),
  PERSON_DISPLACEMENT(
      Target.PERSON, "displacementStatus", Kind.CODE, DisplacementStatus.class, false),
  PERSON_HOUSEHOLD_HEAD(Target.PERSON, "householdHead", Kind.CODE, YesNoUnknown.class, false),

  INCIDENT_DATE(Target.INCIDENT, "date", Kind.DATE, null, true),
  INCIDENT_DATE_ESTIMATED(Target.INCIDENT, "dateEstimated", Kind.BOOLEAN, null, false),
  INCIDENT_LOCATION(Target.INCIDENT, "location", Kind.AREA, null, false),
  INCIDENT_ACCIDENT_CLASS(Target.INCIDENT, "accidentClass", Kind.CODE, AccidentClass.class, true),
  INCIDENT_DEVICE(Target.INCIDENT, "deviceCategory", Kind.CODE, DeviceCategory.class, true),
  INCIDENT_AREA_MARKED(Target.INCIDENT, "areaMarkedBefore", Kind.CODE, YesNoUnknown.class, false),
  INCIDENT_AREA_CLEARED(Target.INCIDENT, "areaClearedBefore", Kind.CODE, YesNoUnknown.class, false),
  INCIDENT_REPORTING_ORGANISATION(
      Target.INCIDENT, "reportingOrganisation", Kind.ORGANISATION, null, false),
  INCIDENT_VERIFICATION(Target.INCIDENT, "verification", Kind.CODE, Verification.class, false),

  CASUALTY_OUTCOME(Target.CASUALTY, "outcome", Kind.CODE, Outcome.class, true),
  CASUALTY_DIED_ON(Target.CASUALTY, "diedOn", Kind.DATE, null, false),
  CASUALTY_CIVILIAN_STATUS(
      Target.CASUALTY, "civilianStatus", Kind.CODE, CivilianStatus.class, true),
  CASUALTY_AGE(Target.CASUALTY, "ageAtIncident", Kind.INTEGER, null, false),
  CASUALTY_ACTIVITY(Target.CASUALTY, "activityAtIncident", Kind.CODE, Activity.class, true),
  CASUALTY_TAMPERED(Target.CASUALTY, "tampered", Kind.BOOLEAN, null, false),
  CASUALTY_RISK_EDUCATION(
      Target.CASUALTY, "priorRiskEducation", Kind.CODE, YesNoUnknown.class, false),
  CASUALTY_FIRST_AID(Target.CASUALTY, "firstAidOnSite", Kind.CODE, YesNoUnknown.class, false),
  CASUALTY_MINUTES_TO_FACILITY(Target.CASUALTY, "minutesToFacility", Kind.INTEGER, null, false),

  INJURY_REGION(Target.CASUALTY, "injuries", "region", Kind.CODE, BodyRegion.class, true),
  INJURY_LATERALITY(Target.CASUALTY, "injuries", "laterality", Kind.CODE, Laterality.class, false),
  /** Optional in a mapping: when it is not mapped, the limb follows from the level. */
  AMPUTATION_LIMB(Target.CASUALTY, "amputations", "limb", Kind.CODE, Limb.class, false),
  AMPUTATION_SIDE(Target.CASUALTY, "amputations", "side", Kind.CODE, Side.class, true),
  AMPUTATION_LEVEL(Target.CASUALTY, "amputations", "level", Kind.CODE, AmputationLevel.class, true),

  ASSESSMENT_DATE(Target.FUNCTIONING_ASSESSMENT, "date", Kind.DATE, null, true),
  ASSESSMENT_PROXY(Target.FUNCTIONING_ASSESSMENT, "proxy", Kind.BOOLEAN, null, false),
  ASSESSMENT_SEEING(Target.FUNCTIONING_ASSESSMENT, "seeing", Kind.CODE, WgSsResponse.class, true),
  ASSESSMENT_HEARING(Target.FUNCTIONING_ASSESSMENT, "hearing", Kind.CODE, WgSsResponse.class, true),
  ASSESSMENT_WALKING(Target.FUNCTIONING_ASSESSMENT, "walking", Kind.CODE, WgSsResponse.class, true),
  ASSESSMENT_COGNITION(
      Target.FUNCTIONING_ASSESSMENT, "cognition", Kind.CODE, WgSsResponse.class, true),
  ASSESSMENT_SELF_CARE(
      Target.FUNCTIONING_ASSESSMENT, "selfCare", Kind.CODE, WgSsResponse.class, true),
  ASSESSMENT_COMMUNICATION(
      Target.FUNCTIONING_ASSESSMENT, "communication", Kind.CODE, WgSsResponse.class, true);

  /** What kind of value a field takes. */
  public enum Kind {
    /** Free text (normalised). */
    TEXT,
    /** A code of a code list. */
    CODE,
    /** A partial date. */
    DATE,
    /** true or false. */
    BOOLEAN,
    /** A whole number. */
    INTEGER,
    /** An administrative area, giving a location in the mapping's country. */
    AREA,
    /** An ISO 3166-1 alpha-3 country code. */
    COUNTRY,
    /** An organisation identifier. */
    ORGANISATION
  }

  private final Target target;
  private final String list;
  private final String property;
  private final Kind kind;
  private final Class<? extends CodeValue> codes;
  private final boolean required;
  private final List<String> allowedCodes;
  private final Set<String> codeSet;

  Field(
      Target target,
      String property,
      Kind kind,
      Class<? extends CodeValue> codes,
      boolean required) {
    this(target, "", property, kind, codes, required);
  }

  Field(
      Target target,
      String list,
      String property,
      Kind kind,
      Class<? extends CodeValue> codes,
      boolean required) {
    this.target = target;
    this.list = list;
    this.property = property;
    this.kind = kind;
    this.codes = codes;
    this.required = required;
    List<String> allowed = new ArrayList<>();
    if (codes != null) {
      for (CodeValue v : codes.getEnumConstants()) {
        allowed.add(v.code());
      }
    }
    this.allowedCodes = List.copyOf(allowed);
    this.codeSet = Set.copyOf(allowed);
  }

  /** Returns the record the field belongs to. */
  public Target target() {
    return target;
  }

  /** Returns the canonical JSON property (within an item of {@link #list} when there is one). */
  public String property() {
    return property;
  }

  /**
   * Returns the list property whose items this field fills ({@code injuries}, {@code amputations}),
   * or empty for a property of the record itself.
   */
  public String list() {
    return list;
  }

  /** Returns the kind of value. */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns whether a row whose value is missing is rejected (unless the code list has unknown);
   * for an item field, whether an item that has other values is rejected without this one.
   */
  public boolean required() {
    return required;
  }

  /** Returns the allowed codes of a code field, in list order; empty for other kinds. */
  public List<String> allowedCodes() {
    return allowedCodes;
  }

  /** Returns whether the field's code list has an explicit {@code unknown}. */
  public boolean hasUnknownCode() {
    return codeSet.contains("unknown");
  }

  /**
   * Returns whether a text is one of the field's codes.
   *
   * @param code the text
   * @return true for a code of the field's code list
   */
  public boolean isCode(String code) {
    return codeSet.contains(code);
  }

  /**
   * Returns the field of a target with a JSON property.
   *
   * @param target the record
   * @param property the property
   * @return the field, or empty when the mapping cannot fill that property
   */
  public static Optional<Field> of(Target target, String property) {
    return of(target, "", property);
  }

  /**
   * Returns the field of an item of a target's list with a JSON property.
   *
   * @param target the record
   * @param list the list property, empty for the record's own properties
   * @param property the property
   * @return the field, or empty when the mapping cannot fill that property
   */
  public static Optional<Field> of(Target target, String list, String property) {
    for (Field f : values()) {
      if (f.target == target && f.list.equals(list) && f.property.equals(property)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the properties a mapping may fill for a target.
   *
   * @param target the record
   * @return the properties in table order
   */
  public static List<String> properties(Target target) {
    return properties(target, "");
  }

  /**
   * Returns the properties a mapping may fill in an item of a target's list.
   *
   * @param target the record
   * @param list the list property, empty for the record's own properties
   * @return the properties in table order
   */
  public static List<String> properties(Target target, String list) {
    List<String> out = new ArrayList<>();
    for (Field f : values()) {
      if (f.target == target && f.list.equals(list)) {
        out.add(f.property);
      }
    }
    return out;
  }

  /**
   * Returns the list properties of a target whose items a mapping may fill.
   *
   * @param target the record
   * @return the list properties in table order, e.g. {@code injuries} and {@code amputations}
   */
  public static List<String> lists(Target target) {
    List<String> out = new ArrayList<>();
    for (Field f : values()) {
      if (f.target == target && !f.list.isEmpty() && !out.contains(f.list)) {
        out.add(f.list);
      }
    }
    return out;
  }
}
