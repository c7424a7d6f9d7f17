package org.vansdk.referral.signature;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * The JDK's Ed25519 (JEP 339). Raw keys are wrapped in their standard encodings (X.509
 * SubjectPublicKeyInfo, PKCS #8) to reach the JCA; one {@link Signature} and one {@link KeyFactory}
 * are cached per thread. Also holds the conversions between raw keys and JCA key objects that the
 * package's key types use.
 */
final class JdkEd25519 implements Ed25519Engine {

  static final JdkEd25519 INSTANCE = new JdkEd25519();

  static final String ALGORITHM = "Ed25519";

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32-byte key. */
  private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");

  /** DER prefix of an Ed25519 PKCS #8 v1 private key (RFC 8410), followed by the 32-byte seed. */
  private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");

  private static final ThreadLocal<Signature> SIGNATURES =
      ThreadLocal.withInitial(() -> jca(() -> Signature.getInstance(ALGORITHM)));

  private static final ThreadLocal<KeyFactory> KEY_FACTORIES =
      ThreadLocal.withInitial(() -> jca(() -> KeyFactory.getInstance(ALGORITHM)));

  private JdkEd25519() {}

  @Override
  public String name() {
    return "jdk";
  }

  @Override
  public byte[] publicKey(byte[] privateKey) {
    // The JCA has no call that derives a public key from a private one; its key pair generator
    // does, from the seed it draws from the SecureRandom it is given, so it is given this seed.
    requireKey(privateKey, "private");
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(255, new FixedSeed(privateKey));
      return rawPublicKey(generator.generateKeyPair().getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no Ed25519 key generator", e);
    }
  }

  @Override
  public byte[] sign(byte[] privateKey, byte[] message) {
    requireKey(privateKey, "private");
    Signature signature = SIGNATURES.get();
    try {
      signature.initSign(privateKeyOf(privateKey));
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the JDK refused the Ed25519 private key", e);
    }
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey.length != KEY_SIZE || signature.length != SIGNATURE_SIZE) {
      return false;
    }
    Signature verifier = SIGNATURES.get();
    try {
      verifier.initVerify(publicKeyOf(publicKey));
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "Ed25519Engine[jdk]";
  }

  /** A JCA public key from the raw 32 bytes. */
  static PublicKey publicKeyOf(byte[] raw) {
    requireKey(raw, "public");
    try {
      return KEY_FACTORIES.get().generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the bytes are not an Ed25519 public key", e);
    }
  }

  /** A JCA private key from the raw 32-byte seed. */
  static PrivateKey privateKeyOf(byte[] seed) throws GeneralSecurityException {
    return KEY_FACTORIES.get().generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
  }

  /**
   * The raw 32 bytes of an Ed25519 public key.
   *
   * @throws IllegalArgumentException if the key is not an Ed25519 key in X.509 encoding
   */
  static byte[] rawPublicKey(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null
        || encoded.length != X509_PREFIX.length + KEY_SIZE
        || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
      throw new IllegalArgumentException(
          "the key is " + key.getAlgorithm() + " and not an Ed25519 public key");
    }
    return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
  }

  /**
   * The raw 32-byte seed of an Ed25519 private key.
   *
   * @throws IllegalArgumentException if the key is not an Ed25519 key with an accessible seed
   */
  static byte[] rawPrivateKey(PrivateKey key) {
    if (key instanceof EdECPrivateKey edec) {
      return edec.getBytes()
          .filter(b -> b.length == KEY_SIZE)
          .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key has no seed"));
    }
    byte[] encoded = key.getEncoded();
    if (encoded != null
        && encoded.length >= PKCS8_PREFIX.length + KEY_SIZE
        && Arrays.equals(encoded, 2, PKCS8_PREFIX.length, PKCS8_PREFIX, 2, PKCS8_PREFIX.length)) {
      return Arrays.copyOfRange(encoded, PKCS8_PREFIX.length, PKCS8_PREFIX.length + KEY_SIZE);
    }
    throw new IllegalArgumentException(
        "the key is " + key.getAlgorithm() + " and not an Ed25519 private key");
  }

  static void requireKey(byte[] key, String which) {
    if (key.length != KEY_SIZE) {
      throw new IllegalArgumentException(
          "an Ed25519 " + which + " key has " + KEY_SIZE + " bytes, was " + key.length);
    }
  }

  private static byte[] concat(byte[] prefix, byte[] raw) {
    byte[] out = Arrays.copyOf(prefix, prefix.length + raw.length);
    System.arraycopy(raw, 0, out, prefix.length, raw.length);
    return out;
  }

  private static byte[] hex(String text) {
    byte[] out = new byte[text.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  private interface JcaFactory<T> {
    T create() throws GeneralSecurityException;
  }

  private static <T> T jca(JcaFactory<T> factory) {
    try {
      return factory.create();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no Ed25519", e);
    }
  }

  /** A "random" source that yields one fixed seed: how the JCA is made to rebuild a key pair. */
  private static final class FixedSeed extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    FixedSeed(byte[] seed) {
      super(new byte[0]);
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
    }
  }
}
