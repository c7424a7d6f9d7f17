package org.vansdk.exchange.hsds;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * HSDS ids derived from ours: name-based UUIDs (version 5, SHA-1, RFC 9562) in the VAN SDK's
 * namespace, of the entity kind and our id ({@code service:KHM-HI-S01}), so the same record always
 * gets the same HSDS id and two kinds never collide. Thread-safe.
 */
final class HsdsIds {
  /** The namespace: the name-based UUID of {@code https://vansdk.org/hsds} in the URL namespace. */
  static final UUID NAMESPACE =
      v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://vansdk.org/hsds");

  private HsdsIds() {}

  static String of(String kind, String id) {
    return v5(NAMESPACE, kind + ":" + id).toString();
  }

  static UUID v5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
    return new UUID(b.getLong(), b.getLong());
  }
}
