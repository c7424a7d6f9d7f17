package org.vansdk.core.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.submission.RecordType;
import tools.jackson.databind.JsonNode;

/**
 * Newline-delimited JSON for large submissions: one {@code {"type": "...", "record": {...}}} per
 * line. {@link #writeLine} writes one line; {@link #reader} reads a stream one line at a time in
 * bounded memory (each line at most the codec's document limit).
 *
 * @since 1.0
 */
public final class Ndjson {
  private Ndjson() {}

  /**
   * Writes one record as an NDJSON line, ending with {@code \n}.
   *
   * @param json the codec
   * @param record a model record
   * @param out the output, not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void writeLine(VanJson json, Object record, OutputStream out) {
    try {
      out.write(line(json, record));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns one record as an NDJSON line, ending with {@code \n}.
   *
   * @param json the codec
   * @param record a model record
   * @return the UTF-8 bytes of the line
   */
  public static byte[] line(VanJson json, Object record) {
    RecordType type = RecordType.of(record);
    byte[] head =
        ("{\"type\":\"" + type.code() + "\",\"record\":").getBytes(StandardCharsets.UTF_8);
    byte[] body = json.writeBytes(record);
    byte[] line = new byte[head.length + body.length + 2];
    System.arraycopy(head, 0, line, 0, head.length);
    System.arraycopy(body, 0, line, head.length, body.length);
    line[line.length - 2] = '}';
    line[line.length - 1] = '\n';
    return line;
  }

  /**
   * Decodes one NDJSON line.
   *
   * @param json the codec
   * @param line the line's bytes, without the newline
   * @param lineNumber the 1-based line number, used in errors
   * @return the record
   * @throws VanJsonException located at the line if malformed or not matching the model
   */
  public static NdjsonRecord decode(VanJson json, byte[] line, long lineNumber) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (VanJsonException e) {
      throw e.atLine(lineNumber, "");
    }
    if (node == null || !node.isObject()) {
      throw new VanJsonException(
          ErrorCode.JSON_MAPPING, "an NDJSON line must be an object", "", lineNumber, 1);
    }
    for (String name : node.propertyNames()) {
      if (!name.equals("type") && !name.equals("record") && json.isStrict()) {
        throw new VanJsonException(
            ErrorCode.JSON_MAPPING,
            "unknown property in an NDJSON line; allowed: record, type",
            "",
            lineNumber,
            1);
      }
    }
    JsonNode typeNode = node.get("type");
    JsonNode recordNode = node.get("record");
    if (typeNode == null || !typeNode.isString() || recordNode == null || !recordNode.isObject()) {
      throw new VanJsonException(
          ErrorCode.JSON_MAPPING,
          "an NDJSON line needs \"type\" (a string) and \"record\" (an object)",
          "",
          lineNumber,
          1);
    }
    RecordType type;
    try {
      type = RecordType.fromCode(typeNode.asString());
    } catch (VanException e) {
      throw new VanJsonException(e.code(), "unknown record type", "/type", lineNumber, 1);
    }
    try {
      Object record = json.mapper().treeToValue(recordNode, type.javaType());
      return new NdjsonRecord(lineNumber, type, record);
    } catch (tools.jackson.core.JacksonException e) {
      throw JsonErrors.translate(e).atLine(lineNumber, "/record");
    }
  }

  /**
   * Returns a reader of an NDJSON stream.
   *
   * @param json the codec (its document limit bounds each line)
   * @param in the input, closed by {@link NdjsonReader#close()}
   * @return the reader
   */
  public static NdjsonReader reader(VanJson json, InputStream in) {
    return new NdjsonReader(json, in);
  }

  static VanException io(IOException e) {
    return new VanException(
        ErrorCode.IO, "cannot read NDJSON stream: " + e.getClass().getSimpleName(), e);
  }
}
