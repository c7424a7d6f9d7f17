package org.vansdk.transport.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object of the node configuration read strictly: the keys it may have are declared up
 * front, so an unknown (e.g. misspelt) key is an error with its pointer, and every read names the
 * pointer of what is missing or wrong.
 */
final class ConfigObject {

  private final JsonNode node;
  private final String pointer;

  private ConfigObject(JsonNode node, String pointer, Set<String> required, Set<String> optional) {
    if (node == null || !node.isObject()) {
      throw NodeConfigurationException.at(pointer, "must be a JSON object");
    }
    this.node = node;
    this.pointer = pointer;
    Set<String> unknown = new TreeSet<>(node.propertyNames());
    unknown.removeAll(required);
    unknown.removeAll(optional);
    if (!unknown.isEmpty()) {
      String key = unknown.iterator().next();
      Set<String> allowed = new TreeSet<>(required);
      allowed.addAll(optional);
      throw NodeConfigurationException.at(
          child(key), "is not a known key; allowed here: " + allowed);
    }
    for (String key : required) {
      if (!node.has(key) || node.get(key).isNull()) {
        throw NodeConfigurationException.at(child(key), "is required");
      }
    }
  }

  static ConfigObject of(
      JsonNode node, String pointer, Set<String> required, Set<String> optional) {
    return new ConfigObject(node, pointer, required, optional);
  }

  String child(String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  JsonNode get(String key) {
    return node.get(key);
  }

  String string(String key) {
    JsonNode v = node.get(key);
    if (!v.isString() || v.stringValue().isBlank()) {
      throw NodeConfigurationException.at(child(key), "must be a non-empty string");
    }
    return v.stringValue();
  }

  /** A string turned into a value by {@code parse}; its failure is reported as {@code what}. */
  <T> T parsed(String key, Function<String, T> parse, String what) {
    String text = string(key);
    try {
      return parse.apply(text);
    } catch (RuntimeException e) {
      throw NodeConfigurationException.at(child(key), "is not " + what);
    }
  }

  int integer(String key, int min, int max) {
    JsonNode v = node.get(key);
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
      throw NodeConfigurationException.at(
          child(key), "must be a whole number from " + min + " to " + max);
    }
    return v.intValue();
  }

  boolean bool(String key) {
    JsonNode v = node.get(key);
    if (!v.isBoolean()) {
      throw NodeConfigurationException.at(child(key), "must be true or false");
    }
    return v.booleanValue();
  }

  ConfigObject object(String key, Set<String> required, Set<String> optional) {
    return of(node.get(key), child(key), required, optional);
  }

  /** The elements of an array member, each with its pointer. */
  List<Element> array(String key, int minItems) {
    JsonNode v = node.get(key);
    if (!v.isArray() || v.size() < minItems) {
      throw NodeConfigurationException.at(
          child(key), "must be an array of at least " + minItems + " item(s)");
    }
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(new Element(v.get(i), child(key) + "/" + i));
    }
    return out;
  }

  /** One element of an array and its pointer. */
  record Element(JsonNode node, String pointer) {
    ConfigObject object(Set<String> required, Set<String> optional) {
      return ConfigObject.of(node, pointer, required, optional);
    }
  }
}
