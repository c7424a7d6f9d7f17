package org.vansdk.referral.interop;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;

/**
 * The fixed, published Ed25519 key pairs of the test vectors. TEST ONLY: their private halves are
 * in {@code docs/vectors/keys.json} for anyone to read, so they prove nothing outside tests.
 *
 * <p>Each private key is the 32-byte seed of RFC 8032, taken as SHA-256 of a label, so any language
 * derives the same pair (libsodium / PyNaCl: {@code SigningKey(seed)}).
 */
final class TestKeys {
  /** The DER prefix of an X.509 SubjectPublicKeyInfo holding a raw Ed25519 key. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  static final OrganisationId REFERRER = OrganisationId.parse("KHM-CMAA-HQ");
  static final OrganisationId RECEIVER = OrganisationId.parse("THA-SIRINDHORN-REHAB");

  /** One test key: who owns it, its label (the seed's preimage) and the pair. */
  record TestKey(OrganisationId organisation, String label, SigningKey key, boolean revoked) {
    byte[] seed() {
      return TestKeys.seed(label);
    }

    byte[] rawPublicKey() {
      byte[] x509 = key.publicKey().getEncoded();
      return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }
  }

  static final TestKey REFERRER_KEY = key(REFERRER, "KHM-CMAA-HQ:2026-1", false);
  static final TestKey RECEIVER_KEY = key(RECEIVER, "THA-SIRINDHORN-REHAB:2026-1", false);
  static final TestKey REVOKED_KEY = key(REFERRER, "KHM-CMAA-HQ:2025-1", true);

  /** A key that no registry knows: what an impostor signs with. Not listed in keys.json. */
  static final TestKey UNREGISTERED_KEY = key(REFERRER, "KHM-CMAA-HQ:impostor", false);

  private TestKeys() {}

  private static TestKey key(OrganisationId organisation, String keyId, boolean revoked) {
    String label = "VAN SDK test vector key " + keyId;
    return new TestKey(
        organisation, label, SigningKey.generate(KeyId.of(keyId), fixed(seed(label))), revoked);
  }

  static byte[] seed(String label) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JDK's Ed25519 key generator reads the 32-byte private key from its random source. */
  private static SecureRandom fixed(byte[] seed) {
    return new SecureRandom() {
      private static final long serialVersionUID = 1L;

      @Override
      public void nextBytes(byte[] bytes) {
        if (bytes.length != seed.length) {
          throw new IllegalStateException("expected a request for " + seed.length + " bytes");
        }
        System.arraycopy(seed, 0, bytes, 0, seed.length);
      }
    };
  }

  /** An Ed25519 public key from its 32 raw bytes (RFC 8032 encoding). */
  static PublicKey publicKey(byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
    }
    byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
    System.arraycopy(raw, 0, x509, X509_PREFIX.length, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }
}
