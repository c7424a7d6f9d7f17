package org.vansdk.hub.submission;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer to a submission, in the manner of a DHIS2 import summary: what was submitted, the
 * status, the import counts and the located issues (line, JSON Pointer, code; never input text). A
 * pure function of the content and of the country's regional release at the time, so the same
 * content gives the same receipt. Immutable.
 *
 * @param submission the submission id
 * @param country the focal point's country
 * @param kind what was submitted
 * @param dryRun whether nothing was stored
 * @param status the outcome
 * @param contentHash the SHA-256 of the body, {@code sha256:} then hex
 * @param counts the import counts
 * @param issues the located issues, at most {@link #MAX_ISSUES}
 * @param issuesTruncated whether issues were left out
 */
record Receipt(
    String submission,
    String country,
    Kind kind,
    boolean dryRun,
    Status status,
    String contentHash,
    Counts counts,
    List<Issue> issues,
    boolean issuesTruncated) {

  /** The most issues a receipt lists; the counts still count every rejected record. */
  static final int MAX_ISSUES = 1000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  Receipt {
    issues = List.copyOf(issues);
  }

  /** What a submission holds. */
  enum Kind {
    /** A de-identified release: DeidentifiedCasualty NDJSON. */
    RELEASE("release"),
    /** An indicator table: SDMX-CSV 2.0 of the indicator dataflow. */
    INDICATOR_TABLE("indicatorTable");

    final String code;

    Kind(String code) {
      this.code = code;
    }

    static Kind fromCode(String code) {
      for (Kind k : values()) {
        if (k.code.equals(code)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown submission kind " + code);
    }
  }

  /** The outcome, as DHIS2 names it. */
  enum Status {
    /** Every record is accepted. */
    OK,
    /** Every record is accepted, with warnings. */
    WARNING,
    /** At least one record is rejected, or there is none: nothing is accepted. */
    ERROR
  }

  /**
   * The import counts.
   *
   * @param imported records new to the country's regional dataset
   * @param updated records whose pseudonym is in the country's current regional release
   * @param ignored blank lines
   * @param rejected records with an error
   */
  record Counts(long imported, long updated, long ignored, long rejected) {}

  /**
   * A located issue.
   *
   * @param line the 1-based line (row for a table), 0 for the whole body
   * @param pointer the JSON Pointer in the line, empty for the whole line
   * @param code the stable code ({@code VAN-S-...} from validation, {@code VAN-H-...} from the hub)
   * @param error whether it is an error (else a warning)
   */
  record Issue(long line, String pointer, String code, boolean error) {}

  /** The receipt as JSON text (the form stored and answered). */
  String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("submission", submission);
    root.put("country", country);
    root.put("kind", kind.code);
    root.put("dryRun", dryRun);
    root.put("status", status.name());
    root.put("contentHash", contentHash);
    ObjectNode c = root.putObject("importCount");
    c.put("imported", counts.imported());
    c.put("updated", counts.updated());
    c.put("ignored", counts.ignored());
    c.put("rejected", counts.rejected());
    ArrayNode list = root.putArray("issues");
    for (Issue i : issues) {
      ObjectNode o = list.addObject();
      o.put("line", i.line());
      o.put("pointer", i.pointer());
      o.put("code", i.code());
      o.put("severity", i.error() ? "error" : "warning");
    }
    root.put("issuesTruncated", issuesTruncated);
    return JSON.writeValueAsString(root);
  }

  @Override
  public String toString() {
    return "Receipt["
        + kind.code
        + " "
        + status.name().toLowerCase(Locale.ROOT)
        + ", "
        + counts
        + ", "
        + issues.size()
        + " issues]";
  }
}
