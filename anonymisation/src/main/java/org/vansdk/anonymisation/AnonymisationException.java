package org.vansdk.anonymisation;

import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * Unchecked exception thrown by the anonymisation module when a caller asks for something that
 * cannot be done safely (a value outside its hierarchy, a key that is too short, a policy that
 * would leak). Messages name the problem and what is allowed; they never contain personal data or
 * key material.
 *
 * @since 1.0
 */
public class AnonymisationException extends VanException {
  private static final long serialVersionUID = 1L;

  /** A value is not a leaf of the hierarchy it was encoded with. */
  public static final ErrorCode VALUE_OUTSIDE_HIERARCHY = ErrorCode.of("VAN-A-0001");

  /** A hierarchy is malformed (ragged rows, duplicate leaves, non-functional levels). */
  public static final ErrorCode INVALID_HIERARCHY = ErrorCode.of("VAN-A-0002");

  /** A search or model was configured with values outside their allowed range. */
  public static final ErrorCode INVALID_CONFIGURATION = ErrorCode.of("VAN-A-0003");

  /** A pseudonym key is missing, too short or unknown. */
  public static final ErrorCode INVALID_KEY = ErrorCode.of("VAN-A-0004");

  /** A policy was refused because applying it would leak what it is meant to hide. */
  public static final ErrorCode POLICY_REFUSED = ErrorCode.of("VAN-A-0005");

  /** No transformation of the lattice satisfies the privacy model within the suppression limit. */
  public static final ErrorCode NO_SOLUTION = ErrorCode.of("VAN-A-0006");

  /** A table handed to small-cell protection is inconsistent (margins do not add up). */
  public static final ErrorCode INVALID_TABLE = ErrorCode.of("VAN-A-0007");

  /**
   * Creates an exception with a stable code.
   *
   * @param code the stable error code, e.g. {@code VAN-A-0001}
   * @param message what was wrong, where, and what is allowed; never personal data
   */
  public AnonymisationException(ErrorCode code, String message) {
    super(code, message);
  }
}
