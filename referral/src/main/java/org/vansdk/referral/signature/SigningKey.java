package org.vansdk.referral.signature;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * An organisation's Ed25519 signing key with its key id: what a node signs its outgoing messages
 * with. The private key never leaves this object; {@link #toString()} shows the key id only.
 * Thread-safe.
 */
public final class SigningKey {

  private final KeyId keyId;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private SigningKey(KeyId keyId, PrivateKey privateKey, PublicKey publicKey) {
    this.keyId = keyId;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /**
   * Generates a fresh Ed25519 key pair with the JDK.
   *
   * @param keyId the id under which the public key will be registered
   * @param random the source of randomness (inject a seeded one for reproducible tests)
   */
  public static SigningKey generate(KeyId keyId, SecureRandom random) {
    KeyPair pair = Ed25519.generate(random);
    return new SigningKey(keyId, pair.getPrivate(), pair.getPublic());
  }

  /**
   * Wraps an existing Ed25519 key pair.
   *
   * @throws IllegalArgumentException if the keys are not Ed25519 keys
   */
  public static SigningKey of(KeyId keyId, KeyPair pair) {
    if (!Ed25519.ALGORITHM.equals(pair.getPrivate().getAlgorithm())
        && !"EdDSA".equals(pair.getPrivate().getAlgorithm())) {
      throw new IllegalArgumentException(
          "key " + keyId + " is " + pair.getPrivate().getAlgorithm() + "; allowed: Ed25519");
    }
    return new SigningKey(keyId, pair.getPrivate(), pair.getPublic());
  }

  /** The id of this key. */
  public KeyId keyId() {
    return keyId;
  }

  /** The public half, to register with an {@link OrganisationKeyRegistry}. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** Signs raw bytes and returns the 64-byte Ed25519 signature. */
  public byte[] sign(byte[] data) {
    return Ed25519.sign(privateKey, data);
  }

  /**
   * Signs the RFC 8785 canonical form of a JSON value and returns the signature in base64url
   * without padding.
   *
   * @throws CanonicalJsonException if the value cannot be canonicalized
   */
  public String signCanonical(JsonNode value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sign(CanonicalJson.toBytes(value)));
  }

  @Override
  public String toString() {
    return "SigningKey[" + keyId + "]";
  }
}
