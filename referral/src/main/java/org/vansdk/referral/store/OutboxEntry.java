package org.vansdk.referral.store;

import org.vansdk.referral.message.Message;

/**
 * A message waiting in the outbox. Reliable entries stay until the receiver acknowledges them
 * ({@code ok} or {@code fatal_error}); the others (acks, sync messages) are sent once.
 *
 * @param message the message (signed again on every transmission)
 * @param reliable true if it must be resent until acknowledged
 * @since 1.0
 */
public record OutboxEntry(Message message, boolean reliable) {}
