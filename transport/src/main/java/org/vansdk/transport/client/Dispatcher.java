package org.vansdk.transport.client;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.node.Transmission;
import org.vansdk.transport.observe.TransportObserver;

/**
 * Delivers a node's outbox to its peers over HTTP(S): one ordered lane per peer, lanes served in
 * parallel (a dead peer delays only its own lane), exponential back-off with jitter that honours
 * {@code Retry-After}, and the ack of every delivered message fed back to the node, which then
 * stops resending it. What waits at the head of a lane leaves together, as one NDJSON request to
 * the peer's batch route, which the peer receives in order in one transaction and answers line by
 * line once committed; the acks of a request are then fed to the node in one transaction too (group
 * commit on both sides), while the lane's next request is under way. A lane has up to {@link
 * Builder#inFlight} requests under way at once (two by default; a second leaves only if full),
 * never two with messages of one attempt, so the peer receives each attempt's messages in order,
 * the only order the protocol keeps. Following the binding's status rules: {@code 200} (or {@code
 * 204}) decided; {@code 429}, {@code 5xx}, time-outs and broken connections are retried with the
 * same messages (the node gives each a new transmission id); {@code 400}, {@code 413}, {@code 415}
 * and other {@code 4xx} to a single message, or a batch line with a problem, are parked and never
 * resent (see {@link Builder#batch} for a batch refused as a whole).
 *
 * <p>What must survive a restart lives in the node's durable outbox: messages not yet acknowledged
 * are offered again by the node after a restart (each with its retry count and next due time), and
 * the receiver's idempotency makes a repeat harmless. Lanes, back-off and the parked list are kept
 * in memory. Thread-safe.
 *
 * @since 1.0
 */
public final class Dispatcher implements AutoCloseable {

  private final ReferralNode node;
  private final Clock clock;
  private final ExecutorService lanesPool;

  /** Sends a lane's messages and feeds their acks to the node. */
  private final LaneSender sender;

  /** Runs the lanes' requests, so that a lane can have several under way. */
  private final ExecutorService requestsPool;

  /** Feeds the acks of what a lane delivered to the node while the lane sends its next request. */
  private final ExecutorService acksPool;

  /** How long a background round may leave the outbox alone while every lane is sending. */
  private final long coalesceNanos;

  private final Ledger ledger;
  private final Map<OrganisationId, Lane> lanes = new LinkedHashMap<>();

  private final Object signal = new Object();
  private boolean woken; // guarded by signal

  /** When a background round last took the outbox's due messages ({@link System#nanoTime}). */
  private long queuedAt; // guarded by this

  /** A background round that left the outbox alone: the next one comes by then at the latest. */
  private long deferredUntil; // guarded by this; 0 when not deferred

  private volatile boolean running;
  private @Nullable Thread loop;

  private Dispatcher(Builder b) {
    this.node = b.node;
    this.clock = b.clock;
    this.requestsPool = Executors.newCachedThreadPool(daemon("van-dispatch-send"));
    this.lanesPool = Executors.newFixedThreadPool(b.concurrency, daemon("van-dispatch"));
    this.acksPool = Executors.newFixedThreadPool(b.concurrency, daemon("van-dispatch-acks"));
    this.ledger = new Ledger(b.observer);
    this.sender =
        new LaneSender(
            b.node,
            b.peers,
            new Delivery(b.http, b.clock, b.requestTimeout),
            new LaneSender.Limits(b.batchSize, b.maxBatchBytes, b.inFlight),
            new LaneSender.Backoff(b.clock, b.initialBackoff, b.maxBackoff, b.random),
            requestsPool,
            acksPool,
            b.observer,
            ledger);
    this.coalesceNanos = b.coalesce.toNanos();
    this.queuedAt = System.nanoTime() - coalesceNanos;
  }

  /**
   * Starts a dispatcher for a node.
   *
   * @param node whose outbox is delivered
   * @param peers where each peer's endpoint is
   * @param http the client (configured with the TLS context that trusts the peers)
   */
  public static Builder builder(ReferralNode node, PeerEndpoints peers, HttpClient http) {
    return new Builder(node, peers, http);
  }

  /**
   * One round: takes what the node's outbox has due, queues it in each peer's lane, and sends every
   * lane whose back-off has ended, in order, until it is empty or a send fails. A lane the
   * background rounds are sending from is waited for and then served, so when this returns every
   * message that was due has been tried.
   *
   * @return what was delivered, what still waits and what was parked in this round
   */
  public synchronized DispatchReport dispatch() {
    queue();
    Instant now = clock.instant();
    List<Future<Integer>> rounds = new ArrayList<>();
    List<Parked> parkedNow = Collections.synchronizedList(new ArrayList<>());
    for (Lane lane : lanes.values()) {
      lane.turn.acquireUninterruptibly();
      if (lane.due(now)) {
        try {
          rounds.add(lanesPool.submit(() -> drainAndRelease(lane, parkedNow)));
        } catch (RejectedExecutionException e) {
          lane.turn.release();
          throw new IllegalStateException("the dispatcher is closed", e);
        }
      } else {
        lane.turn.release();
      }
    }
    int delivered = 0;
    for (Future<Integer> f : rounds) {
      try {
        delivered += f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        throw new IllegalStateException("a delivery lane failed", e.getCause());
      }
    }
    int waiting = lanes.values().stream().mapToInt(Lane::size).sum();
    return new DispatchReport(delivered, waiting, parkedNow);
  }

  /** Queues what the node's outbox has due in each peer's lane (what was parked here stays out). */
  private void queue() {
    for (Transmission t : node.outgoing()) {
      if (ledger.isParked(t.message().envelope().messageId())) {
        continue;
      }
      if (lanes.computeIfAbsent(t.to().organisation(), Lane::new).offer(t)) {
        ledger.queued();
      }
    }
  }

  /**
   * A background round: queues what is due and starts sending every due lane no one sends from,
   * without waiting for any: a slow peer holds up only its own lane. A lane that ends its turn
   * wakes the loop, so what was queued meanwhile leaves at once.
   *
   * <p>While every lane is sending, a round leaves the outbox alone for up to {@link
   * Builder#coalesce}: what is referred meanwhile would only wait in a busy lane, and taking it
   * then costs the node a commit of retry state for each wake; taken when a lane ends its turn, it
   * leaves together, one commit and one request for all. A message for a peer with no lane yet
   * waits at most that long.
   */
  private synchronized void backgroundRound() {
    long nanos = System.nanoTime();
    if (everyLaneSending() && nanos - queuedAt < coalesceNanos) {
      deferredUntil = queuedAt + coalesceNanos;
      return;
    }
    deferredUntil = 0;
    queuedAt = nanos;
    queue();
    Instant now = clock.instant();
    for (Lane lane : lanes.values()) {
      if (lane.due(now) && lane.turn.tryAcquire()) {
        try {
          lanesPool.execute(
              () -> {
                try {
                  drainAndRelease(lane, Collections.synchronizedList(new ArrayList<>()));
                } catch (RuntimeException e) {
                  // What was not delivered is still in the node's outbox and is offered again.
                } finally {
                  wake();
                }
              });
        } catch (RejectedExecutionException e) {
          lane.turn.release(); // closing
        }
      }
    }
  }

  /** Whether there are lanes and each is being sent from now. */
  private boolean everyLaneSending() {
    if (lanes.isEmpty()) {
      return false;
    }
    for (Lane lane : lanes.values()) {
      if (lane.turn.availablePermits() > 0) {
        return false;
      }
    }
    return true;
  }

  /** When the loop must run its next round at the latest: the interval, or a deferred round. */
  private synchronized long nextRoundBy(long intervalDeadline) {
    return deferredUntil == 0 ? intervalDeadline : Math.min(intervalDeadline, deferredUntil);
  }

  /**
   * Drains a lane whose turn the caller holds, and releases the turn; takes it again if something
   * was queued just before the release, which no other round would start (it found the lane busy),
   * unless the lane stopped on a failure: then it waits for its back-off and the next round.
   */
  private int drainAndRelease(Lane lane, List<Parked> parkedNow) {
    int delivered = 0;
    do {
      try {
        delivered += sender.drain(lane, parkedNow);
      } finally {
        lane.turn.release();
      }
    } while (!lane.failing() && lane.due(clock.instant()) && lane.turn.tryAcquire());
    return delivered;
  }

  /** The organisation whose outbox this dispatcher delivers. */
  public OrganisationId organisation() {
    return node.party().organisation();
  }

  /**
   * How many messages wait in the lanes now (queued, not yet delivered or parked). Unlike {@link
   * #waiting()} it does not wait for a round to end, so a metrics scrape can read it at any time.
   */
  public int backlog() {
    return ledger.backlog();
  }

  /**
   * Lets a message this dispatcher parked be sent again: call it once an operator resent it (the
   * node made it due again), so the next round queues it. A message not parked here is ignored.
   * Thread-safe.
   *
   * @return whether it was parked here
   */
  public boolean unpark(String messageId) {
    boolean was = ledger.unpark(messageId);
    if (was) {
      wake();
    }
    return was;
  }

  /** Everything parked so far, oldest first. */
  public List<Parked> parked() {
    return ledger.parked();
  }

  /** Messages waiting in each peer's lane. */
  public synchronized Map<OrganisationId, Integer> waiting() {
    Map<OrganisationId, Integer> out = new LinkedHashMap<>();
    lanes.forEach((peer, lane) -> out.put(peer, lane.size()));
    return out;
  }

  /**
   * Runs rounds on a background thread until {@link #close()}: a round every {@code interval}, or
   * as soon as {@link #wake()} is called or a lane ends its turn. A round starts each due lane that
   * is not already sending and does not wait for it, so lanes are independent: a peer that answers
   * slowly (up to the request time-out) delays only its own lane. Under load a lane never waits for
   * a timer: what is queued while its request is in flight leaves in its next request.
   *
   * @throws IllegalStateException if already started
   */
  public synchronized void start(Duration interval) {
    if (loop != null) {
      throw new IllegalStateException("the dispatcher is already running");
    }
    running = true;
    Thread t = daemon("van-dispatch-loop").newThread(() -> run(interval.toNanos()));
    loop = t;
    t.start();
  }

  /**
   * Starts the next background round now instead of at the end of the interval: call it after a
   * command put something in the node's outbox, so that it leaves without waiting (or, while every
   * lane is sending, with the next request of a lane, within {@link Builder#coalesce}). Does
   * nothing if the dispatcher was not {@link #start started}. Thread-safe, never blocks.
   */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void run(long intervalNanos) {
    while (running) {
      synchronized (signal) {
        woken = false; // a wake-up from now on is for what this round may not see
      }
      try {
        backgroundRound();
      } catch (RuntimeException e) {
        // The next round tries again; what was not delivered is still in the node's outbox.
      }
      long deadline = nextRoundBy(System.nanoTime() + intervalNanos);
      synchronized (signal) {
        for (long left; running && !woken && (left = deadline - System.nanoTime()) > 0; ) {
          try {
            TimeUnit.NANOSECONDS.timedWait(signal, left);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
  }

  /**
   * Stops the background rounds (if started) and the lane threads; the requests under way finish
   * first (for up to 10 seconds in all).
   */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      t = loop;
      loop = null;
      running = false;
    }
    wake();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      if (t != null) {
        t.join(TimeUnit.SECONDS.toMillis(10));
      }
      // The lanes' requests under way finish, so what they took from the outbox is delivered now
      // rather than resent after a restart.
      lanesPool.shutdown();
      lanesPool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      acksPool.shutdown();
      acksPool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      requestsPool.shutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lanesPool.shutdownNow();
      acksPool.shutdownNow();
      requestsPool.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Builds a {@link Dispatcher}. */
  public static final class Builder {
    private final ReferralNode node;
    private final PeerEndpoints peers;
    private final HttpClient http;
    private Clock clock = Clock.systemUTC();
    private Random random = new Random();
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private Duration requestTimeout = Duration.ofSeconds(15);
    private int concurrency = 4;
    private int batchSize = 100;
    private long maxBatchBytes = 4L << 20;
    private int inFlight = 2;
    private TransportObserver observer = TransportObserver.NONE;
    private Duration coalesce = Duration.ofMillis(50);

    private Builder(ReferralNode node, PeerEndpoints peers, HttpClient http) {
      this.node = node;
      this.peers = peers;
      this.http = http;
    }

    /** The clock that decides when a back-off has ended (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The source of back-off jitter; inject a seeded one for reproducible tests. */
    public Builder random(Random random) {
      this.random = random;
      return this;
    }

    /**
     * The back-off after the first failure (default 1 s) and its ceiling (default 5 min); each
     * further failure doubles it, and the wait is drawn between half and all of it.
     */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** How long one request may take before it counts as failed (default 15 s). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * How many lanes are sent at once (default 4).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder concurrency(int lanes) {
      if (lanes < 1) {
        throw new IllegalArgumentException("concurrency must be positive, was " + lanes);
      }
      this.concurrency = lanes;
      return this;
    }

    /**
     * Who hears of every delivery, retry and parked message (default: nobody); combine several with
     * {@link TransportObserver#all}.
     */
    public Builder observer(TransportObserver observer) {
      this.observer = TransportObserver.all(observer); // an observer that throws is skipped
      return this;
    }

    /**
     * The most messages one request carries to a peer's batch route (default 100), and the most
     * bytes (default 4 MiB, under the endpoint's default body limit of 16 MiB; a single larger
     * message still goes alone). A lane sends what it holds at its head in one request, so under
     * load messages leave in batches and each side commits a batch in one transaction; {@code 1}
     * sends every message to the single route. A peer that has no batch route ({@code 404}, {@code
     * 405}, {@code 415}, {@code 501}) is sent one message a request from then on; a batch it
     * refuses as a whole ({@code 413}, another {@code 4xx}) is resent one message a request, so
     * each message gets its own verdict.
     *
     * @throws IllegalArgumentException if either is not positive
     */
    public Builder batch(int messages, long bytes) {
      if (messages < 1 || bytes < 1) {
        throw new IllegalArgumentException(
            "batch limits must be positive, were "
                + messages
                + " messages and "
                + bytes
                + " bytes");
      }
      this.batchSize = messages;
      this.maxBatchBytes = bytes;
      return this;
    }

    /**
     * The most requests a lane has under way at once (default 2): while the peer applies one batch,
     * it checks the signatures of the next, and this node feeds the acks of the one before. The
     * messages of one attempt never travel in two requests at once, so the peer receives each
     * attempt's messages in order (the only order the protocol keeps, by {@code senderSeq}). A
     * request leaves while another is under way only if it is full ({@link #batch}'s limits): under
     * light load what is queued meanwhile waits for the answer and leaves together, in fewer and
     * larger transactions on both sides. {@code 1} sends a lane's next request only once its last
     * one was answered.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder inFlight(int requests) {
      if (requests < 1) {
        throw new IllegalArgumentException("inFlight must be positive, was " + requests);
      }
      this.inFlight = requests;
      return this;
    }

    /**
     * How long a background round may leave the node's outbox alone while every lane is sending
     * (default 50 ms; zero: never). Taking what is due costs the node a commit of retry state; what
     * is referred while every lane is busy would only wait in a lane, so it is taken when a lane
     * ends its turn, all at once, and leaves in one request. A message for a peer without a lane
     * yet waits at most this long.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder coalesce(Duration wait) {
      if (wait.isNegative()) {
        throw new IllegalArgumentException("coalesce must not be negative, was " + wait);
      }
      this.coalesce = wait;
      return this;
    }

    /** Builds the dispatcher. */
    public Dispatcher build() {
      return new Dispatcher(this);
    }
  }
}
