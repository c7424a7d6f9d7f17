package org.vansdk.anonymisation.pseudonym;

import java.util.Optional;

/**
 * Supplies pseudonym keys, e.g. from a key vault or an HSM-backed store. Implementations must be
 * thread-safe and must never log or expose key material.
 *
 * @since 1.0
 */
public interface KeyProvider {
  /**
   * Returns the key to use now for a purpose and recipient (the highest active version).
   *
   * @param purpose the purpose
   * @param recipient the recipient
   * @return the current key
   * @throws org.vansdk.anonymisation.AnonymisationException {@code VAN-A-0004} if there is none
   */
  PseudonymKey currentKey(Purpose purpose, Recipient recipient);

  /**
   * Returns a specific version of a key, to read tokens made before a rotation.
   *
   * @param purpose the purpose
   * @param recipient the recipient
   * @param version the version in the token
   * @return the key, or empty if unknown
   */
  Optional<PseudonymKey> key(Purpose purpose, Recipient recipient, int version);
}
