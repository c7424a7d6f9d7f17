package org.vansdk.hub.submission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.internal.NdjsonLines;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.NdjsonRecord;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.json.VanJsonException;
import org.vansdk.core.submission.RecordType;
import org.vansdk.hub.web.HubException;
import org.vansdk.schema.validation.IssueCode;
import org.vansdk.schema.validation.PayloadValidator;
import org.vansdk.schema.validation.Severity;
import org.vansdk.schema.validation.ValidationIssue;
import org.vansdk.schema.validation.ValidationReport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a de-identified release line by line, never holding more than one line: each line is
 * validated by the schema module (its schema and record rules), decoded, and checked to be a
 * de-identified casualty of the focal point's country; accepted lines go to a sink (the store's
 * open transaction, or nowhere for a dry run). The result is the receipt. A body that breaks, runs
 * past the limit, or ends in a cut-off line is refused as a whole. Not thread-safe; one per upload.
 */
final class ReleaseReader {
  /** The longest line kept: a de-identified casualty is well under a kilobyte. */
  static final int MAX_LINE_BYTES = 64 << 10;

  /** Where accepted lines go. */
  interface Sink {
    /**
     * Takes one accepted line.
     *
     * @param line the 1-based line number
     * @param casualty the decoded record
     * @param content the line as received, without its ending
     */
    void accept(long line, DeidentifiedCasualty casualty, byte[] content);
  }

  private final PayloadValidator validator;
  private final VanJson json;
  private final String country;
  private final Set<String> regionalPseudonyms;
  private final List<Receipt.Issue> issues = new ArrayList<>();
  private boolean truncated;
  private boolean warned;
  private long imported;
  private long updated;
  private long ignored;
  private long rejected;

  /**
   * @param validator the payload validator
   * @param json the codec records are decoded with
   * @param country the focal point's country (ISO alpha-3)
   * @param regionalPseudonyms the pseudonyms of the country's current regional release
   */
  ReleaseReader(
      PayloadValidator validator, VanJson json, String country, Set<String> regionalPseudonyms) {
    this.validator = validator;
    this.json = json;
    this.country = country;
    this.regionalPseudonyms = regionalPseudonyms;
  }

  /**
   * Reads the whole body.
   *
   * @throws HubException {@code VAN-H-0102} or {@code VAN-H-0103} if the body did not arrive whole
   *     or is too large
   */
  Receipt read(String submission, boolean dryRun, Body body, Sink sink) {
    NdjsonLines lines = new NdjsonLines(body, MAX_LINE_BYTES);
    boolean lastRejected = false;
    try {
      for (byte[] line = lines.next(); line != null; line = lines.next()) {
        long n = lines.lineNumber();
        long before = rejected;
        if (lines.wasTooLong()) {
          reject(n, "", IssueCode.LIMIT_EXCEEDED.code());
        } else if (NdjsonLines.isBlank(line)) {
          ignored++;
        } else {
          line(n, line, sink);
        }
        lastRejected = rejected > before;
      }
    } catch (IOException e) {
      throw body.refusal(e);
    }
    body.checkComplete();
    if (lastRejected && body.count() > 0 && !body.endsWithNewline()) {
      throw new HubException(
          400,
          SubmissionErrors.BODY_NOT_RECEIVED,
          "the last line (line "
              + lines.lineNumber()
              + ") is cut off: it is not a whole record and no line end follows it; nothing was"
              + " stored, send the release again");
    }
    if (imported + updated + rejected == 0) {
      reject(0, "", SubmissionErrors.EMPTY.value());
    }
    Receipt.Status status =
        rejected > 0 ? Receipt.Status.ERROR : warned ? Receipt.Status.WARNING : Receipt.Status.OK;
    return new Receipt(
        submission,
        country,
        Receipt.Kind.RELEASE,
        dryRun,
        status,
        body.hash(),
        new Receipt.Counts(imported, updated, ignored, rejected),
        issues,
        truncated);
  }

  private void line(long n, byte[] line, Sink sink) {
    JsonNode tree = parse(line);
    boolean typed = tree != null && tree.isObject() && tree.has("type") && tree.has("record");
    ValidationReport report =
        typed
            ? validator.validateNdjson(new ByteArrayInputStream(line))
            : validator.validateRecord(RecordType.DEIDENTIFIED_CASUALTY, line);
    boolean bad = false;
    for (ValidationIssue i : report.issues()) {
      boolean error = i.severity() == Severity.ERROR;
      bad |= error;
      warned |= !error;
      issue(new Receipt.Issue(n, i.pointer(), i.code().code(), error));
    }
    if (bad || tree == null) {
      rejected++;
      return;
    }
    String prefix = typed ? "/record" : "";
    DeidentifiedCasualty casualty;
    try {
      casualty = decode(tree, typed, line, n);
    } catch (VanException e) {
      // The validator accepts what the model reads; this is a second line of defence.
      reject(n, e instanceof VanJsonException j ? j.pointer() : prefix, e.code().value());
      return;
    }
    if (casualty == null) {
      reject(n, "/type", SubmissionErrors.NOT_A_DEIDENTIFIED_CASUALTY.value());
      return;
    }
    if (!casualty.country().code().equals(country)) {
      reject(n, prefix + "/country", SubmissionErrors.OTHER_COUNTRY.value());
      return;
    }
    if (regionalPseudonyms.contains(casualty.pseudonym())) {
      updated++;
    } else {
      imported++;
    }
    sink.accept(n, casualty, line);
  }

  /** The line's JSON tree, or null if it is not JSON (the validator locates the problem). */
  private @Nullable JsonNode parse(byte[] line) {
    try {
      return json.readTree(line);
    } catch (VanException e) {
      return null;
    }
  }

  /**
   * A line as a de-identified casualty: a bare record, as the anonymisation module writes a
   * release, or a typed line ({@code {"type": "deidentified_casualty", "record": ...}}); null for a
   * typed line of another type.
   */
  private @Nullable DeidentifiedCasualty decode(JsonNode tree, boolean typed, byte[] line, long n) {
    if (typed) {
      NdjsonRecord r = Ndjson.decode(json, line, n);
      return r.type() == RecordType.DEIDENTIFIED_CASUALTY ? r.as(DeidentifiedCasualty.class) : null;
    }
    try {
      return json.mapper().treeToValue(tree, DeidentifiedCasualty.class);
    } catch (JacksonException e) {
      throw new VanJsonException(ErrorCode.JSON_MAPPING, "not a de-identified casualty", "", n, 1);
    }
  }

  private void reject(long line, String pointer, String code) {
    rejected++;
    issue(new Receipt.Issue(line, pointer, code, true));
  }

  private void issue(Receipt.Issue issue) {
    if (issues.size() < Receipt.MAX_ISSUES) {
      issues.add(issue);
    } else {
      truncated = true;
    }
  }
}
