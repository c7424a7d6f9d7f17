package org.vansdk.referral.signature;

import java.util.regex.Pattern;

/**
 * The identifier of one organisation signing key, as written in a message's {@code
 * signature.keyId}: for example {@code KHM-CMAA-2026-01}. Keys rotate, so an organisation usually
 * has several over time.
 *
 * @param value the identifier: 1 to 128 characters from {@code [A-Za-z0-9._:-]}
 * @since 1.0
 */
public record KeyId(String value) {

  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /**
   * Checks the form of the identifier.
   *
   * @throws IllegalArgumentException if it is not 1 to 128 characters from {@code [A-Za-z0-9._:-]}
   */
  public KeyId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("key id must be 1 to 128 characters from [A-Za-z0-9._:-]");
    }
  }

  /**
   * Returns the key id with the given text.
   *
   * @throws IllegalArgumentException if the text is not a valid key id
   */
  public static KeyId of(String value) {
    return new KeyId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
