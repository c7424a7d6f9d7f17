package org.vansdk.hub.directory;

import org.vansdk.core.ErrorCode;

/**
 * The stable error codes of the hub's service directory ({@code VAN-H-0200} to {@code VAN-H-0249}),
 * carried in problem documents. Codes never change meaning within a major version.
 *
 * @since 1.0
 */
public final class DirectoryErrors {

  /**
   * The body is not a directory record: not JSON, an unknown key, a wrong type or code, a missing
   * value; the problem names the JSON Pointer (400).
   */
  public static final ErrorCode INVALID_RECORD = ErrorCode.of("VAN-H-0201");

  /** The record belongs to another country than the focal point's (403). */
  public static final ErrorCode WRONG_COUNTRY = ErrorCode.of("VAN-H-0202");

  /** The id in the body differs from the id in the path (400). */
  public static final ErrorCode ID_MISMATCH = ErrorCode.of("VAN-H-0203");

  /** A service names an organisation that is not registered (409). */
  public static final ErrorCode UNKNOWN_ORGANISATION = ErrorCode.of("VAN-H-0204");

  /** No organisation or service has this id (404). */
  public static final ErrorCode NOT_FOUND = ErrorCode.of("VAN-H-0205");

  /** An organisation cannot be removed while services of it are registered (409). */
  public static final ErrorCode ORGANISATION_IN_USE = ErrorCode.of("VAN-H-0206");

  /** A query parameter is unknown, repeated or malformed (400). */
  public static final ErrorCode INVALID_QUERY = ErrorCode.of("VAN-H-0207");

  /** The directory's database failed; nothing was changed (503). */
  public static final ErrorCode STORE_FAILED = ErrorCode.of("VAN-H-0208");

  /** The body is not {@code application/json} (415). */
  public static final ErrorCode UNSUPPORTED_MEDIA_TYPE = ErrorCode.of("VAN-H-0209");

  /** The body is larger than a directory record may be (413). */
  public static final ErrorCode TOO_LARGE = ErrorCode.of("VAN-H-0210");

  private DirectoryErrors() {}
}
