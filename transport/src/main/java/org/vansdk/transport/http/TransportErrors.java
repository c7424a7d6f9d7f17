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

  /**
   * The client certificate presented over mutual TLS names no organisation of the network's trust
   * list (its common name is not a listed organisation id); nothing was read as a message. Never
   * resend: the client's certificate must change.
   */
  public static final ErrorCode CLIENT_NOT_LISTED = ErrorCode.of("VAN-N-0401");

  /**
   * A message's sender is not the organisation of the client certificate presented over mutual TLS:
   * one organisation may not send another's messages on its channel. Nothing was applied (for a
   * batch, none of its messages). Never resend.
   */
  public static final ErrorCode SENDER_NOT_CLIENT = ErrorCode.of("VAN-N-0402");

  private TransportErrors() {}
}
