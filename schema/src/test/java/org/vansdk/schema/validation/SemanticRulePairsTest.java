package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every semantic rule with a passing and a failing payload, each a small change to the sample
 * submission; where one exists the passing change sits on the rule's boundary (same day, exact age
 * range). The timeline rules (date order, age, death) are also run as NDJSON streams, with lines in
 * dependency order (references backward) and reversed (references forward): the same codes are
 * reported on the line of the offending record.
 */
class SemanticRulePairsTest {
  static final PayloadValidator V = PayloadValidatorTest.VALIDATOR;

  /** One rule: a passing change, a failing change and the issue the failing one must give. */
  static final class Pair {
    final String name;
    final Consumer<ObjectNode> pass;
    final Consumer<ObjectNode> fail;
    final IssueCode code;
    final String pointer;
    final boolean timeline;

    Pair(
        String name,
        Consumer<ObjectNode> pass,
        Consumer<ObjectNode> fail,
        IssueCode code,
        String pointer,
        boolean timeline) {
      this.name = name;
      this.pass = pass;
      this.fail = fail;
      this.code = code;
      this.pointer = pointer;
      this.timeline = timeline;
    }

    @Override
    public String toString() {
      return code.code() + " " + name;
    }
  }

  static ObjectNode rec(ObjectNode s, String array, int i) {
    return (ObjectNode) s.get(array).get(i);
  }

  static Consumer<ObjectNode> killed(String diedOn, String... removed) {
    return x -> {
      ObjectNode c = rec(x, "casualties", 0).put("outcome", "killed");
      if (!diedOn.isEmpty()) {
        c.put("diedOn", diedOn);
      }
      for (String r : removed) {
        x.remove(r);
      }
    };
  }

  static Consumer<ObjectNode> wg(String disability3) {
    return x ->
        rec(x, "functioningAssessments", 0)
            .putObject("wgSsIdentifiers")
            .put("sum234", 3)
            .put("sum34", 1)
            .put("sum4", 0)
            .put("missing", 1)
            .put("disability1", "yes")
            .put("disability2", "yes")
            .put("disability3", disability3)
            .put("disability4", "no");
  }

  static List<Pair> pairs() {
    List<Pair> p = new ArrayList<>();
    p.add(
        new Pair(
            "reference",
            x -> {
              rec(x, "incidents", 0).put("id", "KHM-CMAA-I999999");
              rec(x, "casualties", 0).put("incidentId", "KHM-CMAA-I999999");
            },
            x -> rec(x, "casualties", 0).put("incidentId", "KHM-CMAA-I999999"),
            IssueCode.UNRESOLVED_REFERENCE,
            "/casualties/0/incidentId",
            false));
    p.add(
        new Pair(
            "future date (clock is 2025-01-01)",
            x -> rec(x, "needsAssessments", 0).put("date", "2025-01-01"),
            x -> rec(x, "needsAssessments", 0).put("date", "2025-01-02"),
            IssueCode.DATE_IN_FUTURE,
            "/needsAssessments/0/date",
            false));
    p.add(
        new Pair(
            "birth <= incident",
            x -> {
              rec(x, "persons", 0).put("birthDate", "2019");
              rec(x, "casualties", 0).remove("ageAtIncident");
            },
            x -> {
              rec(x, "persons", 0).put("birthDate", "2019-06-15");
              rec(x, "casualties", 0).remove("ageAtIncident");
            },
            IssueCode.DATE_ORDER,
            "/casualties/0/incidentId",
            true));
    p.add(
        new Pair(
            "incident <= assessment",
            x -> rec(x, "functioningAssessments", 0).put("date", "2019-06-14"),
            x -> rec(x, "functioningAssessments", 0).put("date", "2019-06-13"),
            IssueCode.DATE_ORDER,
            "/functioningAssessments/0/date",
            true));
    p.add(
        new Pair(
            "incident <= referral",
            x -> rec(x, "referrals", 0).put("createdAt", "2019-06-14T00:00:00Z"),
            x -> rec(x, "referrals", 0).put("createdAt", "2019-06-13T23:59:59Z"),
            IssueCode.DATE_ORDER,
            "/referrals/0/createdAt",
            true));
    p.add(
        new Pair(
            "referral <= delivery",
            x -> rec(x, "serviceDeliveries", 0).put("startDate", "2024-03-01"),
            x -> rec(x, "serviceDeliveries", 0).put("startDate", "2024-02-29"),
            IssueCode.DATE_ORDER,
            "/serviceDeliveries/0/startDate",
            true));
    p.add(
        new Pair(
            "diedOn >= incident",
            killed("2019-06-14", "needsAssessments", "serviceDeliveries"),
            killed("2019-06-13", "needsAssessments", "serviceDeliveries"),
            IssueCode.DIED_BEFORE_INCIDENT,
            "/casualties/0/diedOn",
            true));
    p.add(
        new Pair(
            "no delivery after death",
            killed("2024-03-10", "needsAssessments"),
            killed("2024-03-09", "needsAssessments"),
            IssueCode.DELIVERY_AFTER_DEATH,
            "/serviceDeliveries/0/startDate",
            true));
    p.add(
        new Pair(
            "age at incident (born 1985-06, incident 2019-06-14: 33-34)",
            x -> rec(x, "casualties", 0).put("ageAtIncident", 33),
            x -> rec(x, "casualties", 0).put("ageAtIncident", 35),
            IssueCode.AGE_INCONSISTENT,
            "/casualties/0/ageAtIncident",
            true));
    p.add(
        new Pair(
            "no needs assessment after death",
            killed("2020-01-10", "serviceDeliveries"),
            killed("2020-01-09", "serviceDeliveries"),
            IssueCode.ASSESSMENT_AFTER_DEATH,
            "/needsAssessments/0/date",
            true));
    p.add(
        new Pair(
            "killed without diedOn dies on the incident",
            killed("", "serviceDeliveries", "needsAssessments"),
            killed("", "serviceDeliveries"),
            IssueCode.ASSESSMENT_AFTER_DEATH,
            "/needsAssessments/0/date",
            true));
    p.add(
        new Pair(
            "WG-SS identifiers",
            wg("yes"),
            wg("no"),
            IssueCode.WG_SS_INCONSISTENT,
            "/functioningAssessments/0/wgSsIdentifiers/disability3",
            false));
    p.add(
        new Pair(
            "consent exists",
            x -> {
              rec(x, "consents", 0).put("id", "KHM-CMAA-K9999");
              rec(x, "referrals", 0).put("consentId", "KHM-CMAA-K9999");
            },
            x -> rec(x, "referrals", 0).put("consentId", "KHM-CMAA-K9999"),
            IssueCode.CONSENT_MISSING,
            "/referrals/0/consentId",
            false));
    p.add(
        new Pair(
            "consent covers referral",
            x -> rec(x, "consents", 0).putArray("purposes").add("statistics").add("referral"),
            x -> rec(x, "consents", 0).putArray("purposes").add("statistics"),
            IssueCode.CONSENT_NOT_COVERING,
            "/referrals/0/consentId",
            false));
    p.add(
        new Pair(
            "amputation level of the limb",
            x -> amputation(x).put("level", "above_knee"),
            x -> amputation(x).put("level", "above_elbow"),
            IssueCode.AMPUTATION_LEVEL,
            "/casualties/0/amputations/0/level",
            false));
    p.add(
        new Pair(
            "withdrawnAt with withdrawn",
            x ->
                rec(x, "consents", 0)
                    .put("status", "withdrawn")
                    .put("withdrawnAt", "2024-06-01T00:00:00Z"),
            x -> rec(x, "consents", 0).put("status", "withdrawn"),
            IssueCode.CONSENT_WITHDRAWAL,
            "/consents/0/status",
            false));
    p.add(
        new Pair(
            "history ends at the status",
            x -> {
              ObjectNode a = rec(x, "referralAttempts", 0).put("status", "completed");
              ((ArrayNode) a.get("history"))
                  .addObject()
                  .put("status", "completed")
                  .put("at", "2024-03-01T04:00:00Z");
            },
            x -> rec(x, "referralAttempts", 0).put("status", "completed"),
            IssueCode.ATTEMPT_HISTORY_END,
            "/referralAttempts/0/history/2/status",
            false));
    p.add(
        new Pair(
            "history oldest first",
            x -> history(x, 1).put("at", "2024-03-01T02:00:00Z"),
            x -> history(x, 1).put("at", "2024-03-01T01:59:59Z"),
            IssueCode.ATTEMPT_HISTORY_ORDER,
            "/referralAttempts/0/history/1/at",
            false));
    p.add(
        new Pair(
            "history oldest first, a leap second included",
            x -> {
              history(x, 0).put("at", "2016-12-31T23:59:60Z");
              history(x, 1).put("at", "2017-01-02T00:00:00Z");
            },
            x -> {
              history(x, 0).put("at", "2017-01-02T00:00:00Z");
              history(x, 1).put("at", "2016-12-31T23:59:60Z");
            },
            IssueCode.ATTEMPT_HISTORY_ORDER,
            "/referralAttempts/0/history/1/at",
            false));
    p.add(
        new Pair(
            "history oldest first, to the nanosecond of ten fraction digits",
            x -> history(x, 1).put("at", "2024-03-01t02:00:00.0000000001z"),
            x -> history(x, 1).put("at", "2024-03-01T01:59:59.9999999999Z"),
            IssueCode.ATTEMPT_HISTORY_ORDER,
            "/referralAttempts/0/history/1/at",
            false));
    p.add(
        new Pair(
            "generatedAt not in the future, with ten fraction digits",
            x -> x.put("generatedAt", "2024-12-31T23:59:59.1234567891Z"),
            x -> x.put("generatedAt", "2099-01-01T00:00:00.1234567891Z"),
            IssueCode.DATE_IN_FUTURE,
            "/generatedAt",
            false));
    p.add(
        new Pair(
            "delivery end >= start",
            x -> rec(x, "serviceDeliveries", 0).put("endDate", "2024-03-10"),
            x -> rec(x, "serviceDeliveries", 0).put("endDate", "2024-03-09"),
            IssueCode.DELIVERY_END_BEFORE_START,
            "/serviceDeliveries/0/endDate",
            false));
    p.add(
        new Pair(
            "cost with currency",
            x -> {
              rec(x, "serviceDeliveries", 0).remove("cost");
              rec(x, "serviceDeliveries", 0).remove("currency");
            },
            x -> rec(x, "serviceDeliveries", 0).remove("currency"),
            IssueCode.COST_WITHOUT_CURRENCY,
            "/serviceDeliveries/0/cost",
            false));
    p.add(
        new Pair(
            "ISO 4217 currency",
            x -> rec(x, "serviceDeliveries", 0).put("currency", "KHR"),
            x -> rec(x, "serviceDeliveries", 0).put("currency", "ABC"),
            IssueCode.UNKNOWN_CURRENCY,
            "/serviceDeliveries/0/currency",
            false));
    p.add(
        new Pair(
            "diedOn needs a known outcome",
            x -> rec(x, "casualties", 0).put("outcome", "injured").put("diedOn", "2024-12-01"),
            x -> rec(x, "casualties", 0).put("outcome", "unknown").put("diedOn", "2024-12-01"),
            IssueCode.DIED_ON_OUTCOME,
            "/casualties/0/diedOn",
            false));
    p.add(
        new Pair(
            "ISO 3166 country",
            x -> x.put("country", "LAO"),
            x -> x.put("country", "ZZZ"),
            IssueCode.UNKNOWN_COUNTRY,
            "/country",
            false));
    p.add(
        new Pair(
            "P-code of the country",
            x -> adminArea(x).put("pCode", "KHM0202"),
            x -> adminArea(x).put("pCode", "LA0201"),
            IssueCode.P_CODE_COUNTRY,
            "/incidents/0/location/adminArea/pCode",
            false));
    p.add(
        new Pair(
            "eligibility ages",
            x -> ((ObjectNode) rec(x, "services", 0).get("eligibility")).put("minAge", 50),
            x ->
                ((ObjectNode) rec(x, "services", 0).get("eligibility"))
                    .put("minAge", 50)
                    .put("maxAge", 10),
            IssueCode.ELIGIBILITY_AGES,
            "/services/0/eligibility/minAge",
            false));
    p.add(
        new Pair(
            "eligibility ages beyond int",
            x ->
                ((ObjectNode) rec(x, "services", 0).get("eligibility"))
                    .put("minAge", 18)
                    .put("maxAge", 3_000_000_000L),
            x ->
                ((ObjectNode) rec(x, "services", 0).get("eligibility"))
                    .put("minAge", 3_000_000_000L)
                    .put("maxAge", 18),
            IssueCode.ELIGIBILITY_AGES,
            "/services/0/eligibility/minAge",
            false));
    p.add(
        new Pair(
            "eligibility ages in exponent form",
            x ->
                ((ObjectNode) rec(x, "services", 0).get("eligibility"))
                    .put("minAge", 18)
                    .put("maxAge", new java.math.BigDecimal("1e20")),
            x ->
                ((ObjectNode) rec(x, "services", 0).get("eligibility"))
                    .put("minAge", new java.math.BigDecimal("1e20"))
                    .put("maxAge", 18),
            IssueCode.ELIGIBILITY_AGES,
            "/services/0/eligibility/minAge",
            false));
    p.add(
        new Pair(
            "consent expires after given",
            x -> rec(x, "consents", 0).put("expiresAt", "2024-03-01T02:00:01Z"),
            x -> rec(x, "consents", 0).put("expiresAt", "2024-03-01T02:00:00Z"),
            IssueCode.CONSENT_EXPIRY,
            "/consents/0/expiresAt",
            false));
    p.add(
        new Pair(
            "period in order",
            x -> ((ObjectNode) x.get("period")).put("end", "2024-01-01"),
            x -> ((ObjectNode) x.get("period")).put("end", "2023-12-31"),
            IssueCode.PERIOD_ORDER,
            "/period/end",
            false));
    p.add(
        new Pair(
            "calendar date",
            x -> rec(x, "incidents", 0).put("date", "2019-06-30"),
            x -> rec(x, "incidents", 0).put("date", "2019-06-31"),
            IssueCode.INVALID_DATE,
            "/incidents/0/date",
            false));
    p.add(
        new Pair(
            "unique identifiers",
            x ->
                ((ArrayNode) x.get("persons"))
                    .add(rec(x, "persons", 0).deepCopy().put("id", "KHM-CMAA-P999999")),
            x -> ((ArrayNode) x.get("persons")).add(rec(x, "persons", 0).deepCopy()),
            IssueCode.DUPLICATE_ID,
            "/persons/2/id",
            false));
    return p;
  }

  static ObjectNode amputation(ObjectNode x) {
    return (ObjectNode) rec(x, "casualties", 0).get("amputations").get(0);
  }

  static ObjectNode history(ObjectNode x, int i) {
    return (ObjectNode) rec(x, "referralAttempts", 0).get("history").get(i);
  }

  static ObjectNode adminArea(ObjectNode x) {
    return (ObjectNode) rec(x, "incidents", 0).get("location").get("adminArea");
  }

  static Stream<Arguments> all() {
    return pairs().stream().map(Arguments::of);
  }

  static Stream<Arguments> timeline() {
    return pairs().stream().filter(p -> p.timeline).map(Arguments::of);
  }

  static ObjectNode changed(Consumer<ObjectNode> change) {
    ObjectNode s = CorpusGenerator.submissionTree();
    change.accept(s);
    return s;
  }

  static Set<String> errors(ValidationReport r) {
    return r.errors().stream()
        .map(i -> i.code().code() + " " + i.pointer())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void submission_passingChangeIsValid_failingChangeGivesTheRule(Pair p) {
    ValidationReport good = V.validateSubmission(changed(p.pass).toString());
    assertEquals(Set.of(), errors(good), p + " passing:\n" + good);
    ValidationReport bad = V.validateSubmission(changed(p.fail).toString());
    assertEquals(Set.of(p.code.code() + " " + p.pointer), errors(bad), p + " failing:\n" + bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timeline")
  void stream_inEitherOrder_givesTheSameRuleOnTheRecordsLine(Pair p) {
    for (boolean reversed : new boolean[] {false, true}) {
      String order = reversed ? " (reversed: forward references)" : " (backward references)";
      Lines good = Lines.of(changed(p.pass), reversed);
      ValidationReport r = V.validateNdjson(good.stream());
      assertEquals(List.of(), r.issues(), p + order + " passing:\n" + r);
      Lines bad = Lines.of(changed(p.fail), reversed);
      r = V.validateNdjson(bad.stream());
      String record = Locator.parent(p.pointer);
      String property = p.pointer.substring(record.length());
      List<String> got =
          r.issues().stream()
              .map(i -> i.code().code() + "@" + i.line() + i.pointer())
              .collect(Collectors.toList());
      assertEquals(
          List.of(p.code.code() + "@" + bad.lineOf(record) + "/record" + property),
          got,
          p + order + " failing:\n" + r);
    }
  }

  /** A submission written as NDJSON lines, remembering which line holds which record. */
  static final class Lines {
    final List<String> lines = new ArrayList<>();
    final Map<String, Integer> lineOf = new HashMap<>();

    static Lines of(ObjectNode submission, boolean reversed) {
      List<String[]> records = new ArrayList<>();
      for (RecordDetection.ArrayOf a : RecordDetection.ARRAYS) {
        JsonNode array = submission.path(a.property());
        for (int i = 0; i < array.size(); i++) {
          String line = "{\"type\":\"" + a.type().code() + "\",\"record\":" + array.get(i) + "}";
          records.add(new String[] {"/" + a.property() + "/" + i, line});
        }
      }
      if (reversed) {
        Collections.reverse(records);
      }
      Lines l = new Lines();
      for (String[] r : records) {
        l.lines.add(r[1]);
        l.lineOf.put(r[0], l.lines.size());
      }
      return l;
    }

    int lineOf(String record) {
      return lineOf.get(record);
    }

    ByteArrayInputStream stream() {
      return new ByteArrayInputStream(
          (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }
}
