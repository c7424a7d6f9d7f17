package org.vansdk.hub.submission;

import org.vansdk.core.ErrorCode;

/**
 * The stable error codes of submissions ({@code VAN-H-0100} to {@code VAN-H-0149}), carried in
 * problem documents and in the located issues of receipts. Codes never change meaning within a
 * major version.
 *
 * @since 1.0
 */
public final class SubmissionErrors {

  /** The caller is not the focal point of the submission's country (403). */
  public static final ErrorCode NOT_YOUR_COUNTRY = ErrorCode.of("VAN-H-0100");

  /** The submission id is already used for different content (409). */
  public static final ErrorCode CONFLICT = ErrorCode.of("VAN-H-0101");

  /**
   * The body did not arrive whole: the connection broke, fewer bytes came than declared, or the
   * last line is cut off (400). Nothing is stored.
   */
  public static final ErrorCode BODY_NOT_RECEIVED = ErrorCode.of("VAN-H-0102");

  /** The body is larger than the hub accepts for a submission (413). Nothing is stored. */
  public static final ErrorCode TOO_LARGE = ErrorCode.of("VAN-H-0103");

  /** The body's media type is neither NDJSON nor SDMX-CSV (415). */
  public static final ErrorCode UNSUPPORTED_MEDIA_TYPE = ErrorCode.of("VAN-H-0104");

  /** The submission id in the path is not 1 to 64 letters, digits, '.', '_' or '-' (400). */
  public static final ErrorCode MALFORMED_ID = ErrorCode.of("VAN-H-0105");

  /** A query parameter is unknown, repeated or has a value outside those allowed (400). */
  public static final ErrorCode BAD_QUERY = ErrorCode.of("VAN-H-0106");

  /** No submission has this id, or the caller may not see it (404). */
  public static final ErrorCode NOT_FOUND = ErrorCode.of("VAN-H-0107");

  /** A {@code POST} names an action other than {@code :approve} (404). */
  public static final ErrorCode UNKNOWN_ACTION = ErrorCode.of("VAN-H-0108");

  /** The hub's store failed; nothing was changed, send again later (503). */
  public static final ErrorCode UNAVAILABLE = ErrorCode.of("VAN-H-0109");

  /** Receipt issue: a line of a release is not a de-identified casualty ({@code /type}). */
  public static final ErrorCode NOT_A_DEIDENTIFIED_CASUALTY = ErrorCode.of("VAN-H-0110");

  /** Receipt issue: a record is of another country than the focal point's. */
  public static final ErrorCode OTHER_COUNTRY = ErrorCode.of("VAN-H-0111");

  /** Receipt issue: the release holds no record. */
  public static final ErrorCode EMPTY = ErrorCode.of("VAN-H-0112");

  /** Receipt issue: the indicator table is not SDMX-CSV 2.0 of the indicator dataflow. */
  public static final ErrorCode UNREADABLE_TABLE = ErrorCode.of("VAN-H-0113");

  private SubmissionErrors() {}
}
