package org.vansdk.schema.validation;

import com.networknt.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.SchemaVersion;
import tools.jackson.databind.JsonNode;

/**
 * Validates referral protocol messages (the envelope and the 21 message types of the referral
 * protocol, module van-referral) against the published message schemas {@code
 * https://schemas.vansdk.org/1.0/message/<type>.schema.json}: the envelope and the payload of the
 * message's type. The schemas are read from this module's classpath only (no URL is ever fetched),
 * compiled once with format assertions on, and shared by every instance. Other languages use the
 * one file {@code message/message.schema.json}, which selects the schema of each type; this class
 * makes the same choice in Java (a message whose type is unknown is checked against the envelope
 * alone), and gives the same verdicts.
 *
 * <p>Every problem is a {@link ValidationIssue} with a stable {@link IssueCode} and the JSON
 * Pointer of the offending member; issues never carry the offending value (only a {@code
 * schemaVersion} is quoted), since messages carry personal data. A major {@code schemaVersion} this
 * SDK does not read gives one {@link IssueCode#UNSUPPORTED_VERSION} error naming the supported
 * majors; a newer minor gives a {@link IssueCode#NEWER_MINOR_VERSION} warning and is otherwise
 * validated as 1.0. The message schemas leave objects open, so members added by a later minor
 * version are accepted; codes outside a code list are errors, because a receiver cannot act on
 * them.
 *
 * <p>Signatures, payload hashes, sequence numbers and state transitions are checked by the referral
 * node, not here: this is the structural check that runs on receipt before them.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class MessageValidator {
  private static final String FOLDER = "message/";

  /** The schemas, keyed by message type code; loaded when this class is first used. */
  private static final Map<String, Schema> BY_TYPE;

  /** The message type codes, in the order of the envelope schema's {@code type} enum. */
  private static final List<String> TYPES;

  /**
   * The envelope schema, for messages whose type is missing or not a known code, and for values
   * that are not objects: what {@code message.schema.json} reports for them, each problem once.
   */
  private static final Schema ENVELOPE;

  static {
    Schema envelope = SchemaSet.load(FOLDER + "envelope");
    List<String> types = new ArrayList<>();
    envelope
        .getSchemaNode()
        .path("properties")
        .path("type")
        .path("enum")
        .forEach(t -> types.add(t.asString()));
    Map<String, Schema> byType = new HashMap<>();
    for (String type : types) {
      byType.put(type, SchemaSet.load(FOLDER + fileName(type)));
    }
    BY_TYPE = Map.copyOf(byType);
    TYPES = List.copyOf(types);
    ENVELOPE = envelope;
  }

  private static final MessageValidator INSTANCE = new MessageValidator(VanJson.strict());

  private final VanJson json;

  private MessageValidator(VanJson json) {
    this.json = json;
  }

  /**
   * Returns the validator. The message schemas are loaded on the first call (a broken schema fails
   * here, with an unchecked exception, not on the first message).
   *
   * @return the shared validator
   */
  public static MessageValidator create() {
    return INSTANCE;
  }

  /**
   * Returns the message type codes the schemas define, e.g. {@code referral_request}, in the order
   * of the envelope schema.
   *
   * @return the codes, unmodifiable
   */
  public List<String> types() {
    return TYPES;
  }

  /**
   * Returns the schema file name of a message type below the version folder, e.g. {@code
   * message/referral-request.schema.json} for {@code referral_request}.
   *
   * @param type a message type code
   * @return the relative file name
   */
  public static String schemaFile(String type) {
    return FOLDER + fileName(type) + ".schema.json";
  }

  private static String fileName(String type) {
    return type.replace('_', '-');
  }

  /**
   * Validates a parsed message. Issues have no line and column (the tree has none). The tree is not
   * changed.
   *
   * @param message the message, any JSON value
   * @return the report; valid when it has no error
   */
  public ValidationReport validate(JsonNode message) {
    Objects.requireNonNull(message, "message");
    try {
      // the number rule changes the tree it fixes; the caller's tree is left as it was
      JsonNode tree = Numbers.needsWork(message) ? message.deepCopy() : message;
      List<ValidationIssue> issues = new ArrayList<>();
      Numbers.check(tree, issues);
      return ValidationReport.of(issues.isEmpty() ? issues(tree) : issues);
    } catch (RuntimeException e) {
      return ValidationReport.of(List.of(PayloadValidator.notCheckable(e)));
    }
  }

  /**
   * Parses a UTF-8 message strictly (the SDK's size, depth and length limits; duplicate keys and
   * trailing content refused) and validates it. Issues are located by line and column.
   *
   * @param message the bytes
   * @return the report; valid when it has no error
   */
  public ValidationReport validate(byte[] message) {
    try {
      ParsedDocument parsed = ParsedDocument.parse(json, message);
      if (parsed.problem().isPresent()) {
        return ValidationReport.of(List.of(parsed.problem().get()));
      }
      JsonNode tree = parsed.tree().get();
      List<ValidationIssue> issues = new ArrayList<>();
      Numbers.check(tree, issues);
      if (issues.isEmpty()) {
        issues = issues(tree);
      }
      return ValidationReport.of(Locator.locate(json, message, issues, 0));
    } catch (RuntimeException e) {
      return ValidationReport.of(List.of(notCheckableAt(e)));
    }
  }

  /**
   * Validates a message given as JSON text (see {@link #validate(byte[])}).
   *
   * @param message the text
   * @return the report; valid when it has no error
   */
  public ValidationReport validate(String message) {
    return validate(message.getBytes(StandardCharsets.UTF_8));
  }

  private static ValidationIssue notCheckableAt(RuntimeException e) {
    return PayloadValidator.notCheckable(e).at(1, 1);
  }

  private static List<ValidationIssue> issues(JsonNode message) {
    Objects.requireNonNull(message, "message");
    List<ValidationIssue> issues = new ArrayList<>(0);
    if (message.isObject()) {
      Optional<SchemaVersion> version = VersionIssues.of(message);
      if (version.isPresent() && !version.get().isSupported()) {
        issues.add(VersionIssues.unsupported(version.get()));
        return issues;
      }
      if (version.isPresent() && version.get().isNewerMinor()) {
        issues.add(
            VersionIssues.newerMinor(
                version.get(),
                "validated against the "
                    + SchemaVersion.CURRENT_TEXT
                    + " schemas, which accept new members; unknown codes are errors"));
      }
    }
    JsonNode type = message.get("type");
    Schema schema =
        message.isObject() && type != null && type.isString() ? BY_TYPE.get(type.asString()) : null;
    issues.addAll(
        StructuralLayer.validateWithoutValues(schema == null ? ENVELOPE : schema, message));
    return issues;
  }
}
