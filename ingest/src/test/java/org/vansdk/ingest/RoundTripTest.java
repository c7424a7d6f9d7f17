package org.vansdk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.RecordType;
import org.vansdk.testkit.legacy.LegacyExport;
import org.vansdk.testkit.legacy.LegacyLayout;
import org.vansdk.testkit.legacy.Mess;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Testkit population → legacy layout (clean and messy) → import with the shipped mapping → the same
 * canonical records, as far as the layout carries them. Every row is accepted.
 */
class RoundTripTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  private static final VanJson JSON = VanJson.strict();

  @TempDir Path dir;

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (long seed : new long[] {3, 11}) {
      out.add(Arguments.of(LegacyLayout.CMVIS, ShippedMapping.CMVIS, seed, false));
      out.add(Arguments.of(LegacyLayout.CMVIS, ShippedMapping.CMVIS, seed, true));
      out.add(Arguments.of(LegacyLayout.IMSMA, ShippedMapping.IMSMA, seed, false));
      out.add(Arguments.of(LegacyLayout.IMSMA, ShippedMapping.IMSMA, seed, true));
      out.add(Arguments.of(LegacyLayout.DMIS, ShippedMapping.DMIS, seed, false));
      out.add(Arguments.of(LegacyLayout.DMIS, ShippedMapping.DMIS, seed, true));
    }
    return out;
  }

  @ParameterizedTest(name = "{0} seed {2} messy {3}")
  @MethodSource("cases")
  void importGivesBackTheGeneratedRecords(
      LegacyLayout layout, ShippedMapping shipped, long seed, boolean messy) throws IOException {
    String where = layout + " seed " + seed + (messy ? " (messy)" : "");
    PopulationGenerator population =
        PopulationGenerator.of(
            PopulationSpec.builder().country(layout.country()).casualties(400).seed(seed).build());
    LegacyExport export = LegacyExport.of(layout);
    if (messy) {
      export = export.withMess(Mess.typical(seed));
    }
    Path file = LegacyFiles.write(export, population, dir);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream rejects = new ByteArrayOutputStream();
    ImportSummary summary =
        Importer.of(Mapping.shipped(shipped)).withClock(CLOCK).run(file, out, rejects);

    long rows = export.forEachRow(population, r -> {});
    assertEquals(rows, summary.read(), where + ": rows read");
    assertEquals(
        0, summary.rejected(), where + ": rejects\n" + rejects.toString(StandardCharsets.UTF_8));
    assertEquals(summary.read(), summary.accepted() + summary.rejected(), where);

    Map<String, ObjectNode> expected = expected(population, layout);
    Map<String, ObjectNode> actual = new TreeMap<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      JsonNode node = JSON.readTree(line.getBytes(StandardCharsets.UTF_8));
      String type = node.get("type").asString();
      ObjectNode record = (ObjectNode) node.get("record");
      assertCanonical(line, type, where);
      actual.put(type + " " + local(record.get("id").asString()), project(type, record, layout));
    }
    assertEquals(expected.keySet(), actual.keySet(), where + ": records");
    for (Map.Entry<String, ObjectNode> e : expected.entrySet()) {
      assertEquals(e.getValue(), actual.get(e.getKey()), where + ": " + e.getKey());
    }
    assertTrue(summary.recordsWritten() > 0, where);
  }

  /**
   * The record is written exactly as core's model writes it: read into the model (whose invariants
   * apply) and written again, it gives the same bytes.
   */
  static void assertCanonical(String line, String type, String where) {
    String prefix = "{\"type\":\"" + type + "\",\"record\":";
    assertTrue(line.startsWith(prefix) && line.endsWith("}"), where + ": envelope of " + type);
    String text = line.substring(prefix.length(), line.length() - 1);
    Object model = JSON.mapper().readValue(text, RecordType.fromCode(type).javaType());
    assertEquals(
        text, new String(JSON.writeBytes(model), StandardCharsets.UTF_8), where + ": " + type);
  }

  /** The generated records the layout carries, projected onto what it carries. */
  private static Map<String, ObjectNode> expected(
      PopulationGenerator population, LegacyLayout layout) {
    Map<String, ObjectNode> all = new HashMap<>();
    Map<String, ObjectNode> out = new TreeMap<>();
    List<ObjectNode> wanted = new ArrayList<>();
    population.forEach(
        record -> {
          RecordType type = RecordType.of(record);
          ObjectNode node = (ObjectNode) JSON.mapper().valueToTree(record);
          if (!node.has("id")) {
            return;
          }
          all.put(type.code() + " " + local(node.get("id").asString()), node);
          boolean rowRecord =
              layout == LegacyLayout.DMIS
                  ? type == RecordType.FUNCTIONING_ASSESSMENT
                  : type == RecordType.CASUALTY;
          if (rowRecord) {
            wanted.add(node);
          }
        });
    for (ObjectNode row : wanted) {
      String type = layout == LegacyLayout.DMIS ? "functioning_assessment" : "casualty";
      out.put(type + " " + local(row.get("id").asString()), project(type, row, layout));
      String person = "person " + local(row.get("personId").asString());
      out.put(person, project("person", all.get(person), layout));
      if (row.has("incidentId")) {
        String incident = "incident " + local(row.get("incidentId").asString());
        out.put(incident, project("incident", all.get(incident), layout));
      }
    }
    return out;
  }

  private static String local(String id) {
    return id.substring(id.indexOf('-', 4) + 1);
  }

  /** Keeps what the layout carries; identifiers by local part; places by their province. */
  private static ObjectNode project(String type, ObjectNode record, LegacyLayout layout) {
    List<String> keep = new ArrayList<>(List.of("id"));
    switch (type) {
      case "person":
        keep.addAll(List.of("name", "sex", "birthDate", "birthDateEstimated", "residence"));
        if (layout != LegacyLayout.DMIS) {
          keep.addAll(List.of("nationality", "identifiers"));
        }
        break;
      case "incident":
        keep.addAll(
            List.of("date", "dateEstimated", "location", "accidentClass", "deviceCategory"));
        keep.add("reportingOrganisation");
        if (layout == LegacyLayout.IMSMA) {
          keep.addAll(List.of("areaMarkedBefore", "areaClearedBefore"));
        }
        break;
      case "casualty":
        keep.addAll(
            List.of(
                "personId",
                "incidentId",
                "outcome",
                "civilianStatus",
                "ageAtIncident",
                "activityAtIncident",
                "priorRiskEducation"));
        keep.add(layout == LegacyLayout.CMVIS ? "diedOn" : "tampered");
        if (layout == LegacyLayout.IMSMA) {
          keep.addAll(List.of("firstAidOnSite", "minutesToFacility", "injuries", "amputations"));
        }
        break;
      default:
        keep.addAll(
            List.of(
                "personId",
                "date",
                "proxy",
                "seeing",
                "hearing",
                "walking",
                "cognition",
                "selfCare",
                "communication"));
        break;
    }
    ObjectNode out = JSON.mapper().createObjectNode();
    for (String k : keep) {
      JsonNode v = record.get(k);
      if (v == null) {
        continue;
      }
      if (k.endsWith("Id") || k.equals("id")) {
        out.put(k, local(v.asString()));
      } else if (k.equals("location") || k.equals("residence")) {
        JsonNode area = v.get("adminArea");
        if (area != null) {
          String code = area.get("pCode").asString();
          out.put(k, code.substring(0, code.startsWith("MMR") ? 6 : 4));
        }
      } else if (k.equals("injuries") || k.equals("amputations")) {
        // the layout has columns for the first three injuries and the first two amputations
        int columns = k.equals("injuries") ? 3 : 2;
        tools.jackson.databind.node.ArrayNode items = out.putArray(k);
        for (int i = 0; i < Math.min(columns, v.size()); i++) {
          items.add(v.get(i));
        }
      } else if (k.equals("identifiers")) {
        for (JsonNode id : v.values()) {
          String system = id.get("system").asString();
          if (system.equals(layout == LegacyLayout.CMVIS ? "cmvis" : "imsma")) {
            out.put("identifier", id.get("value").asString());
          }
        }
      } else {
        out.set(k, v);
      }
    }
    if (type.equals("functioning_assessment") && !out.has("proxy")) {
      out.put("proxy", false);
    }
    return out;
  }
}
