package org.vansdk.referral.signature;

/**
 * Ed25519 (RFC 8032, pure mode) over raw keys: a 32-byte private key (the seed), a 32-byte public
 * key and a 64-byte signature, the encodings every other language's libraries use. Two engines give
 * the same answers: the JDK's ({@link #jdk()}) and BouncyCastle's ({@link #bouncyCastle()}), which
 * verifies several times faster. {@link #preferred()} picks BouncyCastle when {@code
 * org.bouncycastle:bcprov-jdk18on} is on the class path (or module path) and the JDK otherwise.
 *
 * <p>Ed25519 signatures are deterministic, so both engines produce the same signature for the same
 * key and message, and each verifies the other's. Implementations are thread-safe and never throw
 * on a malformed key or signature during verification: they answer {@code false}.
 *
 * @since 1.0
 */
public interface Ed25519Engine {

  /** Bytes in a private key (the seed) and in a public key. */
  int KEY_SIZE = 32;

  /** Bytes in a signature. */
  int SIGNATURE_SIZE = 64;

  /** A short name for logs and benchmarks: {@code "jdk"} or {@code "bouncycastle"}. */
  String name();

  /**
   * Derives the public key of a private key.
   *
   * @throws IllegalArgumentException if the private key is not 32 bytes
   */
  byte[] publicKey(byte[] privateKey);

  /**
   * Signs a message.
   *
   * @return the 64-byte signature
   * @throws IllegalArgumentException if the private key is not 32 bytes
   */
  byte[] sign(byte[] privateKey, byte[] message);

  /**
   * Verifies a signature; false (never an exception) for a wrong length, an invalid point, a
   * non-canonical scalar or a signature that does not match.
   */
  boolean verify(byte[] publicKey, byte[] message, byte[] signature);

  /** The JDK's Ed25519 (JEP 339), always available on Java 15 and later. */
  static Ed25519Engine jdk() {
    return JdkEd25519.INSTANCE;
  }

  /**
   * BouncyCastle's Ed25519.
   *
   * @throws IllegalStateException if BouncyCastle ({@code bcprov-jdk18on}) is not on the class path
   */
  static Ed25519Engine bouncyCastle() {
    if (!BouncyCastleEd25519.available()) {
      throw new IllegalStateException(
          "BouncyCastle is not on the class path; add org.bouncycastle:bcprov-jdk18on");
    }
    return BouncyCastleEd25519.INSTANCE;
  }

  /** BouncyCastle's engine when it is on the class path, else the JDK's. */
  static Ed25519Engine preferred() {
    return BouncyCastleEd25519.available() ? BouncyCastleEd25519.INSTANCE : JdkEd25519.INSTANCE;
  }
}
