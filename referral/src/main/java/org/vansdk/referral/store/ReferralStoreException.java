package org.vansdk.referral.store;

/**
 * A store could not read or write; the message names the operation, never stored content.
 *
 * @since 1.0
 */
public final class ReferralStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a cause. */
  public ReferralStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Without a cause. */
  public ReferralStoreException(String message) {
    super(message);
  }
}
