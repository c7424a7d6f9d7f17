package org.vansdk.schema.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vansdk.core.json.VanJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The message samples and cases of {@code org/vansdk/schema/message/index.json}: one valid message
 * of every type, and cases derived from a sample by removing and setting members (JSON Pointers).
 * The same index drives {@code src/test/ajv/validate.js}, so Ajv sees the same messages.
 */
final class MessageCases {
  static final String FOLDER = "/org/vansdk/schema/message/";

  /** One case: its name, its message, whether it is valid and the issues expected if not. */
  static final class Case {
    final String name;
    final String base;
    final JsonNode message;
    final boolean valid;
    final List<Map.Entry<String, String>> expected;
    final List<String> setValues;

    Case(
        String name,
        String base,
        JsonNode message,
        boolean valid,
        List<Map.Entry<String, String>> expected,
        List<String> setValues) {
      this.name = name;
      this.base = base;
      this.message = message;
      this.valid = valid;
      this.expected = expected;
      this.setValues = setValues;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private MessageCases() {}

  static JsonNode read(String file) {
    try (InputStream in = MessageCases.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + file);
      }
      return VanJson.strict().mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    for (JsonNode c : read("index.json").get("cases")) {
      ObjectNode message = (ObjectNode) read(c.get("base").asString());
      for (JsonNode pointer : c.path("remove")) {
        List<String> t = tokens(pointer.asString());
        ObjectNode parent = parent(message, t, false);
        parent.remove(t.get(t.size() - 1));
      }
      List<String> setValues = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : c.path("set").properties()) {
        List<String> t = tokens(e.getKey());
        parent(message, t, true).set(t.get(t.size() - 1), e.getValue());
        if (e.getValue().isString() && !e.getKey().equals("/schemaVersion")) {
          setValues.add(e.getValue().asString());
        }
      }
      List<Map.Entry<String, String>> expected = new ArrayList<>();
      for (JsonNode i : c.path("expected")) {
        expected.add(Map.entry(i.get("code").asString(), i.get("pointer").asString()));
      }
      cases.add(
          new Case(
              c.get("name").asString(),
              c.get("base").asString(),
              message,
              c.get("valid").asBoolean(),
              expected,
              setValues));
    }
    return cases;
  }

  private static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    for (String t : pointer.substring(1).split("/", -1)) {
      tokens.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  private static ObjectNode parent(ObjectNode root, List<String> tokens, boolean create) {
    ObjectNode node = root;
    for (String t : tokens.subList(0, tokens.size() - 1)) {
      JsonNode child = node.get(t);
      if (!(child instanceof ObjectNode)) {
        if (!create) {
          throw new IllegalStateException("no object at " + t);
        }
        child = node.putObject(t);
      }
      node = (ObjectNode) child;
    }
    return node;
  }
}
