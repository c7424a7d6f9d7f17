package org.vansdk.schema.validation;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A record schema compiled into plain Java checks that can only say "valid": when {@link #accepts}
 * is true, networknt would report no error for the same tree; when it is false, nothing is known
 * and the caller runs networknt, whose report is the answer. So the fast path decides acceptance
 * only, and every issue still comes from networknt.
 *
 * <p>The compiler reads exactly the text networknt compiles ({@link SchemaSet#compiled}) and knows
 * only the keywords our record schemas use: {@code type}, {@code properties}, {@code required},
 * {@code additionalProperties: false}, {@code items}, {@code enum}, {@code pattern} (through the
 * registry's own regular-expression factory, or {@link DfaPattern} where it answers the same),
 * {@code minLength}, {@code minimum}, {@code maximum}, {@code format: date} (networknt's rule:
 * {@code LocalDate.parse}, year 0 to 9999) and {@code $ref} into our files, plus annotations. A
 * schema with any other keyword, format or value shape is not compiled at all ({@link #compile}
 * returns empty), so a later schema change can never make the fast path accept what networknt
 * refuses. Where a check would need networknt's finer semantics (a decimal against {@code integer},
 * a number bound on a non-integral value, an enum of non-string values), it answers false and
 * networknt decides. {@code SchemaFastPathTest} compares both on seeded and mutated records.
 *
 * <p>Immutable and thread-safe.
 */
final class AcceptingSchema {
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "$schema",
          "$id",
          "$defs",
          "$comment",
          "title",
          "description",
          "examples",
          "default",
          "deprecated",
          "readOnly",
          "writeOnly");

  private final Predicate<JsonNode> root;

  private AcceptingSchema(Predicate<JsonNode> root) {
    this.root = root;
  }

  /**
   * Returns true only if the tree is valid against the schema (networknt would report nothing).
   *
   * @param tree the instance
   * @return true when certainly valid; false when networknt must decide
   */
  boolean accepts(JsonNode tree) {
    return root.test(tree);
  }

  /**
   * Compiles one of our schema files.
   *
   * @param file the file name below the version folder, e.g. {@code person.schema.json}
   * @param documents gives the text networknt compiles for a file name, or null if unknown
   * @param regex the registry's regular-expression factory
   * @return the compiled schema, or empty when it uses anything the compiler does not know
   */
  static Optional<AcceptingSchema> compile(
      String file, Function<String, @Nullable JsonNode> documents, RegularExpressionFactory regex) {
    Compiler c = new Compiler(documents, regex);
    try {
      Predicate<JsonNode> root = c.ref(file, "");
      c.finish();
      return Optional.of(new AcceptingSchema(root));
    } catch (NotCompilable e) {
      return Optional.empty();
    }
  }

  /** A keyword or shape the compiler does not handle: the schema stays with networknt alone. */
  private static final class NotCompilable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotCompilable() {
      super(null, null, false, false);
    }
  }

  /** Compiles schema nodes into predicates, resolving {@code $ref} lazily (so cycles work). */
  private static final class Compiler {
    private final Function<String, @Nullable JsonNode> documents;
    private final RegularExpressionFactory regex;
    private final Map<String, JsonNode> loaded = new HashMap<>();
    private final Map<String, Slot> slots = new HashMap<>();
    private final List<Slot> pending = new ArrayList<>();

    Compiler(Function<String, @Nullable JsonNode> documents, RegularExpressionFactory regex) {
      this.documents = documents;
      this.regex = regex;
    }

    /** A reference target: compiled once, filled in by {@link #finish}. */
    private static final class Slot implements Predicate<JsonNode> {
      final String file;
      final String pointer;
      @Nullable Predicate<JsonNode> target;

      Slot(String file, String pointer) {
        this.file = file;
        this.pointer = pointer;
      }

      @Override
      public boolean test(JsonNode node) {
        return java.util.Objects.requireNonNull(target, "reference not finished").test(node);
      }
    }

    Predicate<JsonNode> ref(String file, String pointer) {
      String key = file + "#" + pointer;
      Slot slot = slots.get(key);
      if (slot == null) {
        slot = new Slot(file, pointer);
        slots.put(key, slot);
        pending.add(slot);
      }
      return slot;
    }

    void finish() {
      while (!pending.isEmpty()) {
        Slot slot = pending.remove(pending.size() - 1);
        JsonNode document =
            loaded.computeIfAbsent(
                slot.file,
                f -> {
                  JsonNode d = documents.apply(f);
                  if (d == null) {
                    throw new NotCompilable();
                  }
                  return d;
                });
        JsonNode node = slot.pointer.isEmpty() ? document : document.at(slot.pointer);
        if (node.isMissingNode()) {
          throw new NotCompilable();
        }
        slot.target = schema(node, slot.file);
      }
    }

    private Predicate<JsonNode> schema(JsonNode s, String file) {
      if (s.isBoolean()) {
        boolean value = s.asBoolean();
        return n -> value;
      }
      if (!s.isObject()) {
        throw new NotCompilable();
      }
      List<Predicate<JsonNode>> checks = new ArrayList<>();
      for (String keyword : s.propertyNames()) {
        JsonNode v = s.get(keyword);
        if (ANNOTATIONS.contains(keyword)) {
          continue;
        }
        switch (keyword) {
          case "type":
            checks.add(type(v));
            break;
          case "$ref":
            checks.add(reference(v, file));
            break;
          case "enum":
            checks.add(enumeration(v));
            break;
          case "pattern":
            {
              if (!v.isString()) {
                throw new NotCompilable();
              }
              RegularExpression re = pattern(v.asString());
              checks.add(n -> !n.isString() || re.matches(n.asString()));
              break;
            }
          case "minLength":
            {
              int min = count(v);
              checks.add(
                  n ->
                      !n.isString()
                          || n.asString().codePointCount(0, n.asString().length()) >= min);
              break;
            }
          case "minimum":
          case "maximum":
            checks.add(bound(v, keyword.equals("minimum")));
            break;
          case "format":
            if (!v.isString() || !v.asString().equals("date")) {
              throw new NotCompilable();
            }
            checks.add(n -> !n.isString() || isDate(n.asString()));
            break;
          case "required":
            checks.add(required(v));
            break;
          case "properties":
          case "additionalProperties":
            break;
          case "items":
            {
              Predicate<JsonNode> item = schema(v, file);
              checks.add(
                  n -> {
                    if (!n.isArray()) {
                      return true;
                    }
                    for (JsonNode e : n) {
                      if (!item.test(e)) {
                        return false;
                      }
                    }
                    return true;
                  });
              break;
            }
          default:
            throw new NotCompilable();
        }
      }
      if (s.has("properties") || s.has("additionalProperties")) {
        checks.add(object(s, file));
      }
      return all(checks);
    }

    /**
     * The registry's expression for a pattern or, when the registry uses the JDK's expressions and
     * the pattern is in {@link DfaPattern}'s subset, the same pattern as an automaton (a tenth of
     * an import's time went to the JDK's matcher).
     */
    private RegularExpression pattern(String text) {
      RegularExpression registry = regex.getRegularExpression(text);
      if (regex.getClass() != JDKRegularExpressionFactory.class) {
        return registry;
      }
      return DfaPattern.compile(text).<RegularExpression>map(d -> d).orElse(registry);
    }

    private Predicate<JsonNode> object(JsonNode s, String file) {
      JsonNode additional = s.get("additionalProperties");
      boolean closed;
      if (additional == null) {
        closed = false;
      } else if (additional.isBoolean()) {
        closed = !additional.asBoolean();
        if (!closed) {
          additional = null;
        }
      } else {
        throw new NotCompilable();
      }
      Map<String, Predicate<JsonNode>> properties = new HashMap<>();
      JsonNode p = s.get("properties");
      if (p != null) {
        if (!p.isObject()) {
          throw new NotCompilable();
        }
        for (String name : p.propertyNames()) {
          properties.put(name, schema(p.get(name), file));
        }
      }
      boolean isClosed = closed;
      return n -> {
        if (!n.isObject()) {
          return true;
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          Predicate<JsonNode> check = properties.get(e.getKey());
          if (check == null) {
            if (isClosed) {
              return false;
            }
          } else if (!check.test(e.getValue())) {
            return false;
          }
        }
        return true;
      };
    }

    private Predicate<JsonNode> reference(JsonNode v, String file) {
      if (!v.isString()) {
        throw new NotCompilable();
      }
      String ref = v.asString();
      int hash = ref.indexOf('#');
      String target = hash < 0 ? ref : ref.substring(0, hash);
      String pointer = hash < 0 ? "" : ref.substring(hash + 1);
      if (target.isEmpty()) {
        target = file;
      } else if (target.contains("/") || target.contains(":")) {
        throw new NotCompilable();
      }
      if (!pointer.isEmpty() && !pointer.startsWith("/")) {
        throw new NotCompilable();
      }
      return ref(target, pointer);
    }

    private static Predicate<JsonNode> type(JsonNode v) {
      List<Predicate<JsonNode>> any = new ArrayList<>();
      if (v.isString()) {
        any.add(type(v.asString()));
      } else if (v.isArray() && !v.isEmpty()) {
        for (JsonNode t : v) {
          if (!t.isString()) {
            throw new NotCompilable();
          }
          any.add(type(t.asString()));
        }
      } else {
        throw new NotCompilable();
      }
      if (any.size() == 1) {
        return any.get(0);
      }
      return n -> any.stream().anyMatch(t -> t.test(n));
    }

    private static Predicate<JsonNode> type(String name) {
      switch (name) {
        case "object":
          return JsonNode::isObject;
        case "array":
          return JsonNode::isArray;
        case "string":
          return JsonNode::isString;
        case "boolean":
          return JsonNode::isBoolean;
        case "null":
          return JsonNode::isNull;
        case "number":
          return JsonNode::isNumber;
        case "integer":
          // a decimal with no fraction is an integer to some validators: networknt decides
          return JsonNode::isIntegralNumber;
        default:
          throw new NotCompilable();
      }
    }

    private static Predicate<JsonNode> enumeration(JsonNode v) {
      if (!v.isArray()) {
        throw new NotCompilable();
      }
      Set<String> values = new HashSet<>();
      for (JsonNode e : v) {
        if (e.isString()) {
          values.add(e.asString());
        }
      }
      // a non-string member is compared by networknt's own equality: only strings are decided here
      return n -> n.isString() && values.contains(n.asString());
    }

    private static Predicate<JsonNode> bound(JsonNode v, boolean minimum) {
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw new NotCompilable();
      }
      long limit = v.asLong();
      return n -> {
        if (!n.isNumber()) {
          return true;
        }
        if (!n.isIntegralNumber()) {
          return false;
        }
        int c =
            n.canConvertToLong()
                ? Long.compare(n.asLong(), limit)
                : n.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(limit));
        return minimum ? c >= 0 : c <= 0;
      };
    }

    private static Predicate<JsonNode> required(JsonNode v) {
      if (!v.isArray()) {
        throw new NotCompilable();
      }
      List<String> names = new ArrayList<>();
      for (JsonNode e : v) {
        if (!e.isString()) {
          throw new NotCompilable();
        }
        names.add(e.asString());
      }
      return n -> {
        if (!n.isObject()) {
          return true;
        }
        for (String name : names) {
          if (!n.has(name)) {
            return false;
          }
        }
        return true;
      };
    }

    private static int count(JsonNode v) {
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
        throw new NotCompilable();
      }
      return v.asInt();
    }

    private static Predicate<JsonNode> all(List<Predicate<JsonNode>> checks) {
      if (checks.isEmpty()) {
        return n -> true;
      }
      if (checks.size() == 1) {
        return checks.get(0);
      }
      @SuppressWarnings("unchecked")
      Predicate<JsonNode>[] array = checks.toArray(new Predicate[0]);
      return n -> {
        for (Predicate<JsonNode> c : array) {
          if (!c.test(n)) {
            return false;
          }
        }
        return true;
      };
    }
  }

  /** networknt's {@code format: date}: {@code LocalDate.parse}, years 0 to 9999. */
  static boolean isDate(String text) {
    try {
      int year = LocalDate.parse(text).getYear();
      return year >= 0 && year <= 9999;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
