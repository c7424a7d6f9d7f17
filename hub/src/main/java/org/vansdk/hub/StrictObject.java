package org.vansdk.hub;

import java.util.Set;
import java.util.TreeSet;
import org.vansdk.hub.web.HubException;
import tools.jackson.databind.JsonNode;

/**
 * One JSON object of the hub's configuration, read strictly: its allowed keys are declared up
 * front, so an unknown key is an error with its JSON Pointer, and every read names the pointer of
 * what is wrong. Never echoes a value (a configuration may hold a secret by mistake).
 */
final class StrictObject {
  private final JsonNode node;
  private final String pointer;

  StrictObject(JsonNode node, String pointer, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      throw at(pointer, "must be a JSON object");
    }
    this.node = node;
    this.pointer = pointer;
    for (String key : node.propertyNames()) {
      if (!allowed.contains(key)) {
        throw at(child(key), "is not a known key; allowed here: " + new TreeSet<>(allowed));
      }
    }
  }

  static HubException at(String pointer, String what) {
    return new HubException(
        500,
        HubErrors.BAD_CONFIGURATION,
        "the hub's configuration at " + (pointer.isEmpty() ? "/" : pointer) + " " + what);
  }

  String child(String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  boolean has(String key) {
    return node.has(key);
  }

  String string(String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isString() || v.stringValue().isBlank()) {
      throw at(child(key), "must be a non-empty string");
    }
    return v.stringValue();
  }

  int integer(String key, int min, int max) {
    JsonNode v = node.get(key);
    if (v == null
        || !v.isIntegralNumber()
        || !v.canConvertToInt()
        || v.intValue() < min
        || v.intValue() > max) {
      throw at(child(key), "must be a whole number from " + min + " to " + max);
    }
    return v.intValue();
  }

  StrictObject object(String key, Set<String> allowed) {
    return new StrictObject(node.get(key), child(key), allowed);
  }

  /** The elements of an array member (at least one), each with its pointer. */
  JsonNode array(String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isArray()) {
      throw at(child(key), "must be an array");
    }
    return v;
  }
}
