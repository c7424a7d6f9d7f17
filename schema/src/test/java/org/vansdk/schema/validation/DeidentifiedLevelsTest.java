package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.RecordType;
import org.vansdk.testkit.gen.SampleRecords;
import tools.jackson.databind.JsonNode;

/** The per-record generalisation levels of a de-identified casualty, in the model and schema. */
class DeidentifiedLevelsTest {
  private static final PayloadValidator VALIDATOR = PayloadValidatorTest.VALIDATOR;

  private static String withLevels(Map<String, Integer> levels) {
    DeidentifiedCasualty record =
        DeidentifiedCasualty.builder()
            .from(SampleRecords.deidentified())
            .putAllLevels(levels)
            .build();
    return VanJson.strict().write(record);
  }

  @Test
  void levels_writtenReadAndValid() {
    Map<String, Integer> levels =
        Map.of("sex", 0, "age", 1, "place", 2, "incidentDate", 3, "device", 1, "activity", 2);
    String json = withLevels(levels);
    assertTrue(json.contains("\"levels\":{\"activity\":2,\"age\":1,"), json);
    assertEquals(levels, VanJson.strict().read(json, DeidentifiedCasualty.class).levels());
    ValidationReport report = VALIDATOR.validateRecord(RecordType.DEIDENTIFIED_CASUALTY, json);
    assertTrue(report.issues().isEmpty(), report::toString);
  }

  @Test
  void documentWithoutLevels_staysValid() {
    String json = VanJson.strict().write(SampleRecords.deidentified());
    assertFalse(json.contains("levels"), json);
    assertTrue(VALIDATOR.validateRecord(RecordType.DEIDENTIFIED_CASUALTY, json).issues().isEmpty());
  }

  @Test
  void levelAboveTheHierarchy_isRefusedAtItsPointer() {
    String json = withLevels(Map.of("sex", 0)).replace("\"sex\":0", "\"sex\":2");
    ValidationReport report = VALIDATOR.validateRecord(RecordType.DEIDENTIFIED_CASUALTY, json);
    assertFalse(report.isValid(), report::toString);
    assertEquals("/levels/sex", report.issues().get(0).pointer(), report::toString);
  }

  @Test
  void unknownAttribute_isRefusedByModelAndSchema() {
    String json =
        withLevels(Map.of("sex", 0)).replace("\"levels\":{\"sex\"", "\"levels\":{\"age2\"");
    assertFalse(VALIDATOR.validateRecord(RecordType.DEIDENTIFIED_CASUALTY, json).isValid());
    org.junit.jupiter.api.Assertions.assertThrows(
        RuntimeException.class, () -> VanJson.strict().read(json, DeidentifiedCasualty.class));
  }

  @Test
  void schemaLevels_matchTheModelsLevelNames() throws IOException {
    JsonNode schema;
    try (InputStream in =
        PayloadValidator.class.getResourceAsStream(
            "/org/vansdk/schema/1.0/deidentified-casualty.schema.json")) {
      schema = VanJson.strict().mapper().readTree(in);
    }
    JsonNode properties = schema.path("properties").path("levels").path("properties");
    assertEquals(
        List.copyOf(DeidentifiedCasualty.LEVEL_NAMES.keySet()),
        List.copyOf(properties.propertyNames()));
    DeidentifiedCasualty.LEVEL_NAMES.forEach(
        (attribute, names) ->
            assertEquals(
                names.size() - 1, properties.path(attribute).path("maximum").asInt(), attribute));
  }
}
