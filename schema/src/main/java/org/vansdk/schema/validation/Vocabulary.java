package org.vansdk.schema.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vansdk.core.submission.RecordType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words of the published schemas: every property name they define and every code of their code
 * lists. Only these words of an input may appear in an issue (its message, value or pointer):
 * anything else an input holds, an unknown property name or a value typed into a code field, may be
 * personal data (a name, a phone number). A property name that is not a word of the schemas is
 * shown in a pointer as the segment {@link #HIDDEN}, which no schema defines, so a pointer never
 * carries input text and still says how deep the offending value sits. Loaded once from the
 * classpath; immutable.
 */
final class Vocabulary {
  /** The pointer segment that stands for a property name that is not a word of the schemas. */
  static final String HIDDEN = "(hidden)";

  private static final Set<String> WORDS = load();

  private Vocabulary() {}

  /** Returns whether a name or value is a property name or a code of the published schemas. */
  static boolean isWord(String text) {
    return WORDS.contains(text);
  }

  /**
   * Returns the pointer segment for a property name: the name (escaped as RFC 6901 asks) when it is
   * a word of the schemas, otherwise {@link #HIDDEN}.
   */
  static String segment(String name) {
    return WORDS.contains(name) ? StructuralLayer.escape(name) : HIDDEN;
  }

  private static Set<String> load() {
    List<String> files = new ArrayList<>(List.of("common", "submission", "ndjson-line"));
    for (RecordType type : RecordType.values()) {
      files.add(SchemaSet.fileName(type));
    }
    files.add("message/envelope");
    files.add("message/message");
    files.add("trust-list");
    JsonMapper mapper = JsonMapper.builder().build();
    Set<String> words = new HashSet<>();
    JsonNode envelope = read(mapper, "message/envelope");
    envelope
        .path("properties")
        .path("type")
        .path("enum")
        .forEach(
            t -> files.add(MessageValidator.schemaFile(t.asString()).replace(".schema.json", "")));
    for (String file : files) {
      collect(read(mapper, file), words);
    }
    return Set.copyOf(words);
  }

  private static JsonNode read(JsonMapper mapper, String name) {
    String resource = "/org/vansdk/schema/1.0/" + name + ".schema.json";
    try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new UncheckedIOException(new java.io.FileNotFoundException(resource));
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema " + name, e);
    }
  }

  private static void collect(JsonNode schema, Set<String> words) {
    if (schema.isObject()) {
      JsonNode properties = schema.get("properties");
      if (properties != null && properties.isObject()) {
        words.addAll(properties.propertyNames());
      }
      JsonNode required = schema.get("required");
      if (required != null && required.isArray()) {
        required.forEach(r -> words.add(r.asString()));
      }
      JsonNode codes = schema.get("enum");
      if (codes != null && codes.isArray()) {
        codes.forEach(c -> addText(c, words));
      }
      JsonNode constant = schema.get("const");
      if (constant != null) {
        addText(constant, words);
      }
    }
    for (JsonNode child : schema) {
      collect(child, words);
    }
  }

  private static void addText(JsonNode value, Set<String> words) {
    if (value.isString()) {
      words.add(value.asString());
    }
  }
}
