package org.vansdk.transport.httpsig;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The nonces seen inside the time window, per key, bounded in size. A nonce is forgotten once the
 * signature that carried it can no longer pass the time window, so a replay is caught for as long
 * as it could be accepted. When the cache is full of unexpired nonces, new requests are refused as
 * busy rather than forgetting a nonce early (which would let a replay through). Thread-safe.
 */
final class NonceCache {

  /** What {@link #add} found. */
  enum Result {
    FRESH,
    SEEN,
    FULL
  }

  private record Entry(String key, Instant forgetAt) {}

  private final int capacity;
  private final Map<String, Instant> seen = new HashMap<>();
  private final Deque<Entry> order = new ArrayDeque<>();

  NonceCache(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("nonce cache capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Records a nonce of a key until {@code forgetAt}.
   *
   * @return FRESH if it was not seen (and is now recorded), SEEN if it was, FULL if there is no
   *     room
   */
  synchronized Result add(String keyId, String nonce, Instant now, Instant forgetAt) {
    // entries are forgotten in insertion order; forgetAt grows with it unless the window changes
    while (!order.isEmpty() && !order.peekFirst().forgetAt().isAfter(now)) {
      Entry e = order.removeFirst();
      seen.remove(e.key(), e.forgetAt());
    }
    String key = keyId + "\n" + nonce;
    Instant until = seen.get(key);
    if (until != null && until.isAfter(now)) {
      return Result.SEEN;
    }
    if (seen.size() >= capacity) {
      return Result.FULL;
    }
    seen.put(key, forgetAt);
    order.addLast(new Entry(key, forgetAt));
    return Result.FRESH;
  }

  /** The number of nonces held. */
  synchronized int size() {
    return seen.size();
  }
}
