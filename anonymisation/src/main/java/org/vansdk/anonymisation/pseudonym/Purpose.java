package org.vansdk.anonymisation.pseudonym;

import org.vansdk.anonymisation.AnonymisationException;

/**
 * Why pseudonyms are made, e.g. {@code regional_dashboard} or {@code referral_linkage}: one key per
 * purpose so that datasets made for different purposes cannot be joined.
 *
 * @param code a lower_snake_case code
 * @since 1.0
 */
public record Purpose(String code) {
  /** Validates the code. */
  public Purpose {
    if (!code.matches("[a-z][a-z0-9_]{0,63}")) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_KEY, "purpose must be lower_snake_case, 1-64 characters");
    }
  }

  /**
   * Creates a purpose.
   *
   * @param code a lower_snake_case code
   * @return the purpose
   */
  public static Purpose of(String code) {
    return new Purpose(code);
  }
}
