package org.vansdk.referral.store;

import org.vansdk.core.id.AttemptId;

/**
 * The next {@code senderSeq} expected from one sender on one attempt.
 *
 * @param attemptId the attempt
 * @param senderKey the sender, {@code organisation/system}
 * @param next the next expected sequence number
 * @since 1.0
 */
public record InboundSequence(AttemptId attemptId, String senderKey, long next) {}
