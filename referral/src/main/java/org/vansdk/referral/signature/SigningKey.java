package org.vansdk.referral.signature;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * An organisation's Ed25519 signing key with its key id: what a node signs its outgoing messages
 * with. The private key never leaves this object; {@link #toString()} shows the key id only.
 * Signing uses {@link Ed25519Engine#preferred()} (signatures are deterministic, so the engine only
 * changes the speed). Thread-safe.
 *
 * @since 1.0
 */
public final class SigningKey {

  private final KeyId keyId;
  private final byte[] privateKey;
  private final byte[] rawPublicKey;
  private final PublicKey publicKey;

  private SigningKey(KeyId keyId, byte[] privateKey) {
    this.keyId = keyId;
    this.privateKey = privateKey;
    this.rawPublicKey = Ed25519Engine.preferred().publicKey(privateKey);
    this.publicKey = JdkEd25519.publicKeyOf(rawPublicKey);
  }

  /**
   * Generates a fresh Ed25519 key: the 32-byte private key is drawn from {@code random}, as the
   * JDK's key pair generator draws it, so a seeded source gives the same key as before.
   *
   * @param keyId the id under which the public key will be registered
   * @param random the source of randomness (inject a seeded one for reproducible tests)
   */
  public static SigningKey generate(KeyId keyId, SecureRandom random) {
    byte[] seed = new byte[Ed25519Engine.KEY_SIZE];
    random.nextBytes(seed);
    return new SigningKey(keyId, seed);
  }

  /**
   * Wraps an existing Ed25519 key pair (from the JDK or another provider).
   *
   * @throws IllegalArgumentException if the keys are not Ed25519 keys, or the public key is not the
   *     private key's
   */
  public static SigningKey of(KeyId keyId, KeyPair pair) {
    SigningKey key = new SigningKey(keyId, JdkEd25519.rawPrivateKey(pair.getPrivate()));
    if (!Arrays.equals(key.rawPublicKey, JdkEd25519.rawPublicKey(pair.getPublic()))) {
      throw new IllegalArgumentException(
          "key " + keyId + ": the public key does not belong to the private key");
    }
    return key;
  }

  /**
   * A key from its raw 32-byte private key (the RFC 8032 seed), as other languages' libraries store
   * it. The array is copied.
   *
   * @throws IllegalArgumentException if the array is not 32 bytes
   */
  public static SigningKey fromRaw(KeyId keyId, byte[] privateKey) {
    JdkEd25519.requireKey(privateKey, "private");
    return new SigningKey(keyId, privateKey.clone());
  }

  /** The id of this key. */
  public KeyId keyId() {
    return keyId;
  }

  /** The public half, to register with an {@link OrganisationKeyRegistry}. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The public half as its raw 32 bytes (RFC 8032 encoding); a copy. */
  public byte[] rawPublicKey() {
    return rawPublicKey.clone();
  }

  /** Signs raw bytes and returns the 64-byte Ed25519 signature. */
  public byte[] sign(byte[] data) {
    return Ed25519Engine.preferred().sign(privateKey, data);
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
