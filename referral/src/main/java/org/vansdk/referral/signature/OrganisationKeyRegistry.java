package org.vansdk.referral.signature;

import java.util.Optional;

/**
 * Resolves the key id of a signed message to an organisation's public key. A national deployment
 * backs this with its directory of organisations; tests and single-country pilots use {@link
 * InMemoryOrganisationKeyRegistry}. Implementations must be thread-safe.
 *
 * @since 1.0
 */
public interface OrganisationKeyRegistry {

  /** Returns the key registered under the id, revoked or not, or empty if none is. */
  Optional<RegisteredKey> find(KeyId keyId);
}
