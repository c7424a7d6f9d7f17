package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.RecordType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The equivalence of {@link PayloadValidator#validateRecord(RecordType, JsonNode)} (a tree in
 * memory) with {@link PayloadValidator#validateRecord(RecordType, byte[])} (its JSON text): on
 * every record of seeded populations (all record types, three countries) and on mutations of each,
 * both accept the same records and report the same issues, line and column aside.
 */
class TreeValidationTest {
  private static final JsonMapper MAPPER = VanJson.strict().mapper();
  private static final PayloadValidator VALIDATOR =
      PayloadValidator.withClock(
          Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void seededAndMutatedRecords_treeAndTextGiveTheSameReport(long seed) {
    Random random = new Random(seed);
    int[] counts = new int[3];
    for (String line : SchemaFastPathTest.seededLines(seed, 120)) {
      JsonNode envelope = MAPPER.readTree(line);
      RecordType type = RecordType.fromCode(envelope.get("type").asString());
      JsonNode record = envelope.get("record");
      compare(seed, type, record, counts);
      for (int m = 0; m < 10; m++) {
        ObjectNode copy = (ObjectNode) record.deepCopy();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
          SchemaFastPathTest.mutate(copy, random, 0);
        }
        compare(seed, type, copy, counts);
      }
    }
    assertTrue(counts[1] > 100, "seed " + seed + ": only " + counts[1] + " valid records");
    assertTrue(counts[2] > 100, "seed " + seed + ": only " + counts[2] + " refused records");
  }

  @Test
  void wrongTypeAndRuleBreaks_areReportedAsFromText() {
    ObjectNode casualty =
        (ObjectNode) MAPPER.valueToTree(org.vansdk.testkit.gen.SampleRecords.casualty());
    casualty.put("outcome", "unknown").put("diedOn", "2030-01-01");
    int[] counts = new int[3];
    compare(0, RecordType.CASUALTY, casualty, counts);
    compare(0, RecordType.PERSON, casualty, counts);
    casualty.put("ageAtIncident", new java.math.BigDecimal("1e400"));
    compare(0, RecordType.CASUALTY, casualty, counts);
    assertEquals(3, counts[2]);
  }

  /** counts: [0] compared, [1] valid, [2] refused. */
  private static void compare(long seed, RecordType type, JsonNode record, int[] counts) {
    counts[0]++;
    byte[] text = MAPPER.writeValueAsBytes(record);
    ValidationReport fromText = VALIDATOR.validateRecord(type, text);
    ValidationReport fromTree = VALIDATOR.validateRecord(type, record.deepCopy());
    assertEquals(
        unlocated(fromText.issues()),
        unlocated(fromTree.issues()),
        () -> "seed " + seed + ": " + type + " " + SchemaFastPathTest.shape(record));
    assertEquals(fromText.isValid(), fromTree.isValid());
    counts[fromText.isValid() ? 1 : 2]++;
  }

  private static List<ValidationIssue> unlocated(List<ValidationIssue> issues) {
    List<ValidationIssue> out = new ArrayList<>();
    for (ValidationIssue i : issues) {
      out.add(i.at(0, 0));
    }
    return out;
  }
}
