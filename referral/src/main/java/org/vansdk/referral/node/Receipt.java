package org.vansdk.referral.node;

import org.vansdk.core.ErrorCode;
import org.vansdk.referral.message.AckStatus;

/**
 * What a node did with one received message; the same status and code travel back to the sender in
 * the {@code ack}.
 *
 * @param status ok (processed, replayed or ignored), transient (held; resend) or fatal (refused)
 * @param code the stable code of what happened
 * @param detail an English explanation (no personal data)
 */
public record Receipt(AckStatus status, ErrorCode code, String detail) {}
