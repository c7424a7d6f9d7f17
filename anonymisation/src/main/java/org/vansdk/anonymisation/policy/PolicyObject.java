package org.vansdk.anonymisation.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object of a policy being read strictly: it declares the keys it allows and refuses any
 * other before anything is read (so a misspelt key is an error at its own JSON Pointer, never a
 * silently applied default), and every value read is type- and range-checked. Not thread-safe; one
 * per object.
 */
final class PolicyObject {
  private static final Pattern NAME_SHAPED = Pattern.compile("[A-Za-z0-9_]{1,64}");

  private final JsonNode node;
  private final String pointer;

  /**
   * Wraps an object.
   *
   * @param node the JSON value, which must be an object
   * @param pointer its JSON Pointer in the policy
   * @param allowed the only keys it may have
   * @throws PolicyException if it is not an object or has another key
   */
  PolicyObject(JsonNode node, String pointer, List<String> allowed) {
    if (node == null || !node.isObject()) {
      throw new PolicyException(pointer, "must be an object");
    }
    this.node = node;
    this.pointer = pointer;
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        throw new PolicyException(
            pointer(name), "is not a known property; allowed: " + String.join(", ", allowed));
      }
    }
  }

  /** Returns the pointer of this object. */
  String pointer() {
    return pointer;
  }

  /** Returns the pointer of one of its properties. */
  String pointer(String name) {
    return pointer + "/" + segment(name);
  }

  /** Returns the property names in document order. */
  List<String> names() {
    return new ArrayList<>(node.propertyNames());
  }

  /** Returns whether the property is present and not {@code null}. */
  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  private JsonNode required(String name) {
    if (!has(name)) {
      throw new PolicyException(pointer(name), "is required");
    }
    return node.get(name);
  }

  String string(String name) {
    JsonNode v = required(name);
    if (!v.isString() || v.stringValue().isBlank()) {
      throw new PolicyException(pointer(name), "must be a non-empty string");
    }
    return v.stringValue();
  }

  /** Reads a code out of a fixed list: anything else is an error listing what is allowed. */
  String oneOf(String name, List<String> allowed) {
    JsonNode v = required(name);
    if (!v.isString() || !allowed.contains(v.stringValue())) {
      throw new PolicyException(pointer(name), "is not an allowed value; allowed: " + allowed);
    }
    return v.stringValue();
  }

  String oneOf(String name, List<String> allowed, String otherwise) {
    return has(name) ? oneOf(name, allowed) : otherwise;
  }

  int integer(String name, int min, int max) {
    JsonNode v = required(name);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new PolicyException(pointer(name), "must be a whole number");
    }
    int i = v.intValue();
    if (i < min || i > max) {
      throw new PolicyException(pointer(name), "is " + i + "; allowed: " + min + " to " + max);
    }
    return i;
  }

  int integer(String name, int min, int max, int otherwise) {
    return has(name) ? integer(name, min, max) : otherwise;
  }

  double number(String name, double min, double max) {
    JsonNode v = required(name);
    if (!v.isNumber()) {
      throw new PolicyException(pointer(name), "must be a number");
    }
    BigDecimal d = v.decimalValue();
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new PolicyException(pointer(name), "must be within [" + min + ", " + max + "]");
    }
    return d.doubleValue();
  }

  double number(String name, double min, double max, double otherwise) {
    return has(name) ? number(name, min, max) : otherwise;
  }

  PolicyObject object(String name, List<String> allowed) {
    return new PolicyObject(required(name), pointer(name), allowed);
  }

  /** Reads an optional object; {@code null} is the same as absent. */
  Optional<PolicyObject> optionalObject(String name, List<String> allowed) {
    return has(name) ? Optional.of(object(name, allowed)) : Optional.empty();
  }

  /** Reads an optional array of objects; absent or {@code null} is empty. */
  List<PolicyObject> objects(String name, List<String> allowed) {
    if (!has(name)) {
      return List.of();
    }
    JsonNode v = node.get(name);
    if (!v.isArray()) {
      throw new PolicyException(pointer(name), "must be an array");
    }
    List<PolicyObject> list = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      list.add(new PolicyObject(v.get(i), pointer(name) + "/" + i, allowed));
    }
    return list;
  }

  /**
   * Escapes a property name as a pointer segment; a name that is not shaped like a key (it could be
   * text typed in the wrong place) is replaced by {@code (hidden)}.
   */
  private static String segment(String name) {
    return NAME_SHAPED.matcher(name).matches() ? name : "(hidden)";
  }
}
