package org.vansdk.transport.httpsig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** The {@code Content-Digest} field of RFC 9530 with {@code sha-256}. Stateless. */
final class ContentDigest {

  private ContentDigest() {}

  /** The field value for a body: {@code sha-256=:<base64>:}. */
  static String of(byte[] body) {
    return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
  }

  /**
   * Whether the field value carries a sha-256 digest equal to the body's. Other algorithms in the
   * field are ignored; a field without sha-256 does not match.
   *
   * @throws IllegalArgumentException if the field is not a structured dictionary
   */
  static boolean matches(String field, byte[] body) {
    Map<String, StructuredFields.Member> members = StructuredFields.dictionary(field);
    StructuredFields.Member sha = members.get("sha-256");
    return sha != null
        && sha.value() instanceof byte[]
        && MessageDigest.isEqual((byte[]) sha.value(), sha256(body));
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The bytes of a signature base. */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
