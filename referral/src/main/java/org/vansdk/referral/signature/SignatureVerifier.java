package org.vansdk.referral.signature;

import java.util.Base64;
import java.util.Optional;
import org.vansdk.core.id.OrganisationId;
import tools.jackson.databind.JsonNode;

/**
 * Verifies detached Ed25519 signatures against an {@link OrganisationKeyRegistry}: the key must
 * exist, belong to the claimed organisation, not be revoked, and the signature must verify over the
 * bytes. Thread-safe if the registry is.
 */
public final class SignatureVerifier {

  private final OrganisationKeyRegistry registry;

  /** Creates a verifier that resolves key ids through the registry. */
  public SignatureVerifier(OrganisationKeyRegistry registry) {
    this.registry = registry;
  }

  /**
   * Checks a base64url signature over raw bytes.
   *
   * @param organisation the organisation the message claims to come from
   * @param keyId the key id text from the message, checked for form here
   * @param data the signed bytes
   * @param signature the base64url (unpadded) signature text
   */
  public SignatureCheck verify(
      OrganisationId organisation, String keyId, byte[] data, String signature) {
    if (keyId.isEmpty() || signature.isEmpty()) {
      return SignatureCheck.MISSING;
    }
    KeyId id;
    byte[] bytes;
    try {
      id = KeyId.of(keyId);
      bytes = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return SignatureCheck.MALFORMED;
    }
    if (bytes.length != 64) {
      return SignatureCheck.MALFORMED;
    }
    Optional<RegisteredKey> key = registry.find(id);
    if (key.isEmpty()) {
      return SignatureCheck.UNKNOWN_KEY;
    }
    if (!key.get().organisation().equals(organisation)) {
      return SignatureCheck.KEY_OF_ANOTHER_ORGANISATION;
    }
    if (key.get().revoked()) {
      return SignatureCheck.REVOKED_KEY;
    }
    return Ed25519.verify(key.get().publicKey(), data, bytes)
        ? SignatureCheck.VALID
        : SignatureCheck.INVALID;
  }

  /**
   * Checks a base64url signature over the RFC 8785 canonical form of a JSON value.
   *
   * @throws CanonicalJsonException if the value cannot be canonicalized
   */
  public SignatureCheck verifyCanonical(
      OrganisationId organisation, String keyId, JsonNode value, String signature) {
    return verify(organisation, keyId, CanonicalJson.toBytes(value), signature);
  }
}
