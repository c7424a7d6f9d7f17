package org.vansdk.referral.store;

import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.Message;

/**
 * A message that was processed, kept so that a duplicate is answered by replaying the stored reply
 * and a reused id with another payload is recognised as a conflict. Identified by its {@link
 * #sender()} and id: another organisation's message with the same id is another message.
 *
 * @param messageId the processed message's id
 * @param payloadSha256 its payload hash
 * @param reply the reply sent (an {@code ack})
 * @since 1.0
 */
public record ProcessedMessage(String messageId, String payloadSha256, Message reply) {

  /**
   * The organisation that sent the processed message: the one its reply is addressed to. Message
   * ids are unique per sender only, so a processed message is identified by this and its id.
   */
  public OrganisationId sender() {
    return reply.envelope().receiver().organisation();
  }
}
