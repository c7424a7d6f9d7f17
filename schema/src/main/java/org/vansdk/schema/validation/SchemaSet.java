package org.vansdk.schema.validation;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.MapResourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.submission.RecordType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published record schemas, loaded once from the classpath (never from the network) with format
 * assertions on and every {@code $ref} resolved at load time. The message schemas are loaded
 * through the same registry by {@link MessageValidator}.
 */
final class SchemaSet {
  static final String BASE = "https://schemas.vansdk.org/1.0/";
  static final String CLASSPATH = "classpath:org/vansdk/schema/1.0/";

  /** Where our schema ids are loaded from: the classpath, through {@link #compiled}. */
  static final String COMPILED = "vansdk-classpath:/org/vansdk/schema/1.0/";

  private final Schema submission;
  private final Schema ndjsonLine;
  private final Map<RecordType, Schema> records = new EnumMap<>(RecordType.class);
  private final Map<RecordType, AcceptingSchema> accepting = new EnumMap<>(RecordType.class);

  private SchemaSet() {
    submission = load("submission");
    ndjsonLine = load("ndjson-line");
    for (RecordType type : RecordType.values()) {
      records.put(type, load(fileName(type)));
      AcceptingSchema.compile(
              fileName(type) + ".schema.json",
              SchemaSet::compiledTree,
              CONFIG.getRegularExpressionFactory())
          .ifPresent(a -> accepting.put(type, a));
    }
  }

  /** The tree networknt compiles for one of our files (see {@link #compiled}), or null. */
  private static @Nullable JsonNode compiledTree(String file) {
    String text = compiled(BASE + file);
    return text == null ? null : JsonMapper.builder().build().readTree(text);
  }

  private static final SchemaRegistryConfig CONFIG =
      SchemaRegistryConfig.builder()
          .formatAssertionsEnabled(true)
          .pathType(PathType.JSON_POINTER)
          .build();

  private static SchemaRegistry registry() {
    SchemaRegistryConfig config = CONFIG;
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12,
        b ->
            b.schemaRegistryConfig(config)
                // our own scheme: "classpath:" IRIs would bypass the custom loader
                .resourceLoaders(
                    r -> r.values(l -> l.add(0, new MapResourceLoader(SchemaSet::compiled))))
                .schemaIdResolvers(r -> r.mapPrefix(BASE, COMPILED)));
  }

  /** Keywords that make other subschemas evaluate properties of the same instance. */
  private static final Set<String> APPLICATORS =
      Set.of(
          "$ref",
          "$dynamicRef",
          "allOf",
          "anyOf",
          "oneOf",
          "not",
          "if",
          "then",
          "else",
          "dependentSchemas");

  /**
   * The text networknt compiles for one of our schema files: the published file with every {@code
   * "unevaluatedProperties": false} that has no in-place applicator beside it turned into the
   * equivalent {@code "additionalProperties": false}. Without an adjacent applicator only {@code
   * properties} and {@code patternProperties} can evaluate a property, so the two keywords accept
   * and reject exactly the same instances (JSON Schema 2020-12, sections 10.3.2.3 and 11.3), but
   * the second needs no annotation collection, which was about half of networknt's time per record.
   * The published files are unchanged (Ajv checks those); both keywords map to the same issue code.
   * Returns null for anything that is not one of our files.
   */
  static @Nullable String compiled(String iri) {
    String name;
    if (iri.startsWith(BASE)) {
      name = iri.substring(BASE.length());
    } else if (iri.startsWith(COMPILED)) {
      name = iri.substring(COMPILED.length());
    } else {
      return null;
    }
    String resource = "/org/vansdk/schema/1.0/" + name;
    try (InputStream in = SchemaSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        // never let networknt go on to other loaders (one of them would fetch the https id)
        throw new UncheckedIOException(new java.io.FileNotFoundException(resource));
      }
      JsonMapper mapper = JsonMapper.builder().build();
      JsonNode tree = mapper.readTree(in);
      rewrite(tree);
      return mapper.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema " + name, e);
    }
  }

  private static void rewrite(JsonNode node) {
    if (node instanceof ObjectNode) {
      ObjectNode o = (ObjectNode) node;
      JsonNode unevaluated = o.get("unevaluatedProperties");
      if (unevaluated != null
          && unevaluated.isBoolean()
          && !unevaluated.asBoolean()
          && !o.has("additionalProperties")
          && o.propertyNames().stream().noneMatch(APPLICATORS::contains)) {
        o.remove("unevaluatedProperties");
        o.put("additionalProperties", false);
      }
    }
    for (JsonNode child : node) {
      rewrite(child);
    }
  }

  /**
   * The one registry of every published schema (records and messages), so a file such as {@code
   * common.schema.json} is read and compiled once however many schemas refer to it.
   */
  private static final SchemaRegistry REGISTRY = registry();

  /** The record schemas, loaded on first use (a referral node needs only the message schemas). */
  private static final class Records {
    static final SchemaSet INSTANCE = new SchemaSet();
  }

  static SchemaSet get() {
    return Records.INSTANCE;
  }

  static String fileName(RecordType type) {
    return type.code().replace('_', '-');
  }

  /**
   * Loads one published schema from the classpath with every validator initialised, so a broken
   * {@code $ref} fails here rather than at the first document.
   *
   * @param name the path below the version folder without {@code .schema.json}, e.g. {@code
   *     casualty} or {@code message/ack}
   */
  static Schema load(String name) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of(BASE + name + ".schema.json"));
    schema.initializeValidators();
    return schema;
  }

  Schema submission() {
    return submission;
  }

  Schema ndjsonLine() {
    return ndjsonLine;
  }

  Schema record(RecordType type) {
    return Objects.requireNonNull(records.get(type));
  }

  /**
   * Returns true only if a record tree is certainly valid against its type's schema (networknt
   * would report nothing); false means networknt must be asked. See {@link AcceptingSchema}.
   */
  boolean certainlyValid(RecordType type, JsonNode record) {
    AcceptingSchema a = accepting.get(type);
    return a != null && a.accepts(record);
  }

  /** Returns the record types whose schema the fast path could compile. */
  Set<RecordType> compiledTypes() {
    return java.util.Collections.unmodifiableSet(accepting.keySet());
  }
}
