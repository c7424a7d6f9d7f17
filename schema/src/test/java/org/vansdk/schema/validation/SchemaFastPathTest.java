package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.RecordType;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The differential test of the structural fast path ({@link AcceptingSchema}) against networknt: on
 * every seeded record of a generated population (all record types, three countries) and on
 * thousands of mutations of them (properties removed, unknown ones added, values replaced by other
 * kinds, codes, dates, numbers and strings at the edges of the schemas), the fast path never
 * accepts what networknt refuses, it accepts every record networknt accepts except the documented
 * undecided shapes (a decimal where an integer is expected), and the validator's report is the same
 * as networknt's alone.
 */
class SchemaFastPathTest {
  private static final JsonMapper MAPPER = VanJson.strict().mapper();
  private static final SchemaSet SCHEMAS = SchemaSet.get();

  @Test
  void importedRecordSchemas_compile() {
    // the others use keywords the compiler leaves to networknt (date-time, conditionals...)
    assertTrue(
        SCHEMAS
            .compiledTypes()
            .containsAll(
                Set.of(
                    RecordType.PERSON,
                    RecordType.INCIDENT,
                    RecordType.CASUALTY,
                    RecordType.FUNCTIONING_ASSESSMENT)),
        SCHEMAS.compiledTypes().toString());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void seededAndMutatedRecords_fastPathAgreesWithNetworknt(long seed) {
    Random random = new Random(seed);
    Map<RecordType, int[]> counts = new EnumMap<>(RecordType.class);
    for (String line : seededLines(seed, 150)) {
      JsonNode envelope = MAPPER.readTree(line);
      RecordType type = RecordType.fromCode(envelope.get("type").asString());
      JsonNode record = envelope.get("record");
      int[] c = counts.computeIfAbsent(type, t -> new int[3]);
      compare(seed, type, record, c);
      for (int m = 0; m < 12; m++) {
        ObjectNode copy = (ObjectNode) record.deepCopy();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
          mutate(copy, random, 0);
        }
        compare(seed, type, copy, c);
      }
    }
    for (Map.Entry<RecordType, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      if (!SCHEMAS.compiledTypes().contains(e.getKey())) {
        assertEquals(0, c[1], "seed " + seed + ": " + e.getKey() + " is not compiled");
        continue;
      }
      assertTrue(
          c[1] > 0,
          "seed " + seed + ": the fast path accepted no " + e.getKey() + " record (" + c[0] + ")");
    }
    assertTrue(counts.size() >= 5, "seed " + seed + ": only " + counts.keySet());
  }

  /**
   * The NDJSON lines of a seeded population (every record type) in one of three countries.
   *
   * @param seed the seed, which also picks the country
   * @param casualties the population's size
   * @return the lines, none blank
   */
  static List<String> seededLines(long seed, int casualties) {
    String country = List.of("KHM", "LAO", "VNM").get((int) (seed % 3));
    PopulationGenerator population =
        PopulationGenerator.of(
            PopulationSpec.builder()
                .country(CountryCode.parse(country))
                .casualties(casualties)
                .seed(seed)
                .build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    population.writeNdjson(out);
    List<String> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** counts: [0] compared, [1] accepted by the fast path, [2] refused by networknt. */
  private static void compare(long seed, RecordType type, JsonNode record, int[] counts) {
    counts[0]++;
    boolean fast = SCHEMAS.certainlyValid(type, record);
    List<ValidationIssue> slow = StructuralLayer.validate(SCHEMAS.record(type), record);
    if (fast) {
      counts[1]++;
    }
    if (!slow.isEmpty()) {
      counts[2]++;
    }
    if (fast && !slow.isEmpty()) {
      fail(
          "seed "
              + seed
              + ": the fast path accepted a "
              + type
              + " networknt refuses: "
              + slow
              + " in "
              + shape(record));
    }
    if (!fast && slow.isEmpty() && !hasDecimal(record) && SCHEMAS.compiledTypes().contains(type)) {
      fail(
          "seed "
              + seed
              + ": the fast path left undecided a valid "
              + type
              + " with no decimal: "
              + shape(record));
    }
  }

  @Test
  void decimalIntegers_areLeftToNetworknt() {
    ObjectNode casualty =
        (ObjectNode) MAPPER.valueToTree(org.vansdk.testkit.gen.SampleRecords.casualty());
    casualty.put("ageAtIncident", 30.0);
    assertTrue(!SCHEMAS.certainlyValid(RecordType.CASUALTY, casualty));
    PayloadValidator v = PayloadValidator.create();
    assertEquals(
        StructuralLayer.validate(SCHEMAS.record(RecordType.CASUALTY), casualty).isEmpty(),
        v.validateRecord(RecordType.CASUALTY, casualty.toString()).errors().stream()
            .noneMatch(i -> i.pointer().equals("/ageAtIncident")));
  }

  private static boolean hasDecimal(JsonNode node) {
    if (node.isNumber() && !node.isIntegralNumber()) {
      return true;
    }
    for (JsonNode child : node) {
      if (hasDecimal(child)) {
        return true;
      }
    }
    return false;
  }

  /** The record's shape with every string replaced by its length: no generated text in output. */
  static String shape(JsonNode node) {
    if (node.isString()) {
      return "\"<" + node.asString().length() + ">\"";
    }
    if (node.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        sb.append(e.getKey()).append(':').append(shape(e.getValue())).append(',');
      }
      return sb.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (JsonNode e : node) {
        sb.append(shape(e)).append(',');
      }
      return sb.append(']').toString();
    }
    return node.toString();
  }

  private static final String[] STRINGS = {
    "",
    " ",
    "unknown",
    "injured",
    "killed",
    "female",
    "male",
    "yes",
    "zz",
    "KHM",
    "khm",
    "KH",
    "2020",
    "2020-02",
    "2020-02-29",
    "2021-02-29",
    "2020-13-01",
    "0000-01-01",
    "9999-12-31",
    "+10000-01-01",
    "1998-03-01T00:00:00Z",
    "KHM-CMAA-P1",
    "KHM-CMAA-",
    "khm-cmaa-p1",
    "KH01",
    "KH",
    "\u0661\u0669\u0669\u0668",
    "en",
    "km-KH",
    "a\nb",
    "\u00e9",
    "x".repeat(70)
  };

  private static JsonNode randomValue(Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (random.nextInt(12)) {
      case 0:
        return f.nullNode();
      case 1:
        return f.booleanNode(random.nextBoolean());
      case 2:
        return f.numberNode(random.nextInt(300) - 100);
      case 3:
        return f.numberNode(random.nextInt(200) + 0.5);
      case 4:
        return f.numberNode((double) random.nextInt(100));
      case 5:
        return f.numberNode(Long.MAX_VALUE);
      case 6:
        return f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
      case 7:
        return f.arrayNode().add(STRINGS[random.nextInt(STRINGS.length)]);
      case 8:
        return f.objectNode().put("country", "KHM");
      default:
        return f.stringNode(STRINGS[random.nextInt(STRINGS.length)]);
    }
  }

  static void mutate(JsonNode node, Random random, int depth) {
    if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      if (a.isEmpty() || random.nextInt(4) == 0) {
        a.add(randomValue(random));
      } else {
        int i = random.nextInt(a.size());
        if (a.get(i).isContainer() && random.nextBoolean()) {
          mutate(a.get(i), random, depth + 1);
        } else {
          a.set(i, randomValue(random));
        }
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode o = (ObjectNode) node;
    List<String> names = new ArrayList<>(o.propertyNames());
    int action = random.nextInt(10);
    if (names.isEmpty() || action == 0) {
      o.set(random.nextBoolean() ? "extra" : "nme", randomValue(random));
      return;
    }
    String name = names.get(random.nextInt(names.size()));
    JsonNode child = o.get(name);
    if (action == 1) {
      o.remove(name);
    } else if (child.isContainer() && action < 6 && depth < 4) {
      mutate(child, random, depth + 1);
    } else {
      o.set(name, randomValue(random));
    }
  }
}
