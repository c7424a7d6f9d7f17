package org.vansdk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vansdk.core.json.VanJson;
import org.vansdk.ingest.mapping.Field;
import org.vansdk.ingest.mapping.Target;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mapping reader is strict and agrees with the published mapping schema: every shipped mapping
 * passes both; every key of it, misspelt (a letter dropped, two swapped, one changed, one added, a
 * capital), is refused by both, and the reader names the misspelt key's JSON Pointer.
 */
class MappingStrictnessTest {
  private static final VanJson JSON = VanJson.strict();
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(Mapping.schema());

  @ParameterizedTest
  @EnumSource(ShippedMapping.class)
  void shippedMapping_passesReaderAndSchema(ShippedMapping shipped) {
    Mapping mapping = Mapping.shipped(shipped);
    assertTrue(mapping.name().length() > 0);
    assertEquals(List.of(), SCHEMA.validate(JSON.readTree(shipped.document())), shipped.name());
  }

  @ParameterizedTest
  @EnumSource(ShippedMapping.class)
  void everyMisspeltKey_isRefusedWithItsPointer(ShippedMapping shipped) {
    JsonNode original = JSON.readTree(shipped.document());
    List<String[]> keys = new ArrayList<>();
    collectKeys(original, "", keys);
    int cases = 0;
    for (String[] key : keys) {
      for (String variant : misspellings(key[1])) {
        ObjectNode doc = (ObjectNode) original.deepCopy();
        ObjectNode parent = (ObjectNode) doc.at(key[0]);
        if (parent.has(variant)) {
          continue;
        }
        parent.set(variant, parent.remove(key[1]));
        byte[] bytes = JSON.writeBytes(doc);
        boolean schemaValid = SCHEMA.validate(doc).isEmpty();
        String pointer = key[0] + "/" + variant.replace("~", "~0").replace("/", "~1");
        String where = shipped + " " + key[0] + "/" + key[1] + " -> " + variant;
        try {
          Mapping.parse(bytes, "m.json");
          if (!schemaValid) {
            fail(where + ": the schema refuses it but the reader accepted it");
          }
        } catch (IngestException e) {
          assertEquals(IngestException.MAPPING_INVALID, e.code(), where);
          assertTrue(
              schemaValid == false,
              where + ": the schema accepts it but the reader refused it: " + e.getMessage());
          String parentPointer = key[0].isEmpty() ? "/" : key[0];
          assertTrue(
              e.getMessage().contains(pointer) || e.getMessage().contains(parentPointer + ":"),
              where + ": message lacks the pointer: " + e.getMessage());
        }
        cases++;
      }
    }
    assertTrue(cases > 100, "misspellings tried: " + cases);
  }

  /** Every object key outside value maps (whose keys are source data), with its parent pointer. */
  private static void collectKeys(JsonNode node, String pointer, List<String[]> out) {
    if (node.isObject()) {
      for (String name : node.propertyNames()) {
        out.add(new String[] {pointer, name});
        if (!name.equals("map")) {
          collectKeys(node.get(name), pointer + "/" + name, out);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectKeys(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static Set<String> misspellings(String key) {
    Set<String> out = new LinkedHashSet<>();
    out.add(key.substring(1));
    out.add(key + "s");
    out.add(Character.toUpperCase(key.charAt(0)) + key.substring(1));
    if (key.length() > 3) {
      int i = key.length() / 2;
      out.add(key.substring(0, i) + key.substring(i + 1));
      out.add(key.substring(0, i - 1) + key.charAt(i) + key.charAt(i - 1) + key.substring(i + 1));
      out.add(key.substring(0, i) + (key.charAt(i) == 'x' ? 'y' : 'x') + key.substring(i + 1));
    }
    out.remove(key);
    return out;
  }

  @Test
  void misspeltKey_getsTheKeyMeant() {
    String doc =
        new String(ShippedMapping.CMVIS.document(), StandardCharsets.UTF_8)
            .replace("\"birthDate\"", "\"birthdate\"");
    IngestException e =
        assertThrows(
            IngestException.class, () -> Mapping.parse(doc.getBytes(StandardCharsets.UTF_8), "m"));
    assertTrue(
        e.getMessage().contains("/records/person/fields/birthdate: is not a known key"),
        e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'birthDate'?"), e.getMessage());
  }

  @Test
  void unknownValues_areRefusedWithPointerAndAllowedValues() {
    assertRefused("/records/person/fields/birthDate/date/calendar", "\"buddist\"", "'buddhist'");
    assertRefused("/records/person/fields/sex/map/M", "\"mal\"", "did you mean 'male'?");
    assertRefused("/source/encoding", "\"utf8\"", "utf-16");
    assertRefused("/source/format", "\"tsv\"", "xlsx");
    assertRefused("/records/person/fields/birthDate/date/patterns/0", "\"d/M/yy\"", "yyyy");
    assertRefused("/organisation", "\"cmaa\"", "capital letters");
    assertRefused("/records/person/fields/residence/area/level", "4", "1 to 3");
    assertRefused("/records/casualty/fields/ageAtIncident/number/min", "-1", "0 to");
    assertRefused("/records/casualty/fields/outcome/unmapped", "\"ignore\"", "reject, unknown");
  }

  /** Replaces the value at a pointer; the reader must name that pointer and give the hint. */
  private static void assertRefused(String pointer, String json, String hint) {
    ObjectNode doc = (ObjectNode) JSON.readTree(ShippedMapping.CMVIS.document());
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = doc.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    JsonNode value = JSON.readTree(json.getBytes(StandardCharsets.UTF_8));
    if (parent.isArray()) {
      ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
    byte[] bytes = JSON.writeBytes(doc);
    IngestException e = assertThrows(IngestException.class, () -> Mapping.parse(bytes, "m"));
    assertTrue(e.getMessage().contains(pointer), e.getMessage());
    assertTrue(e.getMessage().contains(hint), e.getMessage());
  }

  @Test
  void missingRequiredField_isNamed() {
    ObjectNode doc = (ObjectNode) JSON.readTree(ShippedMapping.CMVIS.document());
    ((ObjectNode) doc.at("/records/incident/fields")).remove("deviceCategory");
    IngestException e =
        assertThrows(IngestException.class, () -> Mapping.parse(JSON.writeBytes(doc), "m"));
    assertTrue(
        e.getMessage().contains("/records/incident/fields: must map 'deviceCategory'"),
        e.getMessage());
  }

  @Test
  void schemaFieldLists_matchTheFieldTable() {
    JsonNode schema = JSON.readTree(Mapping.schema().getBytes(StandardCharsets.UTF_8));
    for (Target t : Target.values()) {
      Set<String> inSchema = new TreeSet<>();
      schema
          .at("/properties/records/properties/" + t.key() + "/properties/fields/properties")
          .propertyNames()
          .forEach(inSchema::add);
      assertEquals(new TreeSet<>(Field.properties(t)), inSchema, t.key());
    }
  }
}
