package org.vansdk.referral.store;

import java.time.Instant;
import org.vansdk.referral.message.Message;

/**
 * A message waiting in the outbox. Reliable entries stay until the receiver acknowledges them
 * ({@code ok} or {@code fatal_error}); the others (acks, sync messages) are sent once. The retry
 * state of a reliable entry is kept with it, so it survives a restart.
 *
 * @param message the message (signed again on every transmission)
 * @param reliable true if it must be resent until acknowledged
 * @param attempts how many times it was handed to a transport
 * @param nextDue when it is due (again); {@link Instant#EPOCH} for at once; {@link #NEVER} while it
 *     is parked
 * @since 1.0
 */
public record OutboxEntry(Message message, boolean reliable, int attempts, Instant nextDue) {

  /**
   * The due time of a parked entry: never (the latest instant a store keeps as epoch milliseconds).
   * A parked entry stays in the outbox, is not sent again until an operator resends it, and keeps
   * its attempt count.
   */
  public static final Instant NEVER = Instant.ofEpochMilli(Long.MAX_VALUE);

  /** An entry not sent yet: no attempts, due at once. */
  public OutboxEntry(Message message, boolean reliable) {
    this(message, reliable, 0, Instant.EPOCH);
  }

  /** True if the entry is due at the instant. */
  public boolean isDue(Instant now) {
    return !now.isBefore(nextDue);
  }

  /** This entry after one more transmission, due again at {@code next}. */
  public OutboxEntry sent(Instant next) {
    return new OutboxEntry(message, reliable, attempts + 1, next);
  }

  /** True if the entry is parked: kept, but never due until an operator resends it. */
  public boolean isParked() {
    return nextDue.equals(NEVER);
  }

  /** This entry parked: never due, its attempt count kept. */
  public OutboxEntry parked() {
    return new OutboxEntry(message, reliable, attempts, NEVER);
  }

  /** This entry due at once (its peer asked for it again). */
  public OutboxEntry dueNow() {
    return new OutboxEntry(message, reliable, attempts, Instant.EPOCH);
  }
}
