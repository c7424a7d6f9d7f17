package org.vansdk.referral.node;

import java.util.function.Predicate;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.ForwardingReferralStore;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.ReferralStoreException;

/**
 * An in-memory store that counts the changes committed to it (to show that nothing was written),
 * and refuses the changes a predicate picks (as a full column or a broken constraint would).
 */
final class CountingStore extends ForwardingReferralStore {

  private final Predicate<Change> refuse;
  private int commits;

  CountingStore() {
    this(c -> false);
  }

  CountingStore(Predicate<Change> refuse) {
    super(new InMemoryReferralStore());
    this.refuse = refuse;
  }

  /** How many non-empty changes were committed. */
  synchronized int commits() {
    return commits;
  }

  @Override
  public synchronized void commit(Change change) {
    if (refuse.test(change)) {
      throw new ReferralStoreException("value too long for column record_json");
    }
    delegate().commit(change);
    if (!change.isEmpty()) {
      commits++;
    }
  }
}
