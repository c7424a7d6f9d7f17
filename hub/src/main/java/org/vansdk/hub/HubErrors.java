package org.vansdk.hub;

import org.vansdk.core.ErrorCode;

/**
 * The stable codes of the hub's server, store and relay ({@code VAN-H-0001} to {@code VAN-H-0099}).
 * Submissions use {@code VAN-H-0100} to {@code VAN-H-0199}, the directory and the dashboard {@code
 * VAN-H-0200} to {@code VAN-H-0299}.
 *
 * @since 1.0
 */
public final class HubErrors {
  private HubErrors() {}

  /** No route has the request's path. */
  public static final ErrorCode NOT_FOUND = ErrorCode.of("VAN-H-0001");

  /** The route exists but not with the request's method; {@code Allow} lists the methods. */
  public static final ErrorCode METHOD_NOT_ALLOWED = ErrorCode.of("VAN-H-0002");

  /** The route needs an organisation's HTTP Message Signature and the request carries none. */
  public static final ErrorCode UNAUTHENTICATED = ErrorCode.of("VAN-H-0003");

  /** The signer is authenticated but holds none of the roles the route needs. */
  public static final ErrorCode FORBIDDEN = ErrorCode.of("VAN-H-0004");

  /** The body is larger than the hub accepts. */
  public static final ErrorCode TOO_LARGE = ErrorCode.of("VAN-H-0005");

  /** The body could not be read completely (the connection was cut or timed out). */
  public static final ErrorCode BODY_NOT_RECEIVED = ErrorCode.of("VAN-H-0006");

  /** A query parameter is malformed, repeated or out of range. */
  public static final ErrorCode BAD_QUERY = ErrorCode.of("VAN-H-0007");

  /** The request's media type is not the one the route takes. */
  public static final ErrorCode UNSUPPORTED_MEDIA_TYPE = ErrorCode.of("VAN-H-0008");

  /** The hub failed unexpectedly; the request may be resent later. */
  public static final ErrorCode INTERNAL = ErrorCode.of("VAN-H-0009");

  /** The hub's database is unreachable or refused the work; resend later. */
  public static final ErrorCode STORE_UNAVAILABLE = ErrorCode.of("VAN-H-0010");

  /** The hub is stopping and takes no new work; resend to it once it is back. */
  public static final ErrorCode STOPPING = ErrorCode.of("VAN-H-0011");

  /** The relayed body is not a readable signed referral message. */
  public static final ErrorCode MESSAGE_UNREADABLE = ErrorCode.of("VAN-H-0020");

  /**
   * The relayed message's signature does not verify against the sender's keys in the trust list.
   */
  public static final ErrorCode MESSAGE_SIGNATURE_REFUSED = ErrorCode.of("VAN-H-0021");

  /** The relayed message's receiver is not an organisation of the trust list. */
  public static final ErrorCode UNKNOWN_RECIPIENT = ErrorCode.of("VAN-H-0022");

  /** The relayed message's payload does not match its {@code payloadSha256}. */
  public static final ErrorCode PAYLOAD_HASH_MISMATCH = ErrorCode.of("VAN-H-0023");

  /** A mailbox acknowledgement is malformed or names a cursor the mailbox never reached. */
  public static final ErrorCode BAD_ACKNOWLEDGEMENT = ErrorCode.of("VAN-H-0024");

  /** The hub's configuration file or environment is unusable (with the JSON Pointer). */
  public static final ErrorCode BAD_CONFIGURATION = ErrorCode.of("VAN-H-0030");

  /** The hub could not start (address in use, database unreachable, no trust list). */
  public static final ErrorCode CANNOT_START = ErrorCode.of("VAN-H-0031");
}
