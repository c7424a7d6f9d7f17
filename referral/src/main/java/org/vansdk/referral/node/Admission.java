package org.vansdk.referral.node;

import org.vansdk.core.ErrorCode;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.Message;

/**
 * A received message after the stateless checks: the message (absent when it cannot be answered at
 * all) and the refusal (absent when it passed).
 */
final class Admission {
  final Message message;
  final Result refusal;

  Admission(Message message, Result refusal) {
    this.message = message;
    this.refusal = refusal;
  }

  static Admission refused(AckStatus status, ErrorCode code, String detail) {
    return new Admission(null, Result.of(status, code, detail));
  }
}
