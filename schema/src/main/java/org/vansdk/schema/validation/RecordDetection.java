package org.vansdk.schema.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vansdk.core.submission.RecordType;
import tools.jackson.databind.JsonNode;

/**
 * Tells a record's type from the properties it has, and maps submission arrays to record types.
 * Both tables are data: the first property found decides.
 */
final class RecordDetection {
  /** A submission array and the type of its records. */
  static final class ArrayOf {
    private final String property;
    private final RecordType type;

    ArrayOf(String property, RecordType type) {
      this.property = property;
      this.type = type;
    }

    String property() {
      return property;
    }

    RecordType type() {
      return type;
    }
  }

  static final List<ArrayOf> ARRAYS =
      List.of(
          new ArrayOf("persons", RecordType.PERSON),
          new ArrayOf("incidents", RecordType.INCIDENT),
          new ArrayOf("casualties", RecordType.CASUALTY),
          new ArrayOf("affectedRelations", RecordType.AFFECTED_RELATION),
          new ArrayOf("functioningAssessments", RecordType.FUNCTIONING_ASSESSMENT),
          new ArrayOf("needsAssessments", RecordType.NEEDS_ASSESSMENT),
          new ArrayOf("organisations", RecordType.ORGANISATION),
          new ArrayOf("services", RecordType.SERVICE),
          new ArrayOf("serviceLocations", RecordType.SERVICE_LOCATION),
          new ArrayOf("serviceDeliveries", RecordType.SERVICE_DELIVERY),
          new ArrayOf("consents", RecordType.CONSENT),
          new ArrayOf("referrals", RecordType.REFERRAL),
          new ArrayOf("referralAttempts", RecordType.REFERRAL_ATTEMPT),
          new ArrayOf("qualityOfLifeSurveys", RecordType.QUALITY_OF_LIFE_SURVEY));

  private static final Object[][] MARKERS = {
    {"pseudonym", RecordType.DEIDENTIFIED_CASUALTY},
    {"relationship", RecordType.AFFECTED_RELATION},
    {"incidentId", RecordType.CASUALTY},
    {"accidentClass", RecordType.INCIDENT},
    {"seeing", RecordType.FUNCTIONING_ASSESSMENT},
    {"instrumentVersion", RecordType.QUALITY_OF_LIFE_SURVEY},
    {"grantees", RecordType.CONSENT},
    {"givenAt", RecordType.CONSENT},
    {"targetOrganisation", RecordType.REFERRAL_ATTEMPT},
    {"referringOrganisation", RecordType.REFERRAL},
    {"startDate", RecordType.SERVICE_DELIVERY},
    {"areasCovered", RecordType.SERVICE_LOCATION},
    {"serviceId", RecordType.SERVICE_LOCATION},
    {"serviceTypes", RecordType.SERVICE},
    {"needs", RecordType.NEEDS_ASSESSMENT},
    {"assessedBy", RecordType.NEEDS_ASSESSMENT},
    {"sex", RecordType.PERSON},
    {"type", RecordType.ORGANISATION},
  };

  private RecordDetection() {}

  static Optional<RecordType> detect(JsonNode tree) {
    if (!tree.isObject()) {
      return Optional.empty();
    }
    for (Object[] m : MARKERS) {
      if (tree.has((String) m[0])) {
        return Optional.of((RecordType) m[1]);
      }
    }
    return Optional.empty();
  }

  static String allowed() {
    return java.util.Arrays.stream(RecordType.values())
        .map(RecordType::code)
        .collect(Collectors.joining(", "));
  }
}
