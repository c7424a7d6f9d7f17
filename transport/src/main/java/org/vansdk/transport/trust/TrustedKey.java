package org.vansdk.transport.trust;

import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.KeyValidity;
import org.vansdk.referral.signature.RegisteredKey;

/**
 * One Ed25519 key of a listed organisation: it may sign from {@code notBefore} (inclusive) until
 * {@code notAfter} (exclusive) and, once revoked, not at or after {@code revokedAt}. Immutable.
 *
 * @param kid the key id, unique in the whole list
 * @param publicKey the raw 32-byte public key in unpadded base64url
 * @param notBefore the first instant the key may sign
 * @param notAfter the instant from which it may no longer sign; after notBefore
 * @param revokedAt the effective time of its revocation, or empty while it is active
 * @param uses what it may sign; not empty
 */
public record TrustedKey(
    KeyId kid,
    String publicKey,
    Instant notBefore,
    Instant notAfter,
    Optional<Instant> revokedAt,
    Set<KeyUse> uses) {

  /**
   * Checks the key.
   *
   * @throws IllegalArgumentException if the public key is not 32 bytes in unpadded base64url, the
   *     period is empty, or no use is given
   */
  public TrustedKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(revokedAt, "revokedAt");
    if (rawOf(publicKey) == null) {
      throw new IllegalArgumentException(
          "key " + kid + ": publicKey must be 32 bytes in unpadded base64url (43 characters)");
    }
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException(
          "key " + kid + ": notAfter " + notAfter + " must be after notBefore " + notBefore);
    }
    if (uses.isEmpty()) {
      throw new IllegalArgumentException("key " + kid + ": at least one use is needed");
    }
    uses = Set.copyOf(EnumSet.copyOf(uses));
  }

  /**
   * An active key from its raw public key.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static TrustedKey of(
      KeyId kid, byte[] rawPublicKey, Instant notBefore, Instant notAfter, Set<KeyUse> uses) {
    return new TrustedKey(
        kid,
        Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublicKey),
        notBefore,
        notAfter,
        Optional.empty(),
        uses);
  }

  /** Whether the key has been revoked (whatever the effective time). */
  public boolean revoked() {
    return revokedAt.isPresent();
  }

  /** This key revoked from the given effective time. */
  public TrustedKey withRevocation(Instant effective) {
    return new TrustedKey(kid, publicKey, notBefore, notAfter, Optional.of(effective), uses);
  }

  /** The raw 32-byte public key; a copy. */
  public byte[] rawPublicKey() {
    return rawOf(publicKey);
  }

  /** When the key may sign, as the signature verifier checks it. */
  public KeyValidity validity() {
    KeyValidity v = KeyValidity.between(notBefore, notAfter);
    return revokedAt.map(v::revokedFrom).orElse(v);
  }

  /** The key as an organisation key registry returns it. */
  public RegisteredKey toRegisteredKey(OrganisationId owner) {
    return RegisteredKey.ofRaw(kid, owner, rawPublicKey(), validity());
  }

  private static byte[] rawOf(String text) {
    if (text == null || text.length() != 43 || text.indexOf('=') >= 0) {
      return null;
    }
    try {
      byte[] raw = Base64.getUrlDecoder().decode(text);
      // the canonical encoding only: a different last character must not name the same key
      return raw.length == 32
              && Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(text)
          ? raw
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
