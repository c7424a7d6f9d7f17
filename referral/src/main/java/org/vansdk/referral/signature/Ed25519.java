package org.vansdk.referral.signature;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/** Ed25519 as the JDK provides it (JEP 339); one {@link Signature} object cached per thread. */
final class Ed25519 {

  static final String ALGORITHM = "Ed25519";

  private static final ThreadLocal<Signature> SIGNATURES =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Signature.getInstance(ALGORITHM);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("the JDK offers no Ed25519 signature", e);
            }
          });

  private Ed25519() {}

  static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(255, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no Ed25519 key generator", e);
    }
  }

  static byte[] sign(PrivateKey key, byte[] data) {
    Signature signature = SIGNATURES.get();
    try {
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the key is not an Ed25519 private key", e);
    }
  }

  static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
    Signature signature = SIGNATURES.get();
    try {
      signature.initVerify(key);
      signature.update(data);
      return signature.verify(signatureBytes);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static PublicKey decodePublicKey(byte[] x509) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the bytes are not an X.509 Ed25519 public key", e);
    }
  }
}
