package org.vansdk.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.submission.SchemaVersion;
import org.vansdk.core.submission.Submission;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one entry point to the SDK's JSON: a configured Jackson 3 {@link JsonMapper} and read/write
 * methods for every document type. {@link #strict()} (the default) rejects unknown properties,
 * duplicate keys, trailing tokens, wrong types, nulls for required values and unknown codes, each
 * with a {@link VanJsonException} naming the JSON path; {@link #lenient()} ignores unknown
 * properties so a newer minor version can be read. Output omits absent and empty values and is
 * deterministic (properties in alphabetical order, same record, same bytes). Immutable and
 * thread-safe.
 *
 * @since 1.0
 */
public final class VanJson {
  private static final VanJson STRICT = new VanJson(JsonLimits.DEFAULT, true);
  private static final VanJson LENIENT = new VanJson(JsonLimits.DEFAULT, false);

  private final JsonMapper mapper;
  private final JsonLimits limits;
  private final boolean strict;

  private VanJson(JsonLimits limits, boolean strict) {
    this.limits = limits;
    this.strict = strict;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxDocumentLength(limits.maxDocumentBytes())
                    .maxNestingDepth(limits.maxNestingDepth())
                    .maxStringLength(limits.maxStringLength())
                    .maxNumberLength(limits.maxNumberLength())
                    .maxNameLength(limits.maxNameLength())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper =
        JsonMapper.builder(factory)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .changeDefaultPropertyInclusion(
                incl ->
                    incl.withValueInclusion(JsonInclude.Include.NON_EMPTY)
                        .withContentInclusion(JsonInclude.Include.NON_EMPTY))
            .build();
  }

  /** Returns the strict codec (the default): unknown properties are errors. */
  public static VanJson strict() {
    return STRICT;
  }

  /** Returns the lenient codec: unknown properties (of a newer minor version) are ignored. */
  public static VanJson lenient() {
    return LENIENT;
  }

  /**
   * Returns a codec with other safety limits.
   *
   * @param limits the limits
   * @return a strict or lenient codec like this one, with those limits
   */
  public VanJson withLimits(JsonLimits limits) {
    return new VanJson(limits, strict);
  }

  /** Returns the safety limits applied when reading. */
  public JsonLimits limits() {
    return limits;
  }

  /** Returns whether unknown properties are errors. */
  public boolean isStrict() {
    return strict;
  }

  /** Returns the configured mapper, for streaming or tree use by other modules. */
  public JsonMapper mapper() {
    return mapper;
  }

  /**
   * Reads a document of a model type from text.
   *
   * @param json the document
   * @param type the model type, e.g. {@code Casualty.class}
   * @param <T> the type
   * @return the record
   * @throws VanJsonException if malformed, over a limit, or not matching the type
   */
  public <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JacksonException e) {
      throw JsonErrors.translate(e);
    } catch (NumberFormatException e) {
      throw JsonErrors.numberOutOfRange();
    }
  }

  /**
   * Reads a document of a model type from UTF-8 bytes.
   *
   * @param json the document
   * @param type the model type
   * @param <T> the type
   * @return the record
   * @throws VanJsonException if malformed (including invalid UTF-8, and {@code VAN-C-0013} for
   *     input in another encoding: see {@link JsonEncoding}), over a limit, or not matching
   */
  public <T> T read(byte[] json, Class<T> type) {
    requireWireEncoding(json, json.length);
    try {
      return mapper.readValue(json, type);
    } catch (JacksonException e) {
      throw JsonErrors.translate(e);
    } catch (NumberFormatException e) {
      throw JsonErrors.numberOutOfRange();
    }
  }

  /**
   * Reads a document of a model type from a stream, which is not closed.
   *
   * @param in the UTF-8 input
   * @param type the model type
   * @param <T> the type
   * @return the record
   * @throws VanJsonException if malformed, over a limit, or not matching the type
   */
  public <T> T read(InputStream in, Class<T> type) {
    InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
    try {
      buffered.mark(4);
      byte[] head = buffered.readNBytes(4);
      buffered.reset();
      requireWireEncoding(head, head.length);
      return mapper.readValue(buffered, type);
    } catch (JacksonException e) {
      throw JsonErrors.translate(e);
    } catch (NumberFormatException e) {
      throw JsonErrors.numberOutOfRange();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a document of a model type from a file.
   *
   * @param path the file
   * @param type the model type
   * @param <T> the type
   * @return the record
   * @throws VanJsonException if malformed, over a limit, or not matching the type
   * @throws org.vansdk.core.VanException {@code VAN-C-0012} if the file cannot be read
   */
  public <T> T read(Path path, Class<T> type) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, type);
    } catch (IOException e) {
      throw JsonErrors.io(path, e);
    }
  }

  /**
   * Reads a JSON tree with the same limits and strictness on syntax (duplicate keys, trailing
   * tokens).
   *
   * @param json the document
   * @return the tree
   * @throws VanJsonException if malformed (including input not in UTF-8, see {@link JsonEncoding})
   *     or over a limit
   */
  public JsonNode readTree(byte[] json) {
    requireWireEncoding(json, json.length);
    try {
      return mapper.readTree(json);
    } catch (JacksonException e) {
      throw JsonErrors.translate(e);
    } catch (NumberFormatException e) {
      throw JsonErrors.numberOutOfRange();
    }
  }

  private static void requireWireEncoding(byte[] head, int length) {
    JsonEncoding encoding = JsonEncoding.detect(head, 0, length);
    if (!encoding.isWireFormat()) {
      throw new VanJsonException(ErrorCode.INVALID_ENCODING, encoding.problem(), "", 1, 1);
    }
  }

  /**
   * Reads a submission, refusing an unknown major version. A newer minor must be read with {@link
   * #lenient()}.
   *
   * @param json the document
   * @return the submission
   * @throws VanJsonException if malformed or not matching the model
   * @throws org.vansdk.core.VanException {@code VAN-C-0011} if the major version is not supported
   */
  public Submission readSubmission(byte[] json) {
    JsonNode tree = readTree(json);
    JsonNode version = tree.path("schemaVersion");
    if (version.isString()) {
      SchemaVersion.parse(version.asString()).requireSupported();
    }
    return read(json, Submission.class);
  }

  /**
   * Writes a record or submission as compact JSON.
   *
   * @param value a model object
   * @return the JSON text
   */
  public String write(Object value) {
    return mapper.writeValueAsString(value);
  }

  /**
   * Writes a record or submission as compact UTF-8 JSON.
   *
   * @param value a model object
   * @return the bytes
   */
  public byte[] writeBytes(Object value) {
    return mapper.writeValueAsBytes(value);
  }

  /**
   * Writes a record or submission as indented JSON, for people.
   *
   * @param value a model object
   * @return the JSON text
   */
  public String writePretty(Object value) {
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
  }

  /**
   * Writes a record or submission to a stream, which is not closed.
   *
   * @param value a model object
   * @param out the output
   * @throws UncheckedIOException if writing fails
   */
  public void write(Object value, OutputStream out) {
    try {
      out.write(writeBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
