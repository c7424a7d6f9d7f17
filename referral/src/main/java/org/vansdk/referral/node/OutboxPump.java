package org.vansdk.referral.node;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ReferralStore;

/**
 * Hands the outbox to a transport: acknowledgements and sync messages once, reliable messages until
 * acknowledged (again after the retry interval, or at once when the peer asks). Signing runs
 * outside the node's lock; the bookkeeping of what is being sent and when it was last sent runs
 * under it.
 */
final class OutboxPump {

  private final ReferralStore store;
  private final MessageFactory f;
  private final Duration retryAfter;
  private final Map<String, Instant> lastSent = new HashMap<>();
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
      for (OutboxEntry e : store.outbox()) {
        String id = e.message().envelope().messageId();
        if (e.reliable()) {
          Instant last = lastSent.get(id);
          if (last != null && now.isBefore(last.plus(retryAfter))) {
            continue;
          }
          lastSent.put(id, now);
        } else if (!signing.add(id)) {
          continue; // another thread is transmitting it
        } else {
          once.add(id);
        }
        due.add(e.message().withTransmissionId(f.newId()));
      }
    }
    List<Transmission> out = new ArrayList<>(due.size());
    try {
      for (Message m : due) {
        out.add(new Transmission(m.envelope().receiver(), f.signed(m)));
      }
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

  /** Makes a reliable message due at once (acknowledged, or asked for again); under the lock. */
  void retryNow(String messageId) {
    lastSent.remove(messageId);
  }
}
