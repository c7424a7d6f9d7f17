package org.vansdk.transport.trust;

import java.util.Objects;
import org.vansdk.referral.signature.KeyId;

/**
 * One network operator signature of a trust list: the Ed25519 signature, in unpadded base64url, of
 * the RFC 8785 canonical JSON of the list without its {@code signatures} member.
 *
 * @param kid the operator key id, as nodes pin it
 * @param value the 64-byte signature in unpadded base64url
 */
public record OperatorSignature(KeyId kid, String value) {

  /** Checks that neither component is null. */
  public OperatorSignature {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(value, "value");
  }
}
