package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.json.VanJson;
import tools.jackson.databind.JsonNode;

/**
 * The code lists in common.schema.json are generated from the core enums: each {@code $defs} entry
 * with an enum names its Java enum in its description, and must list exactly its codes, in order.
 * On a difference the failure prints the JSON to paste.
 */
class SchemaCodeListsTest {
  static JsonNode schema(String name) throws IOException {
    try (InputStream in =
        SchemaCodeListsTest.class.getResourceAsStream(
            "/org/vansdk/schema/1.0/" + name + ".schema.json")) {
      return VanJson.strict().mapper().readTree(in);
    }
  }

  @Test
  void everyCodeList_matchesItsCoreEnum() throws Exception {
    JsonNode defs = schema("common").get("$defs");
    Map<String, String> fixes = new TreeMap<>();
    int checked = 0;
    for (var e : defs.properties()) {
      JsonNode def = e.getValue();
      if (!def.has("enum")) {
        continue;
      }
      String description = def.get("description").asString();
      String className =
          description.substring(
              description.indexOf("generated from ") + 15, description.lastIndexOf(')'));
      Class<?> type = Class.forName(className);
      assertTrue(CodeValue.class.isAssignableFrom(type), className);
      List<String> expected = new ArrayList<>();
      for (Object c : type.getEnumConstants()) {
        expected.add(((CodeValue) c).code());
      }
      List<String> actual = new ArrayList<>();
      def.get("enum").forEach(v -> actual.add(v.asString()));
      if (!expected.equals(actual)) {
        fixes.put(e.getKey(), VanJson.strict().write(expected));
      }
      checked++;
    }
    assertEquals(
        Map.of(),
        fixes,
        "common.schema.json code lists differ from the core enums; replace each enum with: "
            + fixes);
    assertTrue(checked >= 40, "code lists checked: " + checked);
  }
}
