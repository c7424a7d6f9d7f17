package org.vansdk.transport.httpsig;

import org.vansdk.core.ErrorCode;

/**
 * The stable error codes of HTTP Message Signatures ({@code VAN-N-02xx}), carried in the problem
 * documents a refused request gets. Codes never change meaning within a major version.
 */
public final class HttpSignatureErrors {

  /** The request carries no {@code Signature-Input} and {@code Signature}, or not one signature. */
  public static final ErrorCode MISSING = ErrorCode.of("VAN-N-0201");

  /** The signature fields are not well formed or cover a component this verifier cannot build. */
  public static final ErrorCode MALFORMED = ErrorCode.of("VAN-N-0202");

  /** The signature names an algorithm other than {@code ed25519}. */
  public static final ErrorCode UNSUPPORTED_ALGORITHM = ErrorCode.of("VAN-N-0203");

  /** The signature does not cover a component the profile requires. */
  public static final ErrorCode NOT_COVERED = ErrorCode.of("VAN-N-0204");

  /** The signature was made too long ago, in the future, or has expired. */
  public static final ErrorCode OUTSIDE_WINDOW = ErrorCode.of("VAN-N-0205");

  /** The signature carries no nonce. */
  public static final ErrorCode NONCE_MISSING = ErrorCode.of("VAN-N-0206");

  /** The nonce was already used with this key inside the time window: a replayed request. */
  public static final ErrorCode REPLAYED = ErrorCode.of("VAN-N-0207");

  /** The {@code Content-Digest} is missing, not sha-256 or does not match the body. */
  public static final ErrorCode DIGEST_MISMATCH = ErrorCode.of("VAN-N-0208");

  /**
   * The key is unknown, not listed for signing requests, not valid at {@code created} or revoked.
   */
  public static final ErrorCode KEY_REFUSED = ErrorCode.of("VAN-N-0209");

  /** The signature does not verify over the request: it was altered or signed with another key. */
  public static final ErrorCode INVALID = ErrorCode.of("VAN-N-0210");

  /** The nonce cache is full of unexpired nonces; the request may be sent again later. */
  public static final ErrorCode BUSY = ErrorCode.of("VAN-N-0211");

  private HttpSignatureErrors() {}
}
