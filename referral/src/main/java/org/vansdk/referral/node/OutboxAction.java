package org.vansdk.referral.node;

/**
 * What an operator (or the transport, for a message a peer refused for good) does to a reliable
 * entry of a node's outbox. Each is audited on the attempt's referral and never moves the attempt.
 *
 * @since 1.0
 */
public enum OutboxAction {
  /** Make the entry due at once, parked or not (a new transmission, same message id). */
  RESEND("resend"),
  /** Keep the entry but never send it again until it is resent. */
  PARK("park"),
  /** Remove the entry: the message is never sent (again). */
  CANCEL("cancel");

  private final String code;

  OutboxAction(String code) {
    this.code = code;
  }

  /** The action's code, as logs and the command line spell it. */
  public String code() {
    return code;
  }
}
