package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.functioning.WgSsIdentifiers;
import org.vansdk.core.functioning.WgSsResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property tests over seeds (the testkit's record generators are not on main yet, so this varies
 * the samples with a seeded {@link Random}): random valid variations validate with zero issues, and
 * a random single-field corruption of a constrained field is always reported.
 */
class SeededVariationTest {
  /** Code-list fields no semantic rule ties to another field: any code is valid. */
  static final Map<String, List<String>> FREE_CODES =
      Map.of(
          "persons", List.of("sex", "displacementStatus", "householdHead"),
          "incidents",
              List.of("deviceCategory", "accidentClass", "areaMarkedBefore", "verification"),
          "casualties", List.of("civilianStatus", "activityAtIncident", "priorRiskEducation"),
          "affectedRelations", List.of("relationship"),
          "organisations", List.of("type"),
          "referrals", List.of("priority"),
          "serviceDeliveries", List.of("outcome", "serviceType"));

  /** Constrained fields (identifier, code, date or time): "zz bad value!" never passes. */
  static final Set<String> CONSTRAINED =
      Set.of(
          "id",
          "personId",
          "incidentId",
          "casualtyId",
          "referralId",
          "serviceId",
          "outcome",
          "sex",
          "date",
          "birthDate",
          "status",
          "serviceType",
          "country",
          "givenAt",
          "createdAt",
          "startDate",
          "priority",
          "relationship",
          "method",
          "language",
          "organisationId",
          "deviceCategory",
          "civilianStatus",
          "seeing",
          "selfCare",
          "instrumentVersion");

  static List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    for (long s = 1; s <= 60; s++) {
      seeds.add(s * 7919);
    }
    return seeds;
  }

  static JsonNode common() {
    return CorpusGenerator.schema("common").get("$defs");
  }

  static ObjectNode variation(Random random) {
    ObjectNode s = CorpusGenerator.submissionTree();
    JsonNode common = common();
    Map<String, String> defOf =
        Map.ofEntries(
            Map.entry("sex", "sex"),
            Map.entry("displacementStatus", "displacementStatus"),
            Map.entry("householdHead", "yesNoUnknown"),
            Map.entry("deviceCategory", "deviceCategory"),
            Map.entry("accidentClass", "accidentClass"),
            Map.entry("areaMarkedBefore", "yesNoUnknown"),
            Map.entry("verification", "verification"),
            Map.entry("civilianStatus", "civilianStatus"),
            Map.entry("activityAtIncident", "activity"),
            Map.entry("priorRiskEducation", "yesNoUnknown"),
            Map.entry("relationship", "relationship"),
            Map.entry("type", "organisationType"),
            Map.entry("priority", "priority"),
            Map.entry("outcome", "deliveryOutcome"),
            Map.entry("serviceType", "serviceType"));
    for (var e : FREE_CODES.entrySet()) {
      ObjectNode record = (ObjectNode) s.get(e.getKey()).get(0);
      for (String field : e.getValue()) {
        JsonNode codes = common.get(defOf.get(field)).get("enum");
        record.put(field, codes.get(random.nextInt(codes.size())).asString());
      }
    }
    ObjectNode f = (ObjectNode) s.get("functioningAssessments").get(0);
    List<String> responses = CodeList.allowed(WgSsResponse.class);
    WgSsResponse[] answers = new WgSsResponse[6];
    String[] domains = {"seeing", "hearing", "walking", "cognition", "selfCare", "communication"};
    for (int i = 0; i < 6; i++) {
      String code = responses.get(random.nextInt(responses.size()));
      f.put(domains[i], code);
      answers[i] = WgSsResponse.fromCode(code);
    }
    if (random.nextBoolean()) {
      f.set("wgSsIdentifiers", CorpusGenerator.MAPPER.valueToTree(WgSsIdentifiers.from(answers)));
    }
    ObjectNode c = (ObjectNode) s.get("casualties").get(0);
    c.put("ageAtIncident", random.nextBoolean() ? 33 : 34);
    if (random.nextBoolean()) {
      c.remove("ageAtIncident");
    }
    return s;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomValidVariation_hasNoIssues(long seed) {
    ObjectNode s = variation(new Random(seed));
    ValidationReport r = PayloadValidatorTest.VALIDATOR.validate(s.toString());
    assertTrue(r.issues().isEmpty(), "seed " + seed + ":\n" + r);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomSingleFieldCorruption_isReported(long seed) {
    Random random = new Random(seed);
    ObjectNode s = variation(random);
    List<String[]> targets = new ArrayList<>();
    for (RecordDetection.ArrayOf a : RecordDetection.ARRAYS) {
      JsonNode records = s.get(a.property());
      if (records == null) {
        continue;
      }
      for (int i = 0; i < records.size(); i++) {
        for (String p : records.get(i).propertyNames()) {
          if (CONSTRAINED.contains(p) && records.get(i).get(p).isString()) {
            targets.add(new String[] {a.property(), String.valueOf(i), p});
          }
        }
      }
    }
    String[] t = targets.get(random.nextInt(targets.size()));
    ((ObjectNode) s.get(t[0]).get(Integer.parseInt(t[1]))).put(t[2], "zz bad value!");
    ValidationReport r = PayloadValidatorTest.VALIDATOR.validate(s.toString());
    String where = "/" + t[0] + "/" + t[1] + "/" + t[2];
    assertFalse(r.isValid(), "seed " + seed + ": corruption at " + where + " not reported");
    assertTrue(
        r.errors().stream().anyMatch(i -> i.pointer().equals(where)),
        "seed " + seed + ": no issue at " + where + ":\n" + r);
  }
}
