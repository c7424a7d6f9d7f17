package org.vansdk.referral.consent;

import org.vansdk.core.ErrorCode;

/**
 * The answer of the {@link ConsentGate}: allowed, or refused with a stable code and a message
 * naming what the consent does not cover (codes and ids only, no personal data).
 *
 * @param allowed true if the disclosure may go ahead
 * @param code the refusal code ({@link ConsentGate#ALLOWED} when allowed)
 * @param message what is missing and what the consent does cover
 * @since 1.0
 */
public record ConsentDecision(boolean allowed, ErrorCode code, String message) {

  static ConsentDecision allow() {
    return new ConsentDecision(true, ConsentGate.ALLOWED, "consent covers the disclosure");
  }

  static ConsentDecision refuse(ErrorCode code, String message) {
    return new ConsentDecision(false, code, message);
  }
}
