package org.vansdk.referral.node;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ReferralStore;

/**
 * Hands the outbox to a transport: acknowledgements and sync messages once, reliable messages until
 * acknowledged (again after the retry interval, or at once when the peer asks). Signing runs
 * outside the node's lock (in parallel when many are due); the bookkeeping runs under it. The retry
 * state (attempts, next due) is kept in the store with each entry, so a restart neither resends
 * everything at once nor forgets how often a message was tried.
 */
final class OutboxPump {

  private final ReferralStore store;
  private final MessageFactory f;
  private final Duration retryAfter;
  private final Set<String> signing = new HashSet<>();

  OutboxPump(ReferralStore store, MessageFactory f, Duration retryAfter) {
    this.store = store;
    this.f = f;
    this.retryAfter = retryAfter;
  }

  List<Transmission> outgoing(Object lock) {
    List<Message> due = new ArrayList<>();
    List<String> once = new ArrayList<>();
    synchronized (lock) {
      Instant now = f.clock.instant();
      Work retries = new Work(store);
      for (OutboxEntry e : store.outboxDue(now)) {
        String id = e.message().envelope().messageId();
        if (e.reliable()) {
          // Recorded before it leaves, with the next due time: a restart does not resend early.
          retries.change.addOutboxRetry(e.sent(now.plus(retryAfter)));
        } else if (!signing.add(id)) {
          continue; // another thread is transmitting it
        } else {
          once.add(id);
        }
        due.add(e.message().withTransmissionId(f.newId()));
      }
      store.commit(retries.build());
    }
    List<Transmission> out;
    try {
      out = InParallel.map(due, m -> new Transmission(m.envelope().receiver(), f.signed(m)));
    } catch (RuntimeException e) {
      synchronized (lock) {
        signing.removeAll(once); // still in the outbox: the next call tries again
      }
      throw e;
    }
    synchronized (lock) {
      // One-shot messages leave the outbox only once signed, so a failure cannot lose them.
      Work w = new Work(store);
      once.forEach(w.change::addOutboxRemove);
      try {
        store.commit(w.build());
      } finally {
        signing.removeAll(once);
      }
    }
    return out;
  }

  /** Makes a reliable entry due at once (its peer asked for it again), in the given work. */
  static void retryNow(Work w, OutboxEntry e) {
    w.change.addOutboxRetry(e.dueNow());
  }
}
