package org.vansdk.core.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 as lower-case hex, as used for payload hashes, audit chains and policy fingerprints.
 * Thread-safe.
 *
 * @since 1.0
 */
public final class Sha256 {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sha256() {}

  /**
   * Returns the lower-case hex SHA-256 of the bytes (64 characters).
   *
   * @param data the bytes
   * @return the digest in hex
   */
  public static String hex(byte[] data) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(data);
      char[] out = new char[d.length * 2];
      for (int i = 0; i < d.length; i++) {
        out[2 * i] = HEX[(d[i] >> 4) & 0xF];
        out[2 * i + 1] = HEX[d[i] & 0xF];
      }
      return new String(out);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK offers no SHA-256", e);
    }
  }
}
