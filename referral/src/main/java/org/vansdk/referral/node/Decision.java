package org.vansdk.referral.node;

import org.vansdk.core.ErrorCode;

/**
 * The answer to a local command on a node (send, accept, cancel …): done, or refused with a stable
 * code and a message saying what was wrong and what is allowed. Refusals of moves are also written
 * to the referral's audit log.
 *
 * @param done true if the command took effect
 * @param code {@link ReferralErrors#PROCESSED} when done, otherwise the refusal code
 * @param message an English explanation (no personal data)
 */
public record Decision(boolean done, ErrorCode code, String message) {

  static Decision ok() {
    return new Decision(true, ReferralErrors.PROCESSED, "done");
  }

  static Decision done(String message) {
    return new Decision(true, ReferralErrors.PROCESSED, message);
  }

  static Decision refused(ErrorCode code, String message) {
    return new Decision(false, code, message);
  }
}
