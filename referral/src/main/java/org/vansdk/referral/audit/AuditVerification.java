package org.vansdk.referral.audit;

import java.util.Optional;

/**
 * The result of verifying an audit chain: valid, or the position of the first broken entry and what
 * was wrong with it.
 *
 * @param valid true if every entry is in place and unaltered
 * @param entries how many entries were checked
 * @param firstBroken the sequence position where the chain first breaks, or -1 if valid
 * @param problem what was found at that position, empty if valid
 * @since 1.0
 */
public record AuditVerification(boolean valid, int entries, long firstBroken, String problem) {

  static AuditVerification ok(int entries) {
    return new AuditVerification(true, entries, -1, "");
  }

  static AuditVerification broken(int entries, long position, String problem) {
    return new AuditVerification(false, entries, position, problem);
  }

  /** The problem, if the chain is broken. */
  public Optional<String> problemIfAny() {
    return valid ? Optional.empty() : Optional.of(problem);
  }
}
