package org.vansdk.referral.node;

import java.util.Optional;

/**
 * What a node did with one received message and the signed acknowledgement to answer it with: what
 * a synchronous transport returns to the sender ({@link ReferralNode#receiveAndReply}).
 *
 * @param receipt what was done
 * @param acknowledgement the signed {@code ack} for the sender; empty when the bytes could not be
 *     read as a message at all (nobody to answer; the receipt is then a fatal error) or the message
 *     is one the protocol does not acknowledge (an ack, a sync message)
 */
public record Reply(Receipt receipt, Optional<Transmission> acknowledgement) {}
