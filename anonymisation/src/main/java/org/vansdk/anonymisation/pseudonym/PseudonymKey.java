package org.vansdk.anonymisation.pseudonym;

import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.vansdk.anonymisation.AnonymisationException;

/**
 * A secret HMAC key for one purpose and recipient, with its version. The secret never appears in
 * {@link #toString()}, in messages or in any output; it can only be used to compute pseudonyms.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class PseudonymKey {
  /** The shortest accepted secret, in bytes (256 bits). */
  public static final int MINIMUM_BYTES = 32;

  private final Purpose purpose;
  private final Recipient recipient;
  private final int version;
  private final byte[] secret;

  private PseudonymKey(Purpose purpose, Recipient recipient, int version, byte[] secret) {
    this.purpose = purpose;
    this.recipient = recipient;
    this.version = version;
    this.secret = secret;
  }

  /**
   * Creates a key.
   *
   * @param purpose the purpose the key serves
   * @param recipient the recipient the key serves
   * @param version the key version, at least 1, carried in every token
   * @param secret the secret, at least 32 bytes; copied
   * @return the key
   * @throws AnonymisationException {@code VAN-A-0004} if the secret is shorter than 256 bits or the
   *     version is below 1 (the message gives the length, never the bytes)
   */
  public static PseudonymKey of(Purpose purpose, Recipient recipient, int version, byte[] secret) {
    if (secret.length < MINIMUM_BYTES) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_KEY,
          "pseudonym key for "
              + purpose.code()
              + "/"
              + recipient.code()
              + " has "
              + secret.length * 8
              + " bits; at least 256 are required");
    }
    if (version < 1) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_KEY, "pseudonym key version must be at least 1");
    }
    return new PseudonymKey(purpose, recipient, version, secret.clone());
  }

  /**
   * Returns the purpose.
   *
   * @return the purpose
   */
  public Purpose purpose() {
    return purpose;
  }

  /**
   * Returns the recipient.
   *
   * @return the recipient
   */
  public Recipient recipient() {
    return recipient;
  }

  /**
   * Returns the version carried in tokens.
   *
   * @return at least 1
   */
  public int version() {
    return version;
  }

  SecretKeySpec spec() {
    return new SecretKeySpec(secret, "HmacSHA256");
  }

  /** Overwrites the secret in memory; the key is unusable afterwards. */
  public void destroy() {
    Arrays.fill(secret, (byte) 0);
  }

  @Override
  public String toString() {
    return "PseudonymKey["
        + purpose.code()
        + "/"
        + recipient.code()
        + ", v"
        + version
        + ", secret=***]";
  }
}
