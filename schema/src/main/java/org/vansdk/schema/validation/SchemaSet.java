package org.vansdk.schema.validation;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.EnumMap;
import java.util.Map;
import org.vansdk.core.submission.RecordType;

/**
 * The published schemas, loaded once from the classpath (never from the network) with format
 * assertions on and every {@code $ref} resolved at load time.
 */
final class SchemaSet {
  static final String BASE = "https://schemas.vansdk.org/1.0/";
  static final String CLASSPATH = "classpath:org/vansdk/schema/1.0/";

  private static final SchemaSet INSTANCE = new SchemaSet();

  private final Schema submission;
  private final Schema ndjsonLine;
  private final Map<RecordType, Schema> records = new EnumMap<>(RecordType.class);

  private SchemaSet() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b ->
                b.schemaRegistryConfig(config)
                    .schemaIdResolvers(r -> r.mapPrefix(BASE, CLASSPATH)));
    submission = load(registry, "submission");
    ndjsonLine = load(registry, "ndjson-line");
    for (RecordType type : RecordType.values()) {
      records.put(type, load(registry, fileName(type)));
    }
  }

  static SchemaSet get() {
    return INSTANCE;
  }

  static String fileName(RecordType type) {
    return type.code().replace('_', '-');
  }

  private static Schema load(SchemaRegistry registry, String name) {
    Schema schema = registry.getSchema(SchemaLocation.of(BASE + name + ".schema.json"));
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
    return records.get(type);
  }
}
