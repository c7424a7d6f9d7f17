package org.vansdk.referral.node;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vansdk.referral.message.MessageType;
import tools.jackson.databind.JsonNode;

/**
 * The message JSON Schemas (draft 2020-12, {@code $id}
 * https://schemas.vansdk.org/1.0/message/&lt;type&gt;.schema.json), loaded once from this module's
 * classpath resources with format assertions on; the validator never fetches a URL. Problems name
 * the JSON Pointer and the rule broken, never the value.
 */
final class MessageSchemas implements MessageValidation {

  static final String BASE = "https://schemas.vansdk.org/1.0/message/";
  static final String CLASSPATH = "classpath:org/vansdk/referral/schema/1.0/";
  private static final int MAX_PROBLEMS = 10;

  private static final MessageSchemas INSTANCE = new MessageSchemas();

  private final Map<MessageType, Schema> schemas = new EnumMap<>(MessageType.class);

  private MessageSchemas() {
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
    for (MessageType type : MessageType.values()) {
      Schema schema = registry.getSchema(SchemaLocation.of(BASE + fileName(type)));
      schema.initializeValidators();
      schemas.put(type, schema);
    }
  }

  static MessageSchemas instance() {
    return INSTANCE;
  }

  /** The schema file name of a message type, e.g. {@code referral-request.schema.json}. */
  static String fileName(MessageType type) {
    return type.code().replace('_', '-') + ".schema.json";
  }

  @Override
  public List<String> validate(JsonNode message) {
    Optional<MessageType> type = MessageType.parse(message.path("type").asString(""));
    if (type.isEmpty()) {
      return List.of(
          "/type: not a message type; allowed: "
              + Stream.of(MessageType.values())
                  .map(MessageType::code)
                  .collect(Collectors.joining(", ")));
    }
    List<Error> errors = schemas.get(type.get()).validate(message);
    List<String> problems = new ArrayList<>();
    for (Error e : errors) {
      if (problems.size() == MAX_PROBLEMS) {
        problems.add("… " + (errors.size() - MAX_PROBLEMS) + " more");
        break;
      }
      String pointer = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
      String property = e.getProperty() == null ? "" : " '" + e.getProperty() + "'";
      problems.add((pointer.isEmpty() ? "/" : pointer) + ": " + e.getKeyword() + property);
    }
    return problems;
  }
}
