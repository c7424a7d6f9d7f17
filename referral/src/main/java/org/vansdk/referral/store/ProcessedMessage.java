package org.vansdk.referral.store;

import org.vansdk.referral.message.Message;

/**
 * A message that was processed, kept so that a duplicate is answered by replaying the stored reply
 * and a reused id with another payload is recognised as a conflict.
 *
 * @param messageId the processed message's id
 * @param payloadSha256 its payload hash
 * @param reply the reply sent (an {@code ack})
 * @since 1.0
 */
public record ProcessedMessage(String messageId, String payloadSha256, Message reply) {}
