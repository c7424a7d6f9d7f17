package org.vansdk.referral.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each entry of a {@link JdbcReferralStore}'s outbox is next due, in outbox order (oldest
 * first), kept in memory so that finding the due entries reads only their rows. On PostgreSQL the
 * outbox, whose rows are added, updated and deleted for every message, is mostly dead row versions
 * between two vacuums, and a query for the due entries read them all: at 500 messages a second, 15
 * ms a read after 40 seconds, under the node's lock. The store loads it on open and applies each
 * committed transaction's changes to it; one node writes to a database, so nothing else changes the
 * outbox behind it. About a hundred bytes an entry. Not thread-safe: the store uses it under its
 * lock.
 */
final class DueIndex {

  private final LinkedHashMap<String, Long> nextDue = new LinkedHashMap<>();

  /** Adds an entry read from the database (in outbox order). */
  void load(String messageId, long nextDueMillis) {
    nextDue.put(messageId, nextDueMillis);
  }

  /**
   * Applies a committed change, in the order the store writes it: removals, then additions (an
   * entry added again becomes the newest), then new retry state (of entries still there).
   */
  void apply(Change c) {
    for (String id : c.outboxRemove()) {
      nextDue.remove(id);
    }
    for (OutboxEntry e : c.outboxAdd()) {
      String id = e.message().envelope().messageId();
      nextDue.remove(id);
      nextDue.put(id, e.nextDue().toEpochMilli());
    }
    for (OutboxEntry e : c.outboxRetry()) {
      nextDue.computeIfPresent(
          e.message().envelope().messageId(), (id, due) -> e.nextDue().toEpochMilli());
    }
  }

  /** The ids of the entries due at the instant (epoch milliseconds), oldest first. */
  List<String> dueAt(long nowMillis) {
    List<String> ids = new ArrayList<>();
    for (Map.Entry<String, Long> e : nextDue.entrySet()) {
      if (e.getValue() <= nowMillis) {
        ids.add(e.getKey());
      }
    }
    return ids;
  }
}
