package org.vansdk.referral.signature;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;
import org.vansdk.core.id.OrganisationId;

/**
 * A public key as an {@link OrganisationKeyRegistry} holds it: the key id, the organisation that
 * owns it, the key, and when it may sign (validity period and revocation).
 *
 * @param keyId the key id
 * @param organisation the owning organisation's namespaced id (e.g. {@code KHM-CMAA-HQ})
 * @param publicKey the Ed25519 public key
 * @param validity when the key may sign
 * @since 1.0
 */
public record RegisteredKey(
    KeyId keyId, OrganisationId organisation, PublicKey publicKey, KeyValidity validity) {

  /** Checks that no component is null. */
  public RegisteredKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(validity, "validity");
  }

  /**
   * A key valid at every instant, or revoked at every instant (a revocation with no known effective
   * time refuses every signature, whenever it was made).
   */
  public RegisteredKey(
      KeyId keyId, OrganisationId organisation, PublicKey publicKey, boolean revoked) {
    this(
        keyId,
        organisation,
        publicKey,
        revoked ? KeyValidity.always().revokedFrom(Instant.MIN) : KeyValidity.always());
  }

  /**
   * A key from its raw 32-byte Ed25519 public key (RFC 8032 encoding), as trust lists and other
   * languages' libraries carry it.
   *
   * @throws IllegalArgumentException if the array is not 32 bytes
   */
  public static RegisteredKey ofRaw(
      KeyId keyId, OrganisationId organisation, byte[] rawPublicKey, KeyValidity validity) {
    JdkEd25519.requireKey(rawPublicKey, "public");
    return new RegisteredKey(
        keyId, organisation, JdkEd25519.publicKeyOf(rawPublicKey.clone()), validity);
  }

  /** The public key as its raw 32 bytes (RFC 8032 encoding); a copy. */
  public byte[] rawPublicKey() {
    return JdkEd25519.rawPublicKey(publicKey);
  }

  /** True if the key carries a revocation, whatever its effective time. */
  public boolean revoked() {
    return validity.revokedAt().isPresent();
  }
}
