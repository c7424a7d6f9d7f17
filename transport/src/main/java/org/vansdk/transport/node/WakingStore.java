package org.vansdk.transport.node;

import java.time.Instant;
import java.util.function.Supplier;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.ForwardingReferralStore;
import org.vansdk.referral.store.ReferralStore;

/**
 * A node's store that wakes the dispatcher whenever a commit puts a message in the outbox or makes
 * one due at once, so that what a command (refer, accept, …) queues leaves at once instead of at
 * the end of the dispatch interval. The wake-up comes after the store's transaction: inside a group
 * commit ({@link #atomically}) it waits until the group is committed, so a round never looks for
 * rows not yet visible. Everything else is the wrapped store's. Thread-safe as that store.
 */
final class WakingStore extends ForwardingReferralStore {

  private final Runnable wake;
  private final ThreadLocal<boolean[]> group = new ThreadLocal<>();

  WakingStore(ReferralStore store, Runnable wake) {
    super(store);
    this.wake = wake;
  }

  @Override
  public void commit(Change change) {
    super.commit(change);
    if (!queuesSomething(change)) {
      return;
    }
    boolean[] pending = group.get();
    if (pending != null) {
      pending[0] = true;
    } else {
      wake.run();
    }
  }

  /**
   * Whether the change queues a message or makes one due at once (an operator's resend, a peer's
   * sync request); the dispatcher's own bookkeeping, which pushes due times back, wakes nobody.
   */
  private static boolean queuesSomething(Change change) {
    return !change.outboxAdd().isEmpty()
        || change.outboxRetry().stream().anyMatch(e -> e.nextDue().equals(Instant.EPOCH));
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    if (group.get() != null) {
      return super.atomically(work);
    }
    boolean[] pending = {false};
    group.set(pending);
    T result;
    try {
      result = super.atomically(work);
    } finally {
      group.remove();
    }
    if (pending[0]) {
      wake.run();
    }
    return result;
  }
}
