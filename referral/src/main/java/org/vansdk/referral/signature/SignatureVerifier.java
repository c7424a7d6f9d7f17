package org.vansdk.referral.signature;

import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.internal.Sha256;
import tools.jackson.databind.JsonNode;

/**
 * Verifies detached Ed25519 signatures against an {@link OrganisationKeyRegistry}: the key must
 * exist, belong to the claimed organisation, be valid and not revoked at the signing time, and the
 * signature must verify over the bytes. The curve arithmetic is done by {@link
 * Ed25519Engine#preferred()} unless another engine is chosen with {@link #withEngine}. Thread-safe
 * if the registry is.
 *
 * @since 1.0
 */
public final class SignatureVerifier {

  private final OrganisationKeyRegistry registry;
  private final Map<String, String> verified;
  private final int cacheEntries;
  private final Ed25519Engine engine;

  /** Creates a verifier that resolves key ids through the registry. */
  public SignatureVerifier(OrganisationKeyRegistry registry) {
    this(registry, 0, Ed25519Engine.preferred());
  }

  private SignatureVerifier(
      OrganisationKeyRegistry registry, int cacheEntries, Ed25519Engine engine) {
    this.registry = registry;
    this.cacheEntries = cacheEntries;
    this.engine = engine;
    this.verified =
        cacheEntries == 0
            ? Map.of()
            : Collections.synchronizedMap(
                new LinkedHashMap<String, String>(64, 0.75f, true) {
                  private static final long serialVersionUID = 1L;

                  @Override
                  protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > cacheEntries;
                  }
                });
  }

  /**
   * A verifier that remembers the last {@code entries} signatures it found valid, with the SHA-256
   * of the bytes they cover: a resent or duplicated message is then checked by hashing instead of
   * by elliptic-curve arithmetic. Key ownership and revocation are still checked every time.
   *
   * @throws IllegalArgumentException if entries is not positive
   */
  public static SignatureVerifier cached(OrganisationKeyRegistry registry, int entries) {
    if (entries <= 0) {
      throw new IllegalArgumentException("cache entries must be positive, was " + entries);
    }
    return new SignatureVerifier(registry, entries, Ed25519Engine.preferred());
  }

  /**
   * A verifier like this one (same registry, same cache size, an empty cache) that does the curve
   * arithmetic with the given engine.
   */
  public SignatureVerifier withEngine(Ed25519Engine engine) {
    return new SignatureVerifier(registry, cacheEntries, engine);
  }

  /** The engine that does the curve arithmetic. */
  public Ed25519Engine engine() {
    return engine;
  }

  /**
   * Checks a base64url signature over raw bytes when no signing time is known: the key must carry
   * no revocation at all; its validity period is not checked.
   *
   * @param organisation the organisation the message claims to come from
   * @param keyId the key id text from the message, checked for form here
   * @param data the signed bytes
   * @param signature the base64url (unpadded) signature text
   */
  public SignatureCheck verify(
      OrganisationId organisation, String keyId, byte[] data, String signature) {
    return check(organisation, keyId, data, signature, null);
  }

  /**
   * Checks a base64url signature over raw bytes made at a stated time (a message's {@code
   * createdAt}): the key must have been valid then, allowing the registry's {@linkplain
   * OrganisationKeyRegistry#clockSkew() clock skew}, and not yet revoked. A message signed before a
   * revocation's effective time, and resent after it, still verifies.
   *
   * @param organisation the organisation the message claims to come from
   * @param keyId the key id text from the message, checked for form here
   * @param data the signed bytes
   * @param signature the base64url (unpadded) signature text
   * @param signedAt when the content says it was signed
   */
  public SignatureCheck verify(
      OrganisationId organisation, String keyId, byte[] data, String signature, Instant signedAt) {
    return check(organisation, keyId, data, signature, Objects.requireNonNull(signedAt));
  }

  private SignatureCheck check(
      OrganisationId organisation,
      String keyId,
      byte[] data,
      String signature,
      @Nullable Instant signedAt) {
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
    SignatureCheck validity =
        signedAt == null
            ? (key.get().revoked() ? SignatureCheck.REVOKED_KEY : SignatureCheck.VALID)
            : key.get().validity().checkAt(signedAt, registry.clockSkew());
    if (!validity.isValid()) {
      return validity;
    }
    if (cacheEntries == 0) {
      return verifies(key.get(), data, bytes) ? SignatureCheck.VALID : SignatureCheck.INVALID;
    }
    String cacheKey = keyId + "|" + signature;
    String digest = Sha256.hex(data);
    if (digest.equals(verified.get(cacheKey))) {
      return SignatureCheck.VALID;
    }
    if (!verifies(key.get(), data, bytes)) {
      return SignatureCheck.INVALID;
    }
    verified.put(cacheKey, digest);
    return SignatureCheck.VALID;
  }

  private boolean verifies(RegisteredKey key, byte[] data, byte[] signature) {
    byte[] publicKey;
    try {
      publicKey = JdkEd25519.rawPublicKey(key.publicKey());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return engine.verify(publicKey, data, signature);
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

  /**
   * Checks a base64url signature over the RFC 8785 canonical form of a JSON value made at a stated
   * time (see {@link #verify(OrganisationId, String, byte[], String, Instant)}).
   *
   * @throws CanonicalJsonException if the value cannot be canonicalized
   */
  public SignatureCheck verifyCanonical(
      OrganisationId organisation,
      String keyId,
      JsonNode value,
      String signature,
      Instant signedAt) {
    return verify(organisation, keyId, CanonicalJson.toBytes(value), signature, signedAt);
  }
}
