package org.vansdk.schema.validation;

import java.util.Optional;
import org.vansdk.core.VanException;
import org.vansdk.core.submission.SchemaVersion;
import tools.jackson.databind.JsonNode;

/**
 * The issues about a document's {@code schemaVersion} shared by every validator: a major this SDK
 * does not read, and a newer minor. A version that is missing or malformed is left to the schema.
 */
final class VersionIssues {
  private VersionIssues() {}

  /**
   * Returns the parsed version at {@code /schemaVersion}, if it is a string of form major.minor.
   */
  static Optional<SchemaVersion> of(JsonNode document) {
    JsonNode version = document.get("schemaVersion");
    if (version == null || !version.isString()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SchemaVersion.parse(version.asString()));
    } catch (VanException e) {
      return Optional.empty();
    }
  }

  /** The error for a major version this SDK does not read, listing the supported majors. */
  static ValidationIssue unsupported(SchemaVersion v) {
    return ValidationIssue.error(
            IssueCode.UNSUPPORTED_VERSION,
            "/schemaVersion",
            "schemaVersion major "
                + v.major()
                + " is not supported; supported majors: "
                + SchemaVersion.SUPPORTED_MAJORS
                + " (current "
                + SchemaVersion.CURRENT_TEXT
                + ")")
        .withValue(v.toString());
  }

  /**
   * The warning for a newer minor version.
   *
   * @param v the version
   * @param treatment what the validator does about it, e.g. "unknown properties and codes are
   *     warnings"
   */
  static ValidationIssue newerMinor(SchemaVersion v, String treatment) {
    return ValidationIssue.warning(
            IssueCode.NEWER_MINOR_VERSION,
            "/schemaVersion",
            "schemaVersion "
                + v
                + " is newer than "
                + SchemaVersion.CURRENT_TEXT
                + "; "
                + treatment)
        .withValue(v.toString());
  }
}
