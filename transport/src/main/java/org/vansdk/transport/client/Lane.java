package org.vansdk.transport.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.node.Transmission;

/**
 * The ordered queue of messages for one peer and its back-off state. Messages leave in the order
 * they were queued; a failure stops the lane until its back-off ends, without holding up other
 * lanes. The messages at its head leave together when the peer takes batches. Thread-safe: the
 * dispatcher queues into a lane while one thread, the holder of its {@link #turn}, sends from it.
 */
final class Lane {

  final OrganisationId peer;

  /** Held by whoever sends from the lane: one sender at a time keeps the lane's order. */
  final Semaphore turn = new Semaphore(1);

  private final Deque<Transmission> queue = new ArrayDeque<>();
  private final Set<String> queued = new HashSet<>();
  private int failures;
  private Instant notBefore = Instant.MIN;
  private boolean singleOnly;

  Lane(OrganisationId peer) {
    this.peer = peer;
  }

  /**
   * Queues a transmission unless the same message is already waiting (a periodic resend).
   *
   * @return whether it was queued
   */
  synchronized boolean offer(Transmission t) {
    if (queued.add(t.message().envelope().messageId())) {
      queue.addLast(t);
      return true;
    }
    return false;
  }

  synchronized boolean due(Instant now) {
    return !queue.isEmpty() && !now.isBefore(notBefore);
  }

  synchronized Transmission head() {
    return queue.peekFirst();
  }

  /**
   * The messages at the head of the lane, in order: at most {@code max} of them and at most {@code
   * maxBytes} bytes in all, but always the head itself.
   */
  synchronized List<Transmission> next(int max, long maxBytes) {
    List<Transmission> out = new ArrayList<>(Math.min(max, queue.size()));
    long bytes = 0;
    for (Transmission t : queue) {
      bytes += t.bytes().length;
      if (out.size() == max || !out.isEmpty() && bytes > maxBytes) {
        break;
      }
      out.add(t);
    }
    return out;
  }

  /** Whether the peer has no batch route, so every message goes to the single route. */
  synchronized boolean singleOnly() {
    return singleOnly;
  }

  /** The peer answered that it has no batch route: from now on, one message a request. */
  synchronized void noBatchRoute() {
    singleOnly = true;
  }

  synchronized void done() {
    Transmission t = queue.removeFirst();
    queued.remove(t.message().envelope().messageId());
    failures = 0;
    notBefore = Instant.MIN;
  }

  /** Backs off after a failure: the wait doubles from {@code initial} up to {@code max}. */
  synchronized void failed(
      Instant now, Duration initial, Duration max, double jitter, Duration retryAfter) {
    failures++;
    long base = initial.toMillis() << Math.min(failures - 1, 20);
    long capped = Math.min(base, max.toMillis());
    long wait = (long) (capped * (0.5 + 0.5 * jitter));
    notBefore = now.plusMillis(Math.max(wait, retryAfter.toMillis()));
  }

  /** Whether the last send failed (the lane waits for its back-off, even a zero one). */
  synchronized boolean failing() {
    return failures > 0;
  }

  synchronized int size() {
    return queue.size();
  }

  synchronized Instant notBefore() {
    return notBefore;
  }
}
