package org.vansdk.referral.signature;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * BouncyCastle's Ed25519 (the low-level RFC 8032 code, no JCA provider registered). This class is
 * only loaded once {@link #available()} has found BouncyCastle on the class path.
 */
final class BouncyCastleEd25519 implements Ed25519Engine {

  static final BouncyCastleEd25519 INSTANCE = new BouncyCastleEd25519();

  private static final boolean AVAILABLE = probe();

  private BouncyCastleEd25519() {}

  static boolean available() {
    return AVAILABLE;
  }

  private static boolean probe() {
    try {
      Class.forName(
          "org.bouncycastle.math.ec.rfc8032.Ed25519",
          false,
          BouncyCastleEd25519.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public String name() {
    return "bouncycastle";
  }

  @Override
  public byte[] publicKey(byte[] privateKey) {
    JdkEd25519.requireKey(privateKey, "private");
    byte[] publicKey = new byte[KEY_SIZE];
    Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] privateKey, byte[] message) {
    JdkEd25519.requireKey(privateKey, "private");
    byte[] signature = new byte[SIGNATURE_SIZE];
    Ed25519.sign(privateKey, 0, message, 0, message.length, signature, 0);
    return signature;
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey.length != KEY_SIZE || signature.length != SIGNATURE_SIZE) {
      return false;
    }
    try {
      return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "Ed25519Engine[bouncycastle]";
  }
}
