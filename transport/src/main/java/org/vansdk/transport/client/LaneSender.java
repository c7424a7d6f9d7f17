package org.vansdk.transport.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.node.Transmission;
import org.vansdk.transport.http.TransportErrors;
import org.vansdk.transport.observe.TransportObserver;

/**
 * Sends one lane's messages to its peer, in order, with up to {@link Limits#inFlight} requests
 * under way, and feeds the peer's acks to the node. A {@link Dispatcher} calls it for a lane whose
 * turn it holds; it keeps no state of its own between calls. Thread-safe.
 */
final class LaneSender {

  /** How much one request carries and how many a lane has under way. */
  record Limits(int batchSize, long maxBatchBytes, int inFlight) {}

  /** How long a lane waits after a failure: doubling from {@code initial} up to {@code max}. */
  record Backoff(Clock clock, Duration initial, Duration max, Random jitter) {

    /**
     * Backs the lane off after a failed request (the peer's {@code Retry-After} is a floor).
     *
     * @return how long it waits, in milliseconds
     */
    long fail(Lane lane, Duration retryAfter) {
      double draw;
      synchronized (jitter) {
        draw = jitter.nextDouble();
      }
      Instant now = clock.instant();
      lane.failed(now, initial, max, draw, retryAfter);
      return Duration.between(now, lane.notBefore()).toMillis();
    }
  }

  private final ReferralNode node;
  private final PeerEndpoints peers;
  private final Delivery delivery;
  private final int batchSize;
  private final long maxBatchBytes;
  private final int inFlight;
  private final Backoff backoff;
  private final ExecutorService requestsPool;
  private final ExecutorService acksPool;
  private final TransportObserver observer;
  private final Ledger ledger;

  LaneSender(
      ReferralNode node,
      PeerEndpoints peers,
      Delivery delivery,
      Limits limits,
      Backoff backoff,
      ExecutorService requestsPool,
      ExecutorService acksPool,
      TransportObserver observer,
      Ledger ledger) {
    this.node = node;
    this.peers = peers;
    this.delivery = delivery;
    this.batchSize = limits.batchSize();
    this.maxBatchBytes = limits.maxBatchBytes();
    this.inFlight = limits.inFlight();
    this.backoff = backoff;
    this.requestsPool = requestsPool;
    this.acksPool = acksPool;
    this.observer = observer;
    this.ledger = ledger;
  }

  /**
   * Sends a lane's messages in order until it is empty or a send fails: the messages at its head
   * together to the batch route (one request, one transaction at the peer), a lone one to the
   * single route. Up to {@link Dispatcher.Builder#inFlight} requests are under way at once (the
   * peer checks the signatures of one while it applies another; one leaves while another is under
   * way only if it is full), never two with messages of one attempt; their answers are taken in the
   * order they were sent. The acks of what one request delivered are fed to the node together (one
   * transaction here too), after the peer answered, that is after it committed; that runs while the
   * lane's next requests are under way (at most one feed a lane at a time, so the node's work and
   * the peer's overlap), and the lane's turn ends only once the last feed is done. After a failure
   * nothing more is sent in this turn, but the answers of the requests already under way are still
   * taken.
   */
  int drain(Lane lane, List<Parked> parkedNow) {
    Optional<URI> base = peers.endpoint(lane.peer);
    if (base.isEmpty()) {
      for (Transmission t; (t = lane.head()) != null; ) {
        ledger.park(lane, t, 0, TransportErrors.NOT_FOUND, parkedNow);
      }
      return 0;
    }
    int delivered = 0;
    int singles = 0; // messages of a batch the peer refused as a whole, now sent one a request
    boolean failed = false; // a request failed: nothing more is sent in this turn
    boolean settling = false; // a batch came back unsent: send again once nothing is under way
    Deque<Request> underWay = new ArrayDeque<>();
    Future<?> feeding = null;
    try {
      while (true) {
        settling &= !underWay.isEmpty();
        while (!failed && !settling && underWay.size() < (singles > 0 ? 1 : inFlight)) {
          boolean one = singles > 0 || lane.singleOnly() || batchSize == 1;
          // A second request leaves at once only if full: under light load what is queued
          // meanwhile waits for the answer and leaves together (fewer, larger transactions).
          List<Transmission> next =
              lane.take(one ? 1 : batchSize, maxBatchBytes, !underWay.isEmpty());
          if (next.isEmpty()) {
            break;
          }
          singles = Math.max(0, singles - 1);
          underWay.addLast(send(base.get(), next));
        }
        Request request = underWay.peekFirst();
        if (request == null) {
          return delivered;
        }
        Delivery.Outcome outcome;
        try {
          outcome = request.outcome();
        } finally { // answered, or failed here: its messages are no longer under way either way
          underWay.removeFirst();
          lane.answered(request.messages());
        }
        List<Transmission> sent = request.messages();
        switch (outcome.kind()) {
          case DELIVERED -> {
            if (!failed) {
              lane.recovered();
            }
            List<Delivery.Outcome> lines = sent.size() == 1 ? List.of(outcome) : outcome.lines();
            Feed feed =
                delivered(lane, sent, lines, System.nanoTime() - request.start(), parkedNow);
            delivered += feed.delivered();
            awaitFeed(feeding);
            feeding = feed(feed);
          }
          case RETRY -> {
            if (!failed) {
              long waitMillis = backoff.fail(lane, outcome.retryAfter());
              observer.retrying(lane.peer, outcome.status(), waitMillis);
            }
            failed = true;
          }
          case PARK -> {
            if (!failed) {
              lane.recovered();
            }
            ledger.park(
                lane,
                sent.get(0),
                outcome.status(),
                Objects.requireNonNull(outcome.code()),
                parkedNow);
          }
          case SPLIT -> {
            singles += sent.size();
            settling = true;
          }
          case NO_BATCH -> {
            lane.noBatchRoute();
            settling = true;
          }
        }
      }
    } finally {
      // Only when this thread failed or was interrupted: the requests still under way are waited
      // for (each ends within the request time-out) before their messages may leave again, so
      // that an attempt's messages are never under way twice; their answers are dropped (the
      // messages stay in the outbox, and the peer answers a resend with the replies it stored).
      for (Request r : underWay) {
        r.settle();
        lane.answered(r.messages());
      }
      awaitFeed(feeding);
    }
  }

  /** Starts a request to a peer on the requests' threads (or here, when closing). */
  private Request send(URI base, List<Transmission> messages) {
    Callable<Delivery.Outcome> post =
        () ->
            messages.size() == 1
                ? delivery.single(base, messages.get(0))
                : delivery.batch(base, messages);
    long start = System.nanoTime();
    try {
      return new Request(messages, start, requestsPool.submit(post));
    } catch (RejectedExecutionException e) {
      FutureTask<Delivery.Outcome> here = new FutureTask<>(post);
      here.run();
      return new Request(messages, start, here);
    }
  }

  /** A request under way: the messages it carries, when it left, and the peer's answer to come. */
  private record Request(List<Transmission> messages, long start, Future<Delivery.Outcome> answer) {

    /**
     * Waits for the request to end, whatever became of it; an interrupted thread gives it up
     * (cancels it) instead.
     */
    void settle() {
      if (Thread.currentThread().isInterrupted()) {
        answer.cancel(true);
        return;
      }
      try {
        outcome();
      } catch (RuntimeException e) {
        // It failed: it is no longer under way, which is all that is waited for here.
      }
    }

    /** Waits for the answer; an interrupted wait gives the request up (it is resent later). */
    Delivery.Outcome outcome() {
      try {
        return answer.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer.cancel(true);
        return Delivery.Outcome.retry(0, Duration.ZERO);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException("a request to a peer failed", e.getCause());
      }
    }
  }

  /** Starts feeding a request's acks to the node, on the acks' threads (or here, when closing). */
  private @Nullable Future<?> feed(Feed feed) {
    try {
      return acksPool.submit(feed::run);
    } catch (RejectedExecutionException e) {
      feed.run();
      return null;
    }
  }

  /** Waits for a lane's feed to end; a feed that failed fails the lane's round (as if fed here). */
  private static void awaitFeed(@Nullable Future<?> feeding) {
    if (feeding == null) {
      return;
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          feeding.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true; // the feed is under way: its commit must be waited for
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException("feeding the acks failed", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Takes what a request delivered off the lane (parking the lines the peer refused) and returns
   * the feed of the peer's acks to the node, one transaction, so it stops resending them.
   */
  private Feed delivered(
      Lane lane,
      List<Transmission> sent,
      List<Delivery.Outcome> lines,
      long nanos,
      List<Parked> parkedNow) {
    List<byte[]> acks = new ArrayList<>(lines.size());
    List<Transmission> done = new ArrayList<>(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      Transmission t = sent.get(i);
      Delivery.Outcome line = lines.get(i);
      if (line.kind() == Delivery.Kind.PARK) {
        ledger.park(lane, t, line.status(), Objects.requireNonNull(line.code()), parkedNow);
        continue;
      }
      ledger.done(lane, t);
      done.add(t);
      byte[] ack = line.ack();
      if (ack != null) {
        acks.add(ack);
      }
    }
    return new Feed(lane.peer, done, acks, nanos);
  }

  /** The acks of one delivered request, fed to the node in one transaction, then observed. */
  private final class Feed {
    final OrganisationId peer;
    final List<Transmission> delivered;
    final List<byte[]> acks;
    final long nanos;

    Feed(OrganisationId peer, List<Transmission> delivered, List<byte[]> acks, long nanos) {
      this.peer = peer;
      this.delivered = delivered;
      this.acks = acks;
      this.nanos = nanos;
    }

    int delivered() {
      return delivered.size();
    }

    void run() {
      if (!acks.isEmpty()) {
        // If this fails, the messages stay in the node's outbox and are resent when due; the peer
        // answers them again with the acks it stored.
        node.receiveAll(acks);
      }
      for (Transmission t : delivered) {
        observer.delivered(peer, t.message().type(), t.message().envelope().messageId(), nanos);
      }
    }
  }
}
