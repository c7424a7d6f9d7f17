package org.vansdk.schema.validation;

import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.SchemaVersion;
import tools.jackson.databind.JsonNode;

/**
 * Validates a network trust list against the published schema {@code
 * https://schemas.vansdk.org/1.0/trust-list.schema.json}: the structure only (members, forms, code
 * values, which members go together). The operator signatures, the version order and the rules
 * across members (an organisation's country is its id's prefix, key ids are unique) are checked by
 * the trust list reader of {@code van-transport}, which runs this check first.
 *
 * <p>Every problem is a {@link ValidationIssue} with a stable {@link IssueCode} and the JSON
 * Pointer of the offending member. A trust list holds no personal data, so issues may quote the
 * offending value. Immutable and thread-safe.
 */
public final class TrustListValidator {

  private static final Schema SCHEMA = SchemaSet.load("trust-list");

  private static final TrustListValidator INSTANCE = new TrustListValidator(VanJson.strict());

  private final VanJson json;

  private TrustListValidator(VanJson json) {
    this.json = json;
  }

  /**
   * Returns the validator; the schema is loaded on the first call.
   *
   * @return the shared validator
   */
  public static TrustListValidator create() {
    return INSTANCE;
  }

  /**
   * Parses a UTF-8 trust list strictly (the SDK's size, depth and length limits; duplicate keys and
   * trailing content refused) and validates it. Issues are located by line and column.
   *
   * @param document the bytes
   * @return the report; valid when it has no error
   */
  public ValidationReport validate(byte[] document) {
    Objects.requireNonNull(document, "document");
    try {
      ParsedDocument parsed = ParsedDocument.parse(json, document);
      if (parsed.problem().isPresent()) {
        return ValidationReport.of(List.of(parsed.problem().get()));
      }
      JsonNode tree = parsed.tree().get();
      List<ValidationIssue> issues = new ArrayList<>();
      Numbers.check(tree, issues);
      if (issues.isEmpty()) {
        issues = issues(tree);
      }
      return ValidationReport.of(Locator.locate(json, document, issues, 0));
    } catch (RuntimeException e) {
      return ValidationReport.of(List.of(PayloadValidator.notCheckable(e).at(1, 1)));
    }
  }

  /**
   * Validates a parsed trust list. Issues have no line and column (the tree has none). The tree is
   * not changed.
   *
   * @param document the trust list, any JSON value
   * @return the report; valid when it has no error
   */
  public ValidationReport validate(JsonNode document) {
    Objects.requireNonNull(document, "document");
    try {
      // the number rule changes the tree it fixes; the caller's tree is left as it was
      JsonNode tree = Numbers.needsWork(document) ? document.deepCopy() : document;
      List<ValidationIssue> issues = new ArrayList<>();
      Numbers.check(tree, issues);
      return ValidationReport.of(issues.isEmpty() ? issues(tree) : issues);
    } catch (RuntimeException e) {
      return ValidationReport.of(List.of(PayloadValidator.notCheckable(e)));
    }
  }

  private static List<ValidationIssue> issues(JsonNode document) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (document.isObject()) {
      Optional<SchemaVersion> version = VersionIssues.of(document);
      if (version.isPresent() && !version.get().isSupported()) {
        issues.add(VersionIssues.unsupported(version.get()));
        return issues;
      }
    }
    issues.addAll(StructuralLayer.validate(SCHEMA, document));
    return issues;
  }
}
