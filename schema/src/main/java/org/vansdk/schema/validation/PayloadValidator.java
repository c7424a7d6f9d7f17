package org.vansdk.schema.validation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.vansdk.core.VanException;
import org.vansdk.core.internal.NdjsonLines;
import org.vansdk.core.json.JsonEncoding;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.RecordType;
import org.vansdk.core.submission.SchemaVersion;
import org.vansdk.schema.rule.RecordRules;
import org.vansdk.schema.rule.SubmissionRules;
import org.vansdk.schema.rule.TimelineRules;
import org.vansdk.schema.stream.IdIndex;
import tools.jackson.databind.JsonNode;

/**
 * Validates VAN payloads: a single record, a {@code Submission} or an NDJSON stream. The structural
 * layer checks the published JSON Schemas (loaded from the classpath only, format assertions on);
 * the semantic layer then checks the rules written in Java. Every problem is an issue in the
 * returned {@link ValidationReport}, located by JSON Pointer and by line and column; nothing about
 * the input is thrown, whatever it is. Hostile input (size, depth, long strings and numbers,
 * duplicate keys, trailing content, invalid UTF-8) is refused with one located issue within the
 * SDK's JSON limits.
 *
 * <p>The input is UTF-8 without a byte-order mark: UTF-16 and UTF-32 (with or without a mark) and
 * UTF-8 preceded by a mark are refused with {@link IssueCode#INVALID_ENCODING}, as JavaScript's
 * {@code JSON.parse} and Python's {@code json.loads} refuse the mark (see {@code JsonEncoding}).
 * Numbers must fit a 64-bit double; any number within that range is compared exactly, however
 * large. Issues never show input text that is not a word of the schemas: an unknown property's name
 * is shown as the pointer segment {@code (hidden)}, and a value is kept only when it is a code of
 * the schemas.
 *
 * <p>Immutable and thread-safe. Time comes from the injected {@link Clock} (for "not in the
 * future").
 *
 * @since 1.0
 */
public final class PayloadValidator {
  private static final int MAX_STREAM_ISSUES = 10_000;

  private final Clock clock;
  private final VanJson json;
  private final SchemaSet schemas;

  private PayloadValidator(Clock clock, VanJson json) {
    this.clock = clock;
    this.json = json;
    this.schemas = SchemaSet.get();
  }

  /** Returns a validator using the system clock in UTC. */
  public static PayloadValidator create() {
    return new PayloadValidator(Clock.systemUTC(), VanJson.strict());
  }

  /**
   * Returns a validator using a clock, e.g. a fixed one in tests.
   *
   * @param clock the clock giving "now"
   * @return the validator
   */
  public static PayloadValidator withClock(Clock clock) {
    return new PayloadValidator(Objects.requireNonNull(clock, "clock"), VanJson.strict());
  }

  /**
   * Validates a document whose kind is detected: a submission (it has {@code schemaVersion} or
   * {@code submissionId}), an NDJSON line ({@code type} and {@code record}) or a single record.
   *
   * @param document the JSON text
   * @return the report
   */
  public ValidationReport validate(String document) {
    return validate(document.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Validates a UTF-8 document whose kind is detected (see {@link #validate(String)}).
   *
   * @param document the bytes
   * @return the report
   */
  public ValidationReport validate(byte[] document) {
    return guarded(() -> detected(document));
  }

  private ValidationReport detected(byte[] document) {
    ParsedDocument parsed = ParsedDocument.parse(json, document);
    if (parsed.problem().isPresent()) {
      return ValidationReport.of(List.of(parsed.problem().get()));
    }
    JsonNode tree = parsed.tree().get();
    if (tree.isObject() && (tree.has("schemaVersion") || tree.has("submissionId"))) {
      return submission(document, tree);
    }
    if (tree.isObject() && tree.has("type") && tree.has("record")) {
      return ndjsonLine(document, tree, 0);
    }
    Optional<RecordType> type = RecordDetection.detect(tree);
    if (type.isEmpty()) {
      return ValidationReport.of(
          List.of(
              ValidationIssue.error(
                      IssueCode.UNKNOWN_RECORD_TYPE,
                      "",
                      "cannot tell which document this is; expected a Submission, an NDJSON line"
                          + " or a record of one of: "
                          + RecordDetection.allowed())
                  .at(1, 1)));
    }
    return record(document, tree, type.get());
  }

  /**
   * Reads a whole document from a stream (bounded by the SDK's size limit) and validates it as
   * {@link #validate(byte[])} does. The stream is not closed.
   *
   * @param in UTF-8 input
   * @return the report
   */
  public ValidationReport validate(InputStream in) {
    Object read = readBounded(in);
    if (read instanceof ValidationIssue) {
      return ValidationReport.of(List.of((ValidationIssue) read));
    }
    return validate((byte[]) read);
  }

  /**
   * Validates a file: NDJSON when its name ends with {@code .ndjson} or {@code .jsonl} (in any
   * case), otherwise one document.
   *
   * @param path the file
   * @return the report
   */
  public ValidationReport validate(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return isNdjson(path) ? validateNdjson(in) : validate(in);
    } catch (IOException e) {
      return ValidationReport.of(
          List.of(
              ValidationIssue.error(
                  IssueCode.UNREADABLE_INPUT,
                  "",
                  "cannot read the file "
                      + path.getFileName()
                      + ": "
                      + e.getClass().getSimpleName())));
    }
  }

  /**
   * Returns whether a file is read as NDJSON: its name ends with {@code .ndjson} or {@code .jsonl},
   * in any case. The {@code van validate} command makes the same choice.
   *
   * @param path the file
   * @return true for an NDJSON file
   */
  public static boolean isNdjson(Path path) {
    Path name = path.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".ndjson") || n.endsWith(".jsonl");
  }

  /**
   * Validates a document as a Submission.
   *
   * @param document the JSON text
   * @return the report
   */
  public ValidationReport validateSubmission(String document) {
    return validateSubmission(document.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Validates a UTF-8 document as a Submission.
   *
   * @param document the bytes
   * @return the report
   */
  public ValidationReport validateSubmission(byte[] document) {
    return guarded(
        () -> {
          ParsedDocument parsed = ParsedDocument.parse(json, document);
          if (parsed.problem().isPresent()) {
            return ValidationReport.of(List.of(parsed.problem().get()));
          }
          return submission(document, parsed.tree().get());
        });
  }

  /**
   * Validates a document as a record of a given type.
   *
   * @param type the record type
   * @param document the JSON text
   * @return the report
   */
  public ValidationReport validateRecord(RecordType type, String document) {
    return validateRecord(type, document.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Validates a UTF-8 document as a record of a given type.
   *
   * @param type the record type
   * @param document the bytes
   * @return the report
   */
  public ValidationReport validateRecord(RecordType type, byte[] document) {
    Objects.requireNonNull(type, "type");
    return guarded(
        () -> {
          ParsedDocument parsed = ParsedDocument.parse(json, document);
          if (parsed.problem().isPresent()) {
            return ValidationReport.of(List.of(parsed.problem().get()));
          }
          return record(document, parsed.tree().get(), type);
        });
  }

  /**
   * Validates a record held as a JSON tree in memory, such as one just built, without writing it
   * out and parsing it again. The checks are those of {@link #validateRecord(RecordType, byte[])}
   * on the tree's JSON text, with the same issues (code, severity, pointer, value, message), except
   * that: the issues carry no line and column (0), and the limits that guard the parser against
   * hostile text (document size, nesting depth, string and name lengths, encoding) are not checked,
   * since the tree is already in memory. The number rule is checked, and, as when parsing, a whole
   * decimal beyond a 64-bit integer in the tree is replaced by an integer of the same value.
   *
   * @param type the record type
   * @param record the record's tree, made of JSON values only (objects, arrays, strings, numbers,
   *     booleans, null), as Jackson reads or builds them
   * @return the report
   * @since 1.0
   */
  public ValidationReport validateRecord(RecordType type, JsonNode record) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(record, "record");
    return guarded(() -> ValidationReport.of(recordIssues(record, type)), false);
  }

  private static ValidationReport guarded(java.util.function.Supplier<ValidationReport> check) {
    return guarded(check, true);
  }

  private static ValidationReport guarded(
      java.util.function.Supplier<ValidationReport> check, boolean text) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      ValidationIssue issue = notCheckable(e);
      return ValidationReport.of(List.of(text ? issue.at(1, 1) : issue));
    }
  }

  /**
   * Validates an NDJSON stream ({@code {"type": ..., "record": {...}}} per line) in bounded memory:
   * each line is parsed, checked against its schema and the record rules, then dropped; references
   * across lines are checked against the identifiers seen. Issues carry the line number. At most
   * 10,000 issues are kept. The stream is not closed.
   *
   * @param in UTF-8 input
   * @return the report
   */
  public ValidationReport validateNdjson(InputStream in) {
    List<ValidationIssue> issues = new ArrayList<>();
    boolean[] truncated = {false};
    Consumer<ValidationIssue> sink =
        i -> {
          if (issues.size() < MAX_STREAM_ISSUES) {
            issues.add(i);
          } else {
            truncated[0] = true;
          }
        };
    IdIndex index = new IdIndex();
    TimelineRules timeline = TimelineRules.forStream();
    Instant now = clock.instant();
    RecordRules rules = new RecordRules(now);
    NdjsonLines lines = new NdjsonLines(in, json.limits().maxDocumentBytes());
    try {
      byte[] line;
      while ((line = lines.next()) != null) {
        long number = lines.lineNumber();
        if (lines.wasTooLong()) {
          sink.accept(
              ValidationIssue.error(
                      IssueCode.LIMIT_EXCEEDED,
                      "",
                      "NDJSON line longer than the limit of "
                          + json.limits().maxDocumentBytes()
                          + " bytes")
                  .at(number, 1));
          continue;
        }
        if (NdjsonLines.isBlank(line)) {
          continue;
        }
        JsonEncoding encoding = JsonEncoding.detect(line);
        if (!encoding.isWireFormat()) {
          boolean wholeStream = number == 1 && encoding != JsonEncoding.UTF_8_WITH_BOM;
          sink.accept(
              ValidationIssue.error(
                      IssueCode.INVALID_ENCODING,
                      "",
                      encoding.problem()
                          + (wholeStream ? "; the rest of the stream is not read" : ""))
                  .at(number, 1));
          if (wholeStream) {
            break;
          }
          continue;
        }
        try {
          checkLine(line, number, rules, timeline, index, sink);
        } catch (RuntimeException e) {
          sink.accept(notCheckable(e).at(number, 1));
        }
      }
    } catch (IOException e) {
      sink.accept(
          ValidationIssue.error(
              IssueCode.UNREADABLE_INPUT,
              "",
              "cannot read the NDJSON stream: " + e.getClass().getSimpleName()));
    }
    index.finish(sink);
    timeline.finish(sink);
    if (truncated[0]) {
      issues.add(
          ValidationIssue.warning(
              IssueCode.LIMIT_EXCEEDED,
              "",
              "more than " + MAX_STREAM_ISSUES + " issues; the rest are not listed"));
    }
    return ValidationReport.of(issues);
  }

  private void checkLine(
      byte[] line,
      long number,
      RecordRules rules,
      TimelineRules timeline,
      IdIndex index,
      Consumer<ValidationIssue> sink) {
    ParsedDocument parsed = ParsedDocument.parse(json, line);
    if (parsed.problem().isPresent()) {
      sink.accept(parsed.problem().get().at(number, parsed.problem().get().column()));
      return;
    }
    JsonNode tree = parsed.tree().get();
    List<ValidationIssue> found = new ArrayList<>();
    Numbers.check(tree, found);
    if (!found.isEmpty()) {
      Locator.locate(json, line, found, number).forEach(sink);
      return;
    }
    found.addAll(lineStructure(tree));
    Optional<RecordType> type = lineType(tree);
    if (type.isPresent() && tree.get("record").isObject()) {
      if (found.isEmpty()) {
        rules.check(type.get(), tree.get("record"), "/record", found::add);
        timeline.add(type.get(), tree.get("record"), number);
      }
      index.add(type.get(), tree.get("record"), number, found::add);
    }
    Locator.locate(json, line, found, number).forEach(sink);
  }

  /**
   * The issue for a document the validator failed on: never expected (the fuzz tests look for it),
   * but a report is owed for every input, and one document must not stop a batch or a stream.
   */
  static ValidationIssue notCheckable(RuntimeException e) {
    return ValidationIssue.error(
        IssueCode.NOT_CHECKABLE,
        "",
        "the validator failed on this document ("
            + e.getClass().getSimpleName()
            + "); it is not accepted. Please report this with the document's shape, not its data");
  }

  /**
   * Validates an NDJSON file.
   *
   * @param path the file
   * @return the report
   */
  public ValidationReport validateNdjson(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return validateNdjson(in);
    } catch (IOException e) {
      return ValidationReport.of(
          List.of(
              ValidationIssue.error(
                  IssueCode.UNREADABLE_INPUT,
                  "",
                  "cannot read the file "
                      + path.getFileName()
                      + ": "
                      + e.getClass().getSimpleName())));
    }
  }

  /**
   * The structural layer for an NDJSON line. A well-formed envelope (exactly {@code type}, a known
   * record type, and {@code record}, an object) is dispatched in Java to its record's own schema,
   * which is what the line schema's {@code if}/{@code then} branches select, without evaluating the
   * fifteen conditions and collecting their annotations. Anything else goes through the line
   * schema, so envelope errors are reported by it as before.
   */
  private List<ValidationIssue> lineStructure(JsonNode tree) {
    if (tree.isObject() && tree.size() == 2) {
      JsonNode record = tree.get("record");
      Optional<RecordType> type = lineType(tree);
      if (record != null && record.isObject() && type.isPresent()) {
        return recordStructure(type.get(), record, "/record");
      }
    }
    return StructuralLayer.validate(schemas.ndjsonLine(), tree);
  }

  /**
   * The structural layer for one record: the compiled fast path when it can tell the record is
   * valid, otherwise networknt, whose issues are the report (the fast path never rejects).
   */
  private List<ValidationIssue> recordStructure(RecordType type, JsonNode record, String prefix) {
    if (schemas.certainlyValid(type, record)) {
      return new ArrayList<>();
    }
    return StructuralLayer.validate(schemas.record(type), record, prefix);
  }

  private static Optional<RecordType> lineType(JsonNode tree) {
    JsonNode t = tree.get("type");
    if (t == null || !t.isString() || !tree.has("record")) {
      return Optional.empty();
    }
    try {
      return Optional.of(RecordType.fromCode(t.asString()));
    } catch (VanException e) {
      return Optional.empty();
    }
  }

  private ValidationReport ndjsonLine(byte[] document, JsonNode tree, long line) {
    List<ValidationIssue> issues = new ArrayList<>();
    Numbers.check(tree, issues);
    if (!issues.isEmpty()) {
      return ValidationReport.of(Locator.locate(json, document, issues, line));
    }
    issues.addAll(lineStructure(tree));
    Optional<RecordType> type = lineType(tree);
    if (issues.isEmpty() && type.isPresent() && tree.get("record").isObject()) {
      new RecordRules(clock.instant())
          .check(type.get(), tree.get("record"), "/record", issues::add);
    }
    return ValidationReport.of(Locator.locate(json, document, issues, line));
  }

  private ValidationReport record(byte[] document, JsonNode tree, RecordType type) {
    return ValidationReport.of(Locator.locate(json, document, recordIssues(tree, type), 0));
  }

  /** The issues of one record's tree, unlocated: the number rule, the schema, then the rules. */
  private List<ValidationIssue> recordIssues(JsonNode tree, RecordType type) {
    List<ValidationIssue> issues = new ArrayList<>();
    Numbers.check(tree, issues);
    if (!issues.isEmpty()) {
      return issues;
    }
    issues.addAll(recordStructure(type, tree, ""));
    if (issues.isEmpty()) {
      new RecordRules(clock.instant()).check(type, tree, "", issues::add);
    }
    return issues;
  }

  private ValidationReport submission(byte[] document, JsonNode tree) {
    List<ValidationIssue> issues = new ArrayList<>();
    boolean lenient = false;
    Optional<SchemaVersion> v = VersionIssues.of(tree);
    if (v.isPresent() && !v.get().isSupported()) {
      issues.add(VersionIssues.unsupported(v.get()));
      return ValidationReport.of(Locator.locate(json, document, issues, 0));
    }
    if (v.isPresent() && v.get().isNewerMinor()) {
      lenient = true;
      issues.add(
          VersionIssues.newerMinor(
              v.get(), "validated leniently: unknown properties and codes are warnings"));
    }
    Numbers.check(tree, issues);
    if (issues.stream().anyMatch(i -> i.code() == IssueCode.LIMIT_EXCEEDED)) {
      return ValidationReport.of(Locator.locate(json, document, issues, 0));
    }
    for (ValidationIssue i : StructuralLayer.validate(schemas.submission(), tree)) {
      boolean newer =
          i.code() == IssueCode.UNKNOWN_PROPERTY || i.code() == IssueCode.NOT_IN_CODE_LIST;
      issues.add(lenient && newer ? i.asWarning() : i);
    }
    if (issues.stream().anyMatch(i -> i.severity() == Severity.ERROR)) {
      // The semantic layer runs on structurally valid documents only, so each problem is
      // reported once, by the layer that owns it.
      return ValidationReport.of(Locator.locate(json, document, issues, 0));
    }
    Instant now = clock.instant();
    RecordRules rules = new RecordRules(now);
    rules.checkHeader(tree, issues::add);
    for (RecordDetection.ArrayOf a : RecordDetection.ARRAYS) {
      JsonNode records = tree.get(a.property());
      if (records == null || !records.isArray()) {
        continue;
      }
      for (int i = 0; i < records.size(); i++) {
        rules.check(a.type(), records.get(i), "/" + a.property() + "/" + i, issues::add);
      }
    }
    new SubmissionRules().check(tree, now, issues::add);
    return ValidationReport.of(Locator.locate(json, document, issues, 0));
  }

  private Object readBounded(InputStream in) {
    long max = json.limits().maxDocumentBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        if (out.size() > max) {
          return ValidationIssue.error(
                  IssueCode.LIMIT_EXCEEDED,
                  "",
                  "input exceeds a safety limit: document larger than " + max + " bytes")
              .at(1, 1);
        }
      }
    } catch (IOException e) {
      return ValidationIssue.error(
          IssueCode.UNREADABLE_INPUT, "", "cannot read the input: " + e.getClass().getSimpleName());
    }
    return out.toByteArray();
  }
}
