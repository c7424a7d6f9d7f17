package org.vansdk.transport.httpsig;

import org.vansdk.core.ErrorCode;

/** The outcome of checking a request's HTTP Message Signature; only {@link #VALID} passes. */
public enum HttpSignatureCheck {
  /** The signature verifies with a current key listed for signing requests. */
  VALID(null, 200, "signature valid"),
  /** See {@link HttpSignatureErrors#MISSING}. */
  MISSING(HttpSignatureErrors.MISSING, 401, "request is not signed (one RFC 9421 signature)"),
  /** See {@link HttpSignatureErrors#MALFORMED}. */
  MALFORMED(HttpSignatureErrors.MALFORMED, 400, "signature fields are not well formed"),
  /** See {@link HttpSignatureErrors#UNSUPPORTED_ALGORITHM}. */
  UNSUPPORTED_ALGORITHM(
      HttpSignatureErrors.UNSUPPORTED_ALGORITHM, 400, "signature algorithm is not ed25519"),
  /** See {@link HttpSignatureErrors#NOT_COVERED}. */
  NOT_COVERED(
      HttpSignatureErrors.NOT_COVERED,
      401,
      "signature must cover @method, @target-uri, @authority and, with a body, content-digest and"
          + " content-type"),
  /** See {@link HttpSignatureErrors#OUTSIDE_WINDOW}. */
  OUTSIDE_WINDOW(
      HttpSignatureErrors.OUTSIDE_WINDOW, 401, "signature is too old, in the future or expired"),
  /** See {@link HttpSignatureErrors#NONCE_MISSING}. */
  NONCE_MISSING(HttpSignatureErrors.NONCE_MISSING, 401, "signature carries no nonce"),
  /** See {@link HttpSignatureErrors#REPLAYED}. */
  REPLAYED(HttpSignatureErrors.REPLAYED, 401, "nonce already used: replayed request"),
  /** See {@link HttpSignatureErrors#DIGEST_MISMATCH}. */
  DIGEST_MISMATCH(
      HttpSignatureErrors.DIGEST_MISMATCH, 400, "Content-Digest (sha-256) does not match the body"),
  /** See {@link HttpSignatureErrors#KEY_REFUSED}; the result's detail says why. */
  KEY_REFUSED(HttpSignatureErrors.KEY_REFUSED, 401, "signing key refused"),
  /** See {@link HttpSignatureErrors#INVALID}. */
  INVALID(HttpSignatureErrors.INVALID, 401, "signature does not verify over the request"),
  /** See {@link HttpSignatureErrors#BUSY}. */
  BUSY(HttpSignatureErrors.BUSY, 503, "too many signed requests in the time window; retry later");

  private final ErrorCode code;
  private final int status;
  private final String title;

  HttpSignatureCheck(ErrorCode code, int status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  /** The stable error code; null for {@link #VALID}. */
  ErrorCode code() {
    return code;
  }

  /** The HTTP status a refused request gets. */
  int status() {
    return status;
  }

  /** A fixed English title; never input text. */
  public String title() {
    return title;
  }
}
