package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.MessageType;
import org.vansdk.schema.validation.MessageValidator;

/**
 * The message schemas live in van-schema, which cannot see {@link MessageType}; this cross-check
 * does: the schema files, the validator's types and the message samples of van-schema's tests are
 * exactly the protocol's message types. Reads van-schema's source folders (the build runs each
 * module's tests from its own folder).
 */
class MessageSchemaFilesTest {
  private static final Path SCHEMA_MODULE = Path.of("..", "schema", "src");
  private static final Path MESSAGE_SCHEMAS =
      SCHEMA_MODULE.resolve("main/resources/org/vansdk/schema/1.0/message");
  private static final Path MESSAGE_SAMPLES =
      SCHEMA_MODULE.resolve("test/resources/org/vansdk/schema/message");

  private static Set<String> codes() {
    return Stream.of(MessageType.values())
        .map(MessageType::code)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void schemaFiles_areExactlyOnePerMessageType_plusEnvelopeAndDispatcher() throws IOException {
    Set<String> expected = new TreeSet<>(Set.of("envelope.schema.json", "message.schema.json"));
    for (String code : codes()) {
      expected.add(Path.of(MessageValidator.schemaFile(code)).getFileName().toString());
    }
    Set<String> files;
    try (Stream<Path> list = Files.list(MESSAGE_SCHEMAS)) {
      files =
          list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(expected, files);
  }

  @Test
  void validatorTypes_areTheMessageTypes() {
    assertEquals(codes(), new TreeSet<>(MessageValidator.create().types()));
  }

  @ParameterizedTest
  @EnumSource(MessageType.class)
  void schemaSample_isReadByTheProtocolModel(MessageType type) throws IOException {
    byte[] sample =
        Files.readAllBytes(MESSAGE_SAMPLES.resolve(type.code().replace('_', '-') + ".json"));
    Message m = Message.fromJson(MessageCodec.parse(sample));
    assertEquals(type, m.envelope().type());
    assertEquals(
        Message.payloadHash(m.payload()), m.payloadSha256(), "payloadSha256 of the sample");
    assertEquals(List.of(), MessageSchemas.instance().validate(MessageCodec.parse(sample)));
  }
}
