package org.vansdk.transport.http;

import org.vansdk.core.ErrorCode;

/**
 * The stable error codes of the HTTP binding ({@code VAN-N-0xxx}), carried in problem documents.
 * Codes never change meaning within a major version.
 *
 * @since 1.0
 */
public final class TransportErrors {

  /** The body is not a message this endpoint can read (not JSON, not an object, empty). */
  public static final ErrorCode UNREADABLE = ErrorCode.of("VAN-N-0001");

  /** The body is larger than the endpoint accepts. */
  public static final ErrorCode TOO_LARGE = ErrorCode.of("VAN-N-0002");

  /** The body's media type is not the one the route takes. */
  public static final ErrorCode UNSUPPORTED_MEDIA_TYPE = ErrorCode.of("VAN-N-0003");

  /** No route has this path. */
  public static final ErrorCode NOT_FOUND = ErrorCode.of("VAN-N-0004");

  /** The route exists but not for this method. */
  public static final ErrorCode METHOD_NOT_ALLOWED = ErrorCode.of("VAN-N-0005");

  /** The node could not decide durably (its store failed); resend later. */
  public static final ErrorCode UNAVAILABLE = ErrorCode.of("VAN-N-0006");

  /** The body could not be read in time or the connection broke while reading it. */
  public static final ErrorCode BODY_NOT_RECEIVED = ErrorCode.of("VAN-N-0007");

  /** A batch holds more messages than the endpoint accepts. */
  public static final ErrorCode BATCH_TOO_LONG = ErrorCode.of("VAN-N-0008");

  private TransportErrors() {}
}
