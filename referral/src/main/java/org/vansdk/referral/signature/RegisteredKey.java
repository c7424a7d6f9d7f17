package org.vansdk.referral.signature;

import java.security.PublicKey;
import org.vansdk.core.id.OrganisationId;

/**
 * A public key as an {@link OrganisationKeyRegistry} holds it: the key id, the organisation that
 * owns it, the key, and whether it has been revoked.
 *
 * @param keyId the key id
 * @param organisation the owning organisation's namespaced id (e.g. {@code KHM-CMAA-HQ})
 * @param publicKey the Ed25519 public key
 * @param revoked true once the key may no longer be used to verify new messages
 * @since 1.0
 */
public record RegisteredKey(
    KeyId keyId, OrganisationId organisation, PublicKey publicKey, boolean revoked) {}
