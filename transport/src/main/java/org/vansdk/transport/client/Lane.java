package org.vansdk.transport.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.node.Transmission;

/**
 * The ordered queue of messages for one peer and its back-off state. Messages leave in the order
 * they were queued; a failure stops the lane until its back-off ends, without holding up other
 * lanes. The messages at its head leave together when the peer takes batches. Several requests of a
 * lane may be under way at once, but the messages of one attempt never travel in two of them:
 * {@link #take} stops at a message whose attempt has a message under way, so the peer gets each
 * attempt's messages in order (the protocol orders messages by attempt, with {@code senderSeq}).
 * Thread-safe: the dispatcher queues into a lane while one thread, the holder of its {@link #turn},
 * sends from it.
 */
final class Lane {

  final OrganisationId peer;

  /** Held by whoever sends from the lane: one sender at a time keeps the lane's order. */
  final Semaphore turn = new Semaphore(1);

  private final Deque<Transmission> queue = new ArrayDeque<>();
  private final Set<String> queued = new HashSet<>();

  /** The message ids of the requests under way, and how many messages of each attempt they hold. */
  private final Set<String> underWay = new HashSet<>();

  private final Map<String, Integer> busyAttempts = new HashMap<>();

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
   * The next messages to send, in order, marked as under way: the first ones not under way, at most
   * {@code max} of them and at most {@code maxBytes} bytes in all (but always the first), stopping
   * before a message whose attempt has a message under way. Empty if there is none, or if {@code
   * full} and they would not fill a request (fewer than {@code max}, under {@code maxBytes}).
   */
  synchronized List<Transmission> take(int max, long maxBytes, boolean full) {
    List<Transmission> out = new ArrayList<>(Math.min(max, queue.size()));
    long bytes = 0;
    boolean filled = false;
    for (Transmission t : queue) {
      if (underWay.contains(id(t))) {
        continue;
      }
      bytes += t.size();
      if (out.size() == max || !out.isEmpty() && bytes > maxBytes) {
        filled = true;
        break;
      }
      if (busyAttempts.containsKey(attempt(t))) {
        break;
      }
      out.add(t);
    }
    if (full && !filled && out.size() < max) {
      return List.of();
    }
    for (Transmission t : out) {
      underWay.add(id(t));
      busyAttempts.merge(attempt(t), 1, Integer::sum);
    }
    return out;
  }

  /** The request that carried these messages was answered (or given up): none is under way. */
  synchronized void answered(List<Transmission> sent) {
    for (Transmission t : sent) {
      if (underWay.remove(id(t))) {
        busyAttempts.computeIfPresent(attempt(t), (k, n) -> n == 1 ? null : n - 1);
      }
    }
  }

  private static String id(Transmission t) {
    return t.message().envelope().messageId();
  }

  private static String attempt(Transmission t) {
    return t.message().envelope().attemptId().value();
  }

  /** Whether the peer has no batch route, so every message goes to the single route. */
  synchronized boolean singleOnly() {
    return singleOnly;
  }

  /** The peer answered that it has no batch route: from now on, one message a request. */
  synchronized void noBatchRoute() {
    singleOnly = true;
  }

  /** Takes a delivered or parked message off the lane. */
  synchronized void done(Transmission t) {
    String id = id(t);
    for (Iterator<Transmission> i = queue.iterator(); i.hasNext(); ) {
      if (id(i.next()).equals(id)) { // a lane holds a message once
        i.remove();
        queued.remove(id);
        return;
      }
    }
  }

  /** The peer answered: the back-off starts again from its initial wait after the next failure. */
  synchronized void recovered() {
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
