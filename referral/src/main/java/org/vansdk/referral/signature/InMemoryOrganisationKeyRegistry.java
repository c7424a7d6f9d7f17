package org.vansdk.referral.signature;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vansdk.core.id.OrganisationId;

/**
 * An {@link OrganisationKeyRegistry} held in memory. Thread-safe.
 *
 * @since 1.0
 */
public final class InMemoryOrganisationKeyRegistry implements OrganisationKeyRegistry {

  private final Map<KeyId, RegisteredKey> keys = new ConcurrentHashMap<>();

  /** Creates an empty registry. */
  public InMemoryOrganisationKeyRegistry() {}

  /**
   * Registers a public key for an organisation.
   *
   * @param organisation the owning organisation's namespaced id
   * @param key the signing key whose public half is registered
   * @throws IllegalStateException if the key id is already registered to another key
   */
  public InMemoryOrganisationKeyRegistry register(OrganisationId organisation, SigningKey key) {
    return register(organisation, key.keyId(), key.publicKey());
  }

  /**
   * Registers a public key for an organisation.
   *
   * @throws IllegalStateException if the key id is already registered to another key
   */
  public InMemoryOrganisationKeyRegistry register(
      OrganisationId organisation, KeyId keyId, PublicKey publicKey) {
    return register(new RegisteredKey(keyId, organisation, publicKey, KeyValidity.always()));
  }

  /**
   * Registers a key with its validity period (and possibly its revocation).
   *
   * @throws IllegalStateException if the key id is already registered to another key
   */
  public InMemoryOrganisationKeyRegistry register(RegisteredKey entry) {
    KeyId keyId = entry.keyId();
    RegisteredKey previous = keys.putIfAbsent(keyId, entry);
    if (previous != null && !previous.equals(entry)) {
      throw new IllegalStateException(
          "key id " + keyId + " is already registered; key ids are never reused");
    }
    return this;
  }

  /**
   * Revokes a key at every instant: every message signed with it is refused, whenever it says it
   * was created.
   *
   * @throws IllegalArgumentException if no key is registered under the id
   */
  public void revoke(KeyId keyId) {
    revoke(keyId, Instant.MIN);
  }

  /**
   * Revokes a key from an effective time: messages created before it still verify.
   *
   * @throws IllegalArgumentException if no key is registered under the id
   */
  public void revoke(KeyId keyId, Instant effective) {
    RegisteredKey k = keys.get(keyId);
    if (k == null) {
      throw new IllegalArgumentException("no key registered under " + keyId);
    }
    keys.put(
        keyId,
        new RegisteredKey(
            keyId, k.organisation(), k.publicKey(), k.validity().revokedFrom(effective)));
  }

  @Override
  public Optional<RegisteredKey> find(KeyId keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }
}
