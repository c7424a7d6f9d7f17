package org.vansdk.referral.node;

import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.Party;

/**
 * One message ready for the wire, freshly signed with a new transmission id: what a transport
 * delivers to {@code to}'s node ({@link ReferralNode#receive(byte[])}).
 *
 * @param to the receiving party
 * @param message the signed message
 */
public record Transmission(Party to, Message message) {

  /** The wire bytes (UTF-8 JSON). */
  public byte[] bytes() {
    return MessageCodec.toBytes(message);
  }

  /** The length of the wire bytes, without copying them (to size a batch). */
  public int size() {
    return MessageCodec.byteLength(message);
  }
}
