package org.vansdk.referral.message;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the wire form of messages and stored records: strict JSON (duplicate keys and
 * trailing tokens refused, size and depth limits). Thread-safe.
 *
 * @since 1.0
 */
public final class MessageCodec {

  /** Largest message accepted, in bytes. */
  public static final int MAX_MESSAGE_BYTES = 1 << 20;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(64)
                          .maxStringLength(MAX_MESSAGE_BYTES)
                          .maxNumberLength(64)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private MessageCodec() {}

  /**
   * Parses JSON bytes into a tree.
   *
   * @throws IllegalArgumentException if the bytes are too large or not one strict JSON value; the
   *     message gives the location, never content
   */
  public static JsonNode parse(byte[] json) {
    if (json.length > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException(
          "message is " + json.length + " bytes; allowed: at most " + MAX_MESSAGE_BYTES);
    }
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "message is not strict JSON at "
              + (e.getLocation() == null
                  ? "unknown location"
                  : "line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()),
          e);
    }
  }

  /**
   * Parses JSON text into a tree.
   *
   * @throws IllegalArgumentException if the text is not one strict JSON value
   */
  public static JsonNode parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a tree as compact UTF-8 JSON. */
  public static byte[] toBytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  /** Writes a tree as compact JSON text. */
  public static String toText(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /** Writes a message's wire form as UTF-8 JSON (written once a message, a copy each call). */
  public static byte[] toBytes(Message message) {
    return message.wireBytes();
  }

  /** The length in bytes of a message's wire form ({@link #toBytes(Message)}), without a copy. */
  public static int byteLength(Message message) {
    return message.wireLength();
  }
}
