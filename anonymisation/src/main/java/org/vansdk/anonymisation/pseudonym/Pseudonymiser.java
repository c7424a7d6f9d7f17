package org.vansdk.anonymisation.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import org.vansdk.anonymisation.AnonymisationException;

/**
 * Makes keyed pseudonyms: {@code "v" + version + "." + Base32(HMAC-SHA256(key, normalise(id)))}, 52
 * Base32 characters without padding, e.g. {@code v2.MZXW6YTBOI...}. The same identifier, key and
 * version always give the same token; different recipients, purposes or versions give unrelated
 * tokens.
 *
 * <p>Thread-safe: each thread uses its own clone of the initialised MAC.
 *
 * @since 1.0
 */
public final class Pseudonymiser {
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private final String prefix;
  private final Mac prototype;
  private final ThreadLocal<Mac> macs;

  private Pseudonymiser(PseudonymKey key) {
    this.prefix = "v" + key.version() + ".";
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key.spec());
      this.prototype = mac;
    } catch (GeneralSecurityException e) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_KEY,
          "HMAC-SHA256 is not available or refused the key of version " + key.version());
    }
    this.macs = ThreadLocal.withInitial(this::cloneMac);
  }

  private Mac cloneMac() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HMAC-SHA256 provider cannot clone an initialised MAC", e);
    }
  }

  /**
   * Creates a pseudonymiser with the current key of a purpose and recipient.
   *
   * @param keys the key provider
   * @param purpose the purpose
   * @param recipient the recipient
   * @return the pseudonymiser
   * @throws AnonymisationException {@code VAN-A-0004} if the provider has no key
   */
  public static Pseudonymiser of(KeyProvider keys, Purpose purpose, Recipient recipient) {
    return new Pseudonymiser(keys.currentKey(purpose, recipient));
  }

  /**
   * Creates a pseudonymiser with a given key.
   *
   * @param key the key
   * @return the pseudonymiser
   */
  public static Pseudonymiser of(PseudonymKey key) {
    return new Pseudonymiser(key);
  }

  /**
   * Returns the pseudonym of an identifier, normalised first ({@link IdentifierNormaliser}).
   *
   * @param identifier the identifier; personal data, never logged
   * @return the token {@code v<version>.<base32>}
   * @throws AnonymisationException {@code VAN-A-0003} if the identifier is empty after
   *     normalisation
   */
  public String pseudonym(String identifier) {
    String normal = IdentifierNormaliser.normalise(identifier);
    if (normal.isEmpty()) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_CONFIGURATION,
          "an identifier is empty after normalisation; pseudonyms need a non-empty identifier");
    }
    Mac mac = macs.get();
    byte[] digest = mac.doFinal(normal.getBytes(StandardCharsets.UTF_8));
    return prefix + base32(digest);
  }

  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "Pseudonymiser[" + prefix + "***]";
  }
}
