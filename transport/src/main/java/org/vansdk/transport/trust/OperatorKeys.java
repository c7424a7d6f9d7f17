package org.vansdk.transport.trust;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.vansdk.referral.signature.Ed25519Engine;
import org.vansdk.referral.signature.KeyId;

/**
 * The network operator's public keys a node pins in its configuration: only a trust list signed by
 * one of them is believed. Pinning two keys lets the operator rotate its own key. Immutable and
 * thread-safe.
 */
public final class OperatorKeys {

  private final Map<KeyId, byte[]> keys;
  private final Ed25519Engine engine;

  private OperatorKeys(Map<KeyId, byte[]> keys, Ed25519Engine engine) {
    this.keys = keys;
    this.engine = engine;
  }

  /**
   * The pinned keys: key id to raw 32-byte Ed25519 public key.
   *
   * @throws IllegalArgumentException if there is no key or a key is not 32 bytes
   */
  public static OperatorKeys of(Map<KeyId, byte[]> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one operator key must be pinned");
    }
    Map<KeyId, byte[]> copy = new LinkedHashMap<>();
    keys.forEach(
        (kid, raw) -> {
          if (raw.length != Ed25519Engine.KEY_SIZE) {
            throw new IllegalArgumentException(
                "operator key " + kid + " must be 32 bytes, was " + raw.length);
          }
          copy.put(Objects.requireNonNull(kid), raw.clone());
        });
    return new OperatorKeys(copy, Ed25519Engine.preferred());
  }

  /** One pinned key. */
  public static OperatorKeys of(KeyId kid, byte[] rawPublicKey) {
    return of(Map.of(kid, rawPublicKey));
  }

  /**
   * Checks that the list is signed by a pinned key and that every signature by a pinned key
   * verifies over its content. Signatures by keys this node does not pin are ignored (another node
   * may pin them).
   *
   * @throws TrustListException with {@link TrustErrors#BAD_OPERATOR_SIGNATURE} if a signature by a
   *     pinned key does not verify, or {@link TrustErrors#NOT_SIGNED_BY_OPERATOR} if no pinned key
   *     signed the list
   */
  public void verify(TrustList list) {
    byte[] content = null;
    int valid = 0;
    for (OperatorSignature s : list.signatures()) {
      byte[] key = keys.get(s.kid());
      if (key == null) {
        continue;
      }
      if (content == null) {
        content = list.signedContent();
      }
      byte[] signature;
      try {
        signature = Base64.getUrlDecoder().decode(s.value());
      } catch (IllegalArgumentException e) {
        signature = new byte[0];
      }
      if (!engine.verify(key, content, signature)) {
        throw new TrustListException(
            TrustErrors.BAD_OPERATOR_SIGNATURE,
            "trust list version "
                + list.version()
                + ": the signature by operator key "
                + s.kid()
                + " does not verify; the list was changed after signing");
      }
      valid++;
    }
    if (valid == 0) {
      throw new TrustListException(
          TrustErrors.NOT_SIGNED_BY_OPERATOR,
          "trust list version "
              + list.version()
              + " is not signed by any pinned operator key; pinned: "
              + keys.keySet());
    }
  }
}
