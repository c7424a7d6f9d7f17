package org.vansdk.referral.signature;

/**
 * Thrown when a JSON value cannot be canonicalized under RFC 8785 (a non-finite number, a lone
 * surrogate). The message names the JSON Pointer of the value, never the value itself.
 *
 * @since 1.0
 */
public final class CanonicalJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CanonicalJsonException(String message) {
    super(message);
  }
}
