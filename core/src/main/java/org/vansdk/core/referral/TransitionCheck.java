package org.vansdk.core.referral;

import java.util.Optional;

/**
 * The answer of {@link AttemptStateTable#check}: allowed (with the row that allows it), or refused
 * because the move is not in the table or is reserved to another party, with a message that says
 * what is allowed.
 *
 * @param verdict allowed, not in the table, or wrong party
 * @param row the permitting row when allowed
 * @param message an English explanation (no personal data)
 * @since 1.0
 */
public record TransitionCheck(Verdict verdict, Optional<Transition> row, String message) {

  /** The outcomes of a check. */
  public enum Verdict {
    /** The move is in the table for this role. */
    ALLOWED,
    /** No row moves the attempt from this state to that one. */
    NOT_IN_TABLE,
    /** A row exists, but for another role. */
    WRONG_PARTY
  }

  static TransitionCheck allowed(Transition row) {
    return new TransitionCheck(Verdict.ALLOWED, Optional.of(row), "allowed");
  }

  static TransitionCheck notInTable(String message) {
    return new TransitionCheck(Verdict.NOT_IN_TABLE, Optional.empty(), message);
  }

  static TransitionCheck wrongParty(String message) {
    return new TransitionCheck(Verdict.WRONG_PARTY, Optional.empty(), message);
  }

  /** True if the move is allowed. */
  public boolean isAllowed() {
    return verdict == Verdict.ALLOWED;
  }
}
