package org.vansdk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vansdk.core.json.VanJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The import's property map behaves as a {@link TreeMap} does, in every operation. */
class SortedPropertiesTest {
  private static final List<String> NAMES =
      List.of("id", "sex", "name", "birthDate", "residence", "a", "z", "personId", "b1", "b");

  @Test
  void randomOperations_matchATreeMap() {
    JsonMapper mapper = VanJson.strict().mapper();
    JsonNodeFactory f = mapper.getNodeFactory();
    for (long seed = 1; seed <= 300; seed++) {
      Random random = new Random(seed);
      SortedProperties map = new SortedProperties();
      TreeMap<String, JsonNode> expected = new TreeMap<>();
      String why = "seed " + seed;
      for (int op = 0; op < 60; op++) {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        JsonNode value = f.numberNode(random.nextInt(5));
        switch (random.nextInt(6)) {
          case 0:
          case 1:
            assertEquals(expected.put(name, value), map.put(name, value), why);
            break;
          case 2:
            assertEquals(expected.remove(name), map.remove(name), why);
            break;
          case 3:
            assertEquals(expected.get(name), map.get(name), why);
            assertEquals(expected.containsKey(name), map.containsKey(name), why);
            break;
          case 4:
            { // remove through the iterator, set through an entry
              Iterator<Map.Entry<String, JsonNode>> a = expected.entrySet().iterator();
              Iterator<Map.Entry<String, JsonNode>> b = map.entrySet().iterator();
              while (a.hasNext()) {
                Map.Entry<String, JsonNode> ea = a.next();
                Map.Entry<String, JsonNode> eb = b.next();
                assertEquals(ea, eb, why);
                if (ea.getKey().equals(name)) {
                  a.remove();
                  b.remove();
                } else if (ea.getKey().startsWith("b")) {
                  ea.setValue(value);
                  eb.setValue(value);
                }
              }
              assertFalse(b.hasNext(), why);
              break;
            }
          default:
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(map.keySet()), why);
        }
        assertEquals(expected, map, why);
        assertEquals(expected.hashCode(), map.hashCode(), why);
        assertEquals(expected.size(), map.size(), why);
      }
      ObjectNode a = new ObjectNode(f, new TreeMap<>(expected));
      ObjectNode b = new ObjectNode(f, map);
      assertEquals(mapper.writeValueAsString(a), mapper.writeValueAsString(b), why);
      assertEquals(a, b, why);
    }
  }

  @Test
  void toString_namesNoValue() {
    SortedProperties map = new SortedProperties();
    map.put("name", JsonNodeFactory.instance.stringNode("Dara Sok"));
    assertFalse(map.toString().contains("Dara"), map.toString());
    assertFalse(map.entrySet().iterator().next().toString().contains("Dara"));
  }
}
