package org.vansdk.referral.signature;

import java.time.Duration;
import java.util.Optional;

/**
 * Resolves the key id of a signed message to an organisation's public key. A network backs this
 * with its signed trust list ({@code org.vansdk.transport.trust}); tests and single-country pilots
 * use {@link InMemoryOrganisationKeyRegistry}. Implementations must be thread-safe.
 *
 * @since 1.0
 */
public interface OrganisationKeyRegistry {

  /** The clock difference allowed by default between a signer and a key's validity period. */
  Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

  /** Returns the key registered under the id, revoked or not, or empty if none is. */
  Optional<RegisteredKey> find(KeyId keyId);

  /**
   * The clock difference allowed when a signing time is checked against a key's validity period
   * ({@link KeyValidity#checkAt}); {@link #DEFAULT_CLOCK_SKEW} unless the registry states another.
   */
  default Duration clockSkew() {
    return DEFAULT_CLOCK_SKEW;
  }
}
