package org.vansdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vansdk.core.json.VanJson;
import org.vansdk.schema.validation.MessageValidator;
import org.vansdk.schema.validation.PayloadValidator;
import org.vansdk.schema.validation.Severity;
import org.vansdk.schema.validation.ValidationIssue;
import org.vansdk.schema.validation.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code van validate}: validates documents and NDJSON streams and lists located issues. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate VAN documents: a single record, a Submission, a referral protocol message, or an",
      "NDJSON stream (.ndjson/.jsonl, or detected from the first line). - reads standard input.",
      "Text output: file:line:col  CODE  /pointer  message, then a summary line"
          + " (\"\" is the pointer of the whole document)."
    },
    footer = {
      "",
      "Examples:",
      "  van validate submission.json",
      "  van validate --format json khm.ndjson > report.json",
      "  cat accept-message.json | van validate -"
    })
final class ValidateCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    json
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Documents or NDJSON streams; - for standard input.")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: text).")
  Format format;

  @Spec CommandSpec spec;

  /**
   * Writes the JSON report. Not the record codec, which leaves out empty values: the pointer of an
   * issue about the whole document is {@code ""} and must be written.
   */
  private static final JsonMapper REPORT_JSON = JsonMapper.builder().build();

  @ParentCommand Van van;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Input.requireStdinOnce(spec.commandLine(), files.toArray(new Path[0]));
    List<Input> inputs = new ArrayList<>();
    for (Path file : files) {
      inputs.add(Input.of(spec.commandLine(), file, van.stdin()));
    }
    int errors = 0;
    int warnings = 0;
    List<Map<String, Object>> fileReports = new ArrayList<>();
    for (Input file : inputs) {
      ValidationReport report = validate(file);
      errors += report.errors().size();
      warnings += report.warnings().size();
      if (format == Format.text) {
        for (ValidationIssue issue : report.issues()) {
          out.printf(
              "%s:%d:%d  %s  %s  %s%s%n",
              file,
              issue.line(),
              issue.column(),
              issue.code().code(),
              issue.pointer().isEmpty() ? "\"\"" : issue.pointer(),
              issue.severity() == Severity.WARNING ? "warning: " : "",
              issue.message());
        }
      } else {
        fileReports.add(jsonReport(file.name(), report));
      }
    }
    if (format == Format.text) {
      out.printf(
          "%d file%s checked: %d error%s, %d warning%s%n",
          files.size(),
          files.size() == 1 ? "" : "s",
          errors,
          errors == 1 ? "" : "s",
          warnings,
          warnings == 1 ? "" : "s");
    } else {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("files", fileReports);
      all.put("errors", errors);
      all.put("warnings", warnings);
      out.println(REPORT_JSON.writeValueAsString(all));
    }
    return errors > 0 ? Van.INPUT_PROBLEMS : Van.OK;
  }

  /**
   * Validates one input: NDJSON streams line by line in bounded memory (only the identifiers seen
   * are kept, for references across lines), referral protocol messages with the message schemas,
   * anything else as a record or Submission.
   */
  private static ValidationReport validate(Input file) throws IOException {
    try (Progress progress = Progress.start("lines", file.size());
        InputStream in = progress.watch(file.open())) {
      InputStream buffered = new java.io.BufferedInputStream(in, 1 << 16);
      if (file.namedNdjson() || Sniff.isNdjson(buffered)) {
        return PayloadValidator.create().validateNdjson(buffered);
      }
      long limit = VanJson.strict().limits().maxDocumentBytes();
      byte[] document = buffered.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (document.length <= limit && Sniff.isMessage(document)) {
        return MessageValidator.create().validate(document);
      }
      return PayloadValidator.create().validate(new java.io.ByteArrayInputStream(document));
    }
  }

  private static Map<String, Object> jsonReport(String file, ValidationReport report) {
    List<Map<String, Object>> issues = new ArrayList<>();
    for (ValidationIssue issue : report.issues()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", issue.code().code());
      m.put("severity", issue.severity().name().toLowerCase(java.util.Locale.ROOT));
      m.put("pointer", issue.pointer());
      m.put("line", issue.line());
      m.put("column", issue.column());
      issue.value().ifPresent(v -> m.put("value", v));
      m.put("message", issue.message());
      issues.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("valid", report.isValid());
    m.put("issues", issues);
    return m;
  }

  static boolean isNdjson(Path file) {
    return PayloadValidator.isNdjson(file);
  }
}
