package org.vansdk.schema.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.RecordType;
import org.vansdk.testkit.gen.SampleRecords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the golden corpus into the testkit's resources from the samples plus targeted corruptions,
 * each invalid file with a sidecar of the expected issue codes and pointers. Run it (from the
 * {@code schema} directory) to regenerate: {@code java ... CorpusGenerator [dir]}; the committed
 * files are its output.
 */
final class CorpusGenerator {
  static final String DEFAULT_DIR = "../testkit/src/main/resources/org/vansdk/testkit/corpus";
  static final JsonMapper MAPPER = VanJson.strict().mapper();

  /** One corpus entry. */
  static final class Entry {
    final String file;
    final String document;
    final boolean valid;
    final byte[] bytes;
    final List<String[]> expected;
    final String ajv;

    Entry(
        String file,
        String document,
        boolean valid,
        byte[] bytes,
        List<String[]> expected,
        String ajv) {
      this.file = file;
      this.document = document;
      this.valid = valid;
      this.bytes = bytes;
      this.expected = expected;
      this.ajv = ajv;
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Integer> counters = new LinkedHashMap<>();

  public static void main(String[] args) throws IOException {
    Path dir = Paths.get(args.length > 0 ? args[0] : DEFAULT_DIR);
    CorpusGenerator g = new CorpusGenerator();
    g.generate();
    g.write(dir);
    System.out.println("wrote " + g.entries.size() + " corpus files to " + dir);
  }

  static Map<RecordType, Object> samples() {
    Map<RecordType, Object> m = new LinkedHashMap<>();
    for (Object r :
        new Object[] {
          SampleRecords.person(), SampleRecords.incident(), SampleRecords.casualty(),
              SampleRecords.relation(),
          SampleRecords.functioning(), SampleRecords.needs(), SampleRecords.organisation(),
              SampleRecords.service(),
          SampleRecords.serviceLocation(), SampleRecords.delivery(), SampleRecords.consent(),
              SampleRecords.referral(),
          SampleRecords.attempt(), SampleRecords.survey(), SampleRecords.deidentified()
        }) {
      m.put(RecordType.of(r), r);
    }
    return m;
  }

  static ObjectNode tree(Object record) {
    return (ObjectNode) MAPPER.readTree(VanJson.strict().write(record));
  }

  static ObjectNode submissionTree() {
    return tree(SampleRecords.submission());
  }

  static JsonNode schema(String name) {
    try {
      return SchemaCodeListsTest.schema(name);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  List<Entry> generate() {
    JsonNode common = schema("common").get("$defs");
    for (Map.Entry<RecordType, Object> e : samples().entrySet()) {
      RecordType type = e.getKey();
      String doc = type.code();
      String schemaName = SchemaSet.fileName(type);
      JsonNode schema = schema(schemaName);
      ObjectNode sample = tree(e.getValue());
      valid(doc, sample);
      ObjectNode line = MAPPER.createObjectNode();
      line.put("type", doc);
      line.set("record", sample.deepCopy());
      valid("ndjson_line", line);
      ObjectNode minimal = sample.deepCopy();
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(r -> required.add(r.asString()));
      for (String p : new ArrayList<>(minimal.propertyNames())) {
        if (!required.contains(p)) {
          minimal.remove(p);
        }
      }
      valid(doc, minimal);
      // structural corruptions driven by the schema
      for (String p : required) {
        ObjectNode bad = sample.deepCopy();
        bad.remove(p);
        invalid(doc, "missing-" + p, bad, "VAN-S-0010", "/" + p);
      }
      for (var prop : schema.get("properties").properties()) {
        String p = prop.getKey();
        String ref = prop.getValue().path("$ref").asString("");
        String def = ref.startsWith("common.schema.json#/$defs/") ? ref.substring(26) : "";
        JsonNode d = common.path(def);
        if (d.has("enum")) {
          ObjectNode bad = sample.deepCopy();
          bad.put(p, "zz_not_a_code");
          invalid(doc, "code-" + p, bad, "VAN-S-0013", "/" + p);
          // every other code of the list is valid where no semantic rule ties it
          if (!p.equals("status") && !p.equals("outcome") && !p.equals("instrument")) {
            for (JsonNode code : d.get("enum")) {
              if (!code.asString().equals(sample.path(p).asString(""))) {
                ObjectNode ok = sample.deepCopy();
                ok.put(p, code.asString());
                if (counters.getOrDefault("valid-" + doc, 0) < 8) {
                  valid(doc, ok);
                }
              }
            }
          }
        }
        if (def.equals("recordId") && sample.has(p)) {
          ObjectNode bad = sample.deepCopy();
          bad.put(p, "not an id");
          invalid(doc, "id-" + p, bad, "VAN-S-0014", "/" + p);
        }
      }
      ObjectNode extra = sample.deepCopy();
      extra.put("extraField", true);
      invalid(doc, "unknown-property", extra, "VAN-S-0011", "/extraField");
      ObjectNode wrongType = sample.deepCopy();
      String first = required.get(0);
      wrongType.put(first, 42);
      invalid(doc, "type-" + first, wrongType, "VAN-S-0012", "/" + first);
      ObjectNode nul = sample.deepCopy();
      nul.putNull(first);
      invalid(doc, "null-" + first, nul, "VAN-S-0012", "/" + first);
      ObjectNode badLine = MAPPER.createObjectNode();
      badLine.put("type", doc);
      badLine.set("record", extra.deepCopy());
      invalid("ndjson_line", "line-" + doc, badLine, "VAN-S-0011", "/record/extraField");
    }
    submissions();
    hostile();
    return entries;
  }

  private void submissions() {
    ObjectNode s = submissionTree();
    valid("submission", s);
    ObjectNode header = s.deepCopy();
    for (RecordDetection.ArrayOf a : RecordDetection.ARRAYS) {
      header.remove(a.property());
    }
    valid("submission", header);
    ObjectNode newer = s.deepCopy();
    newer.put("schemaVersion", "1.7");
    valid("submission", newer);
    ObjectNode noPeriod = s.deepCopy();
    noPeriod.remove("period");
    valid("submission", noPeriod);
    ObjectNode killedNoLater = s.deepCopy();
    rec(killedNoLater, "casualties", 0).put("outcome", "killed");
    killedNoLater.remove("needsAssessments");
    killedNoLater.remove("serviceDeliveries");
    valid("submission", killedNoLater);
    ObjectNode withWg = s.deepCopy();
    ObjectNode wg = rec(withWg, "functioningAssessments", 0).putObject("wgSsIdentifiers");
    wg.put("sum234", 3).put("sum34", 1).put("sum4", 0).put("missing", 1);
    wg.put("disability1", "yes").put("disability2", "yes").put("disability3", "yes");
    wg.put("disability4", "no");
    valid("submission", withWg);

    semantic(
        "unresolved-incident",
        x -> rec(x, "casualties", 0).put("incidentId", "KHM-CMAA-I999999"),
        "VAN-S-0101",
        "/casualties/0/incidentId");
    semantic(
        "unresolved-person",
        x -> rec(x, "consents", 0).put("personId", "KHM-CMAA-P999999"),
        "VAN-S-0101",
        "/consents/0/personId",
        "VAN-S-0110",
        "/referrals/0/consentId");
    semantic(
        "unresolved-referral",
        x -> rec(x, "referralAttempts", 0).put("referralId", "KHM-CMAA-R9999"),
        "VAN-S-0101",
        "/referralAttempts/0/referralId");
    semantic(
        "future-assessment",
        x -> rec(x, "needsAssessments", 0).put("date", "2999-01-01"),
        "VAN-S-0102",
        "/needsAssessments/0/date");
    semantic(
        "future-generated",
        x -> x.put("generatedAt", "2999-01-01T00:00:00Z"),
        "VAN-S-0102",
        "/generatedAt");
    semantic(
        "assessment-before-incident",
        x -> rec(x, "functioningAssessments", 0).put("date", "2018-01-01"),
        "VAN-S-0103",
        "/functioningAssessments/0/date");
    semantic(
        "birth-after-incident",
        x -> {
          rec(x, "persons", 0).put("birthDate", "2020");
          rec(x, "casualties", 0).remove("ageAtIncident");
        },
        "VAN-S-0103",
        "/casualties/0/incidentId");
    semantic(
        "delivery-before-referral",
        x ->
            rec(x, "serviceDeliveries", 0)
                .put("startDate", "2023-01-01")
                .put("endDate", "2023-02-01"),
        "VAN-S-0103",
        "/serviceDeliveries/0/startDate");
    semantic(
        "died-before-incident",
        x -> {
          rec(x, "casualties", 0).put("outcome", "killed").put("diedOn", "2019-01-01");
          x.remove("needsAssessments");
          x.remove("serviceDeliveries");
        },
        "VAN-S-0104",
        "/casualties/0/diedOn");
    semantic(
        "delivery-after-death",
        x -> {
          rec(x, "casualties", 0).put("outcome", "killed");
          x.remove("needsAssessments");
        },
        "VAN-S-0105",
        "/serviceDeliveries/0/startDate");
    semantic(
        "age-inconsistent",
        x -> rec(x, "casualties", 0).put("ageAtIncident", 50),
        "VAN-S-0106",
        "/casualties/0/ageAtIncident");
    semantic(
        "assessment-after-death",
        x -> {
          rec(x, "casualties", 0).put("outcome", "killed");
          x.remove("serviceDeliveries");
        },
        "VAN-S-0107",
        "/needsAssessments/0/date");
    semantic(
        "wgss-inconsistent",
        x -> {
          ObjectNode w = rec(x, "functioningAssessments", 0).putObject("wgSsIdentifiers");
          w.put("sum234", 3)
              .put("sum34", 1)
              .put("sum4", 0)
              .put("missing", 1)
              .put("disability1", "yes")
              .put("disability2", "yes")
              .put("disability3", "no")
              .put("disability4", "no");
        },
        "VAN-S-0108",
        "/functioningAssessments/0/wgSsIdentifiers/disability3");
    semantic(
        "consent-missing",
        x -> rec(x, "referrals", 0).put("consentId", "KHM-CMAA-K9999"),
        "VAN-S-0109",
        "/referrals/0/consentId");
    semantic(
        "consent-not-covering",
        x -> {
          ArrayNode p = rec(x, "consents", 0).putArray("purposes");
          p.add("statistics");
        },
        "VAN-S-0110",
        "/referrals/0/consentId");
    semantic(
        "amputation-level",
        x ->
            ((ObjectNode) rec(x, "casualties", 0).get("amputations").get(0))
                .put("level", "above_elbow"),
        "VAN-S-0111",
        "/casualties/0/amputations/0/level");
    semantic(
        "consent-withdrawn-without-time",
        x -> rec(x, "consents", 0).put("status", "withdrawn"),
        "VAN-S-0112",
        "/consents/0/status");
    semantic(
        "attempt-history-end",
        x -> rec(x, "referralAttempts", 0).put("status", "completed"),
        "VAN-S-0113",
        "/referralAttempts/0/history/2/status");
    semantic(
        "attempt-history-order",
        x ->
            ((ObjectNode) rec(x, "referralAttempts", 0).get("history").get(1))
                .put("at", "2024-03-01T01:00:00Z"),
        "VAN-S-0114",
        "/referralAttempts/0/history/1/at");
    semantic(
        "delivery-end-before-start",
        x -> rec(x, "serviceDeliveries", 0).put("endDate", "2024-03-01"),
        "VAN-S-0115",
        "/serviceDeliveries/0/endDate");
    semantic(
        "cost-without-currency",
        x -> rec(x, "serviceDeliveries", 0).remove("currency"),
        "VAN-S-0116",
        "/serviceDeliveries/0/cost");
    semantic(
        "unknown-currency",
        x -> rec(x, "serviceDeliveries", 0).put("currency", "ABC"),
        "VAN-S-0117",
        "/serviceDeliveries/0/currency");
    semantic(
        "died-on-outcome-unknown",
        x -> rec(x, "casualties", 0).put("outcome", "unknown").put("diedOn", "2024-12-01"),
        "VAN-S-0118",
        "/casualties/0/diedOn");
    semantic("unknown-country", x -> x.put("country", "ZZZ"), "VAN-S-0119", "/country");
    semantic(
        "p-code-country",
        x ->
            ((ObjectNode) rec(x, "incidents", 0).get("location").get("adminArea"))
                .put("pCode", "LA0201"),
        "VAN-S-0120",
        "/incidents/0/location/adminArea/pCode");
    semantic(
        "eligibility-ages",
        x ->
            ((ObjectNode) rec(x, "services", 0).get("eligibility"))
                .put("minAge", 50)
                .put("maxAge", 10),
        "VAN-S-0121",
        "/services/0/eligibility/minAge");
    semantic(
        "consent-expiry",
        x -> rec(x, "consents", 0).put("expiresAt", "2024-02-01T00:00:00Z"),
        "VAN-S-0122",
        "/consents/0/expiresAt");
    semantic(
        "period-order",
        x -> ((ObjectNode) x.get("period")).put("end", "2023-12-31"),
        "VAN-S-0123",
        "/period/end");
    semantic(
        "invalid-calendar-date",
        x -> rec(x, "incidents", 0).put("date", "2019-02-30"),
        "VAN-S-0125",
        "/incidents/0/date");
    semantic(
        "duplicate-id",
        x -> ((ArrayNode) x.get("persons")).add(rec(x, "persons", 0).deepCopy()),
        "VAN-S-0126",
        "/persons/2/id");
    ObjectNode major = s.deepCopy();
    major.put("schemaVersion", "2.0");
    invalid("submission", "unsupported-major", major, "VAN-S-0006", "/schemaVersion");
    ObjectNode format = s.deepCopy();
    format.put("generatedAt", "yesterday");
    invalid("submission", "format-generated-at", format, "VAN-S-0015", "/generatedAt");
    ObjectNode range = s.deepCopy();
    rec(range, "casualties", 0).put("ageAtIncident", 121);
    invalid("submission", "range-age", range, "VAN-S-0016", "/casualties/0/ageAtIncident");
    ObjectNode lat = s.deepCopy();
    ((ObjectNode) rec(lat, "persons", 0).get("residence").get("point")).put("latitude", 91.5);
    invalid(
        "submission", "range-latitude", lat, "VAN-S-0016", "/persons/0/residence/point/latitude");
    ObjectNode empty = s.deepCopy();
    rec(empty, "referrals", 0).putArray("serviceTypes");
    invalid("submission", "length-service-types", empty, "VAN-S-0017", "/referrals/0/serviceTypes");
    ObjectNode ref = s.deepCopy();
    rec(ref, "persons", 0).put("$ref", "https://example.org/evil.json");
    invalid("submission", "ref-in-payload", ref, "VAN-S-0011", "/persons/0/$ref");
    ObjectNode url = s.deepCopy();
    rec(url, "casualties", 0).put("incidentId", "https://example.org/incident");
    invalid("submission", "url-as-id", url, "VAN-S-0014", "/casualties/0/incidentId");
  }

  private void hostile() {
    String s = VanJson.strict().write(SampleRecords.casualty());
    raw(
        "casualty",
        "malformed",
        s.substring(0, s.length() - 1).getBytes(StandardCharsets.UTF_8),
        "VAN-S-0001",
        "compare");
    raw(
        "casualty",
        "trailing-garbage",
        (s + " }garbage").getBytes(StandardCharsets.UTF_8),
        "VAN-S-0004",
        "compare");
    raw(
        "casualty",
        "duplicate-key",
        s.replace("{\"activityAtIncident\"", "{\"outcome\":\"killed\",\"activityAtIncident\"")
            .getBytes(StandardCharsets.UTF_8),
        "VAN-S-0003",
        "skip: JSON.parse keeps the last of duplicate keys");
    byte[] utf = s.replace("KHM-CMAA-C000077", "KHM-CMAA-C00007X").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf.length; i++) {
      if (utf[i] == 'X') {
        utf[i] = (byte) 0xC3;
      }
    }
    raw("casualty", "invalid-utf8", utf, "VAN-S-0005", "compare");
    rawTwo(
        "casualty",
        "huge-exponent",
        s.replace("\"ageAtIncident\":34", "\"ageAtIncident\":1e999999")
            .getBytes(StandardCharsets.UTF_8),
        "VAN-S-0002",
        null,
        "/ageAtIncident");
    raw("casualty", "empty", new byte[0], "VAN-S-0001", "compare");
    raw("casualty", "array-root", "[]".getBytes(StandardCharsets.UTF_8), "VAN-S-0012", "compare");
  }

  private void rawTwo(
      String doc, String name, byte[] bytes, String code1, String code2, String pointer) {
    String file = "invalid/" + doc.replace('_', '-') + "-" + name + ".invalid.json";
    List<String[]> expected = new ArrayList<>();
    expected.add(new String[] {code1, pointer});
    if (code2 != null) {
      expected.add(new String[] {code2, pointer});
    }
    entries.add(new Entry(file, doc, false, bytes, expected, "compare"));
  }

  private static ObjectNode rec(ObjectNode submission, String array, int i) {
    return (ObjectNode) submission.get(array).get(i);
  }

  private void semantic(String name, Consumer<ObjectNode> corruption, String... codesAndPointers) {
    ObjectNode s = submissionTree();
    corruption.accept(s);
    invalid("submission", name, s, codesAndPointers);
  }

  private void valid(String doc, ObjectNode node) {
    int n = counters.merge("valid-" + doc, 1, Integer::sum);
    String file = String.format("valid/%s-%03d.json", doc.replace('_', '-'), n);
    entries.add(new Entry(file, doc, true, pretty(node), List.of(), "compare"));
  }

  private void invalid(String doc, String name, ObjectNode node, String... codesAndPointers) {
    List<String[]> expected = new ArrayList<>();
    for (int i = 0; i < codesAndPointers.length; i += 2) {
      expected.add(new String[] {codesAndPointers[i], codesAndPointers[i + 1]});
    }
    String file = "invalid/" + doc.replace('_', '-') + "-" + name + ".invalid.json";
    entries.add(new Entry(file, doc, false, pretty(node), expected, "compare"));
  }

  private void raw(String doc, String name, byte[] bytes, String code, String ajv) {
    String file = "invalid/" + doc.replace('_', '-') + "-" + name + ".invalid.json";
    List<String[]> expected = new ArrayList<>();
    expected.add(new String[] {code, ""});
    entries.add(new Entry(file, doc, false, bytes, expected, ajv));
  }

  private static byte[] pretty(JsonNode node) {
    return (MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("valid"));
    Files.createDirectories(dir.resolve("invalid"));
    ArrayNode index = MAPPER.createArrayNode();
    for (Entry e : entries) {
      Files.write(dir.resolve(e.file), e.bytes);
      ObjectNode item = index.addObject();
      item.put("file", e.file);
      item.put("document", e.document);
      item.put("valid", e.valid);
      if (!e.valid) {
        String sidecar = e.file.replace(".invalid.json", ".expected.json");
        item.put("expected", sidecar);
        ObjectNode side = MAPPER.createObjectNode();
        side.put("document", e.document);
        side.put("valid", false);
        ArrayNode issues = side.putArray("issues");
        for (String[] x : e.expected) {
          issues.addObject().put("code", x[0]).put("pointer", x[1]);
        }
        side.put("ajv", e.ajv);
        Files.write(dir.resolve(sidecar), pretty(side));
      }
      if (!e.ajv.equals("compare")) {
        item.put("ajv", e.ajv);
      }
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", "1.0");
    root.put(
        "description",
        "VAN golden corpus: valid payloads and invalid ones with the issue codes and pointers the"
            + " validator must report. document is a record type code, submission or ndjson_line.");
    root.set("files", index);
    Files.write(dir.resolve("index.json"), pretty(root));
  }
}
