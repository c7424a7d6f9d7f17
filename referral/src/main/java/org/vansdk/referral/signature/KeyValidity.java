package org.vansdk.referral.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a registered key may sign: from {@code notBefore} (inclusive) until {@code notAfter}
 * (exclusive), and not at or after its revocation's effective time. A revocation has an effective
 * time so that a message signed before it (and resent after it) still verifies; the network
 * operator sets it to the moment the key was retired or, for a compromised key, to the earliest
 * moment it may have been misused. Immutable and thread-safe.
 */
public final class KeyValidity {

  private static final KeyValidity ALWAYS = new KeyValidity(null, null, null);

  private final @Nullable Instant notBefore;
  private final @Nullable Instant notAfter;
  private final @Nullable Instant revokedAt;

  private KeyValidity(
      @Nullable Instant notBefore, @Nullable Instant notAfter, @Nullable Instant revokedAt) {
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.revokedAt = revokedAt;
  }

  /** A key valid at every instant and never revoked. */
  public static KeyValidity always() {
    return ALWAYS;
  }

  /**
   * A key valid from {@code notBefore} (inclusive) until {@code notAfter} (exclusive).
   *
   * @throws IllegalArgumentException if notAfter is not after notBefore
   */
  public static KeyValidity between(Instant notBefore, Instant notAfter) {
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException(
          "notAfter " + notAfter + " must be after notBefore " + notBefore);
    }
    return new KeyValidity(notBefore, notAfter, null);
  }

  /**
   * This validity with a revocation effective at the given instant: a signature made at or after it
   * is refused, one made before it still verifies.
   */
  public KeyValidity revokedFrom(Instant effective) {
    Objects.requireNonNull(effective, "effective");
    return new KeyValidity(notBefore, notAfter, effective);
  }

  /** The first instant the key may sign, or empty if there is no lower bound. */
  public Optional<Instant> notBefore() {
    return Optional.ofNullable(notBefore);
  }

  /** The instant from which the key may no longer sign, or empty if there is no upper bound. */
  public Optional<Instant> notAfter() {
    return Optional.ofNullable(notAfter);
  }

  /** The effective time of the key's revocation, or empty if it is not revoked. */
  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  /**
   * Checks a signing time against this validity. The skew widens the validity period at both ends
   * (the signer's clock may differ from the operator's); it does not delay a revocation, which is a
   * security decision taken on the operator's clock.
   *
   * @param signedAt when the content says it was signed (a message's {@code createdAt})
   * @param skew the clock difference allowed, zero or positive
   * @return {@link SignatureCheck#VALID}, {@link SignatureCheck#KEY_NOT_YET_VALID}, {@link
   *     SignatureCheck#KEY_EXPIRED} or {@link SignatureCheck#REVOKED_KEY}
   */
  public SignatureCheck checkAt(Instant signedAt, Duration skew) {
    Objects.requireNonNull(signedAt, "signedAt");
    if (skew.isNegative()) {
      throw new IllegalArgumentException("clock skew must not be negative, was " + skew);
    }
    if (revokedAt != null && !signedAt.isBefore(revokedAt)) {
      return SignatureCheck.REVOKED_KEY;
    }
    if (notBefore != null && signedAt.plus(skew).isBefore(notBefore)) {
      return SignatureCheck.KEY_NOT_YET_VALID;
    }
    if (notAfter != null && !signedAt.minus(skew).isBefore(notAfter)) {
      return SignatureCheck.KEY_EXPIRED;
    }
    return SignatureCheck.VALID;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValidity
        && Objects.equals(notBefore, ((KeyValidity) o).notBefore)
        && Objects.equals(notAfter, ((KeyValidity) o).notAfter)
        && Objects.equals(revokedAt, ((KeyValidity) o).revokedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(notBefore, notAfter, revokedAt);
  }

  @Override
  public String toString() {
    return "KeyValidity[notBefore="
        + notBefore
        + ", notAfter="
        + notAfter
        + ", revokedAt="
        + revokedAt
        + "]";
  }
}
