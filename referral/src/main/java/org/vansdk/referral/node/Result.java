package org.vansdk.referral.node;

import org.vansdk.core.ErrorCode;
import org.vansdk.referral.message.AckStatus;

/** The outcome of processing one message, before it becomes an ack. */
final class Result {
  final AckStatus status;
  final ErrorCode code;
  final String detail;

  private Result(AckStatus status, ErrorCode code, String detail) {
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  static Result of(AckStatus status, ErrorCode code, String detail) {
    return new Result(status, code, detail);
  }

  static Result ok() {
    return new Result(AckStatus.OK, ReferralErrors.PROCESSED, "processed");
  }

  static Result fatal(ErrorCode code, String detail) {
    return new Result(AckStatus.FATAL_ERROR, code, detail);
  }

  Receipt receipt() {
    return new Receipt(status, code, detail);
  }
}
