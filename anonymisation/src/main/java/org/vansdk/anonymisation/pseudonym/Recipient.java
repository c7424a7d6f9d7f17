package org.vansdk.anonymisation.pseudonym;

import org.vansdk.anonymisation.AnonymisationException;

/**
 * Who receives pseudonymised data, e.g. an organisation identifier {@code KHM-CMAA} or {@code
 * regional}: one key per recipient so that two recipients cannot link their datasets.
 *
 * @param code letters, digits, {@code -}, {@code _} or {@code .}
 * @since 1.0
 */
public record Recipient(String code) {
  /** Validates the code. */
  public Recipient {
    if (!code.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_KEY,
          "recipient must be 1-64 letters, digits, '.', '_' or '-'");
    }
  }

  /**
   * Creates a recipient.
   *
   * @param code the recipient code
   * @return the recipient
   */
  public static Recipient of(String code) {
    return new Recipient(code);
  }
}
