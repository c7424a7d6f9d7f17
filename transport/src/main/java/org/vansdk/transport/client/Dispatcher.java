package org.vansdk.transport.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.node.Transmission;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.http.TransportErrors;
import org.vansdk.transport.observe.TransportObserver;

/**
 * Delivers a node's outbox to its peers over HTTP(S): one ordered lane per peer, lanes served in
 * parallel (a dead peer delays only its own lane), exponential back-off with jitter that honours
 * {@code Retry-After}, and the ack of every delivered message fed back to the node, which then
 * stops resending it. Following the binding's status rules: {@code 200} (or {@code 204}) delivered;
 * {@code 429}, {@code 5xx}, time-outs and broken connections are retried with the same message (the
 * node gives it a new transmission id); {@code 400}, {@code 413}, {@code 415} and other {@code 4xx}
 * are parked and never resent.
 *
 * <p>What must survive a restart lives in the node's durable outbox: messages not yet acknowledged
 * are offered again by the node after a restart, and the receiver's idempotency makes a repeat
 * harmless. Lanes, back-off and the parked list are kept in memory. Thread-safe.
 *
 * @since 1.0
 */
public final class Dispatcher implements AutoCloseable {

  private final ReferralNode node;
  private final PeerEndpoints peers;
  private final HttpClient http;
  private final Clock clock;
  private final Random jitter;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration requestTimeout;
  private final ExecutorService lanesPool;
  private final TransportObserver observer;
  private final java.util.concurrent.atomic.AtomicInteger backlog =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Map<OrganisationId, Lane> lanes = new LinkedHashMap<>();
  private final List<Parked> parked = Collections.synchronizedList(new ArrayList<>());
  private final java.util.Set<String> parkedIds =
      Collections.synchronizedSet(new java.util.HashSet<>());
  private @Nullable ScheduledExecutorService timer;

  private Dispatcher(Builder b) {
    this.node = b.node;
    this.peers = b.peers;
    this.http = b.http;
    this.clock = b.clock;
    this.jitter = b.random;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.requestTimeout = b.requestTimeout;
    this.lanesPool = Executors.newFixedThreadPool(b.concurrency, daemon("van-dispatch"));
    this.observer = b.observer;
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
   * lane whose back-off has ended, in order, until it is empty or a send fails.
   *
   * @return what was delivered, what still waits and what was parked in this round
   */
  public synchronized DispatchReport dispatch() {
    for (Transmission t : node.outgoing()) {
      if (parkedIds.contains(t.message().envelope().messageId())) {
        continue;
      }
      if (lanes.computeIfAbsent(t.to().organisation(), Lane::new).offer(t)) {
        backlog.incrementAndGet();
      }
    }
    Instant now = clock.instant();
    List<Future<int[]>> rounds = new ArrayList<>();
    List<Parked> parkedNow = Collections.synchronizedList(new ArrayList<>());
    for (Lane lane : lanes.values()) {
      if (lane.due(now)) {
        rounds.add(lanesPool.submit(() -> drain(lane, parkedNow)));
      }
    }
    int delivered = 0;
    for (Future<int[]> f : rounds) {
      try {
        delivered += f.get()[0];
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

  /** Sends a lane's messages in order until it is empty or one fails. */
  private int[] drain(Lane lane, List<Parked> parkedNow) {
    int delivered = 0;
    Optional<URI> base = peers.endpoint(lane.peer);
    while (lane.head() != null) {
      Transmission t = lane.head();
      if (base.isEmpty()) {
        park(lane, t, 0, TransportErrors.NOT_FOUND, parkedNow);
        continue;
      }
      long start = System.nanoTime();
      Outcome outcome = send(base.get(), t);
      switch (outcome.kind) {
        case DELIVERED -> {
          done(lane);
          delivered++;
          observer.delivered(
              lane.peer,
              t.message().type(),
              t.message().envelope().messageId(),
              System.nanoTime() - start);
          if (outcome.body != null && outcome.body.length > 0) {
            node.receive(outcome.body); // the peer's ack: the node stops resending
          }
        }
        case RETRY -> {
          Instant now = clock.instant();
          lane.failed(now, initialBackoff, maxBackoff, nextJitter(), outcome.retryAfter);
          observer.retrying(
              lane.peer, outcome.status, Duration.between(now, lane.notBefore()).toMillis());
          return new int[] {delivered};
        }
        case PARK -> park(lane, t, outcome.status, Objects.requireNonNull(outcome.code), parkedNow);
      }
    }
    return new int[] {delivered};
  }

  private void park(Lane lane, Transmission t, int status, ErrorCode code, List<Parked> parkedNow) {
    Parked p =
        new Parked(t.message().envelope().messageId(), t.message().type(), lane.peer, status, code);
    parkedIds.add(p.messageId());
    parked.add(p);
    parkedNow.add(p);
    done(lane);
    observer.parked(lane.peer, p.type(), p.messageId(), status, code);
  }

  private void done(Lane lane) {
    lane.done();
    backlog.decrementAndGet();
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
    return backlog.get();
  }

  private double nextJitter() {
    synchronized (jitter) {
      return jitter.nextDouble();
    }
  }

  private enum Kind {
    DELIVERED,
    RETRY,
    PARK
  }

  private static final class Outcome {
    final Kind kind;
    final int status;
    final byte @Nullable [] body;
    final Duration retryAfter;
    final @Nullable ErrorCode code;

    Outcome(
        Kind kind,
        int status,
        byte @Nullable [] body,
        Duration retryAfter,
        @Nullable ErrorCode code) {
      this.kind = kind;
      this.status = status;
      this.body = body;
      this.retryAfter = retryAfter;
      this.code = code;
    }
  }

  private Outcome send(URI base, Transmission t) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(MessageEndpoint.MESSAGES_PATH))
            .timeout(requestTimeout)
            .header("Content-Type", MessageEndpoint.MESSAGE_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(t.bytes()))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return new Outcome(Kind.RETRY, 0, null, Duration.ZERO, TransportErrors.UNAVAILABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(Kind.RETRY, 0, null, Duration.ZERO, TransportErrors.UNAVAILABLE);
    }
    int status = response.statusCode();
    if (status == 200 || status == 204) {
      return new Outcome(Kind.DELIVERED, status, response.body(), Duration.ZERO, null);
    }
    if (status == 429 || status >= 500 || status == 408) {
      return new Outcome(
          Kind.RETRY,
          status,
          null,
          retryAfter(response.headers().firstValue("Retry-After")),
          TransportErrors.UNAVAILABLE);
    }
    return new Outcome(Kind.PARK, status, null, Duration.ZERO, problemCode(response));
  }

  private static ErrorCode problemCode(HttpResponse<byte[]> response) {
    String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"(VAN-[A-Z]-\\d{4})\"").matcher(body);
    return m.find() ? ErrorCode.of(m.group(1)) : TransportErrors.UNREADABLE;
  }

  /** {@code Retry-After} as seconds or an HTTP date; zero if absent or unreadable. */
  Duration retryAfter(Optional<String> header) {
    if (header.isEmpty()) {
      return Duration.ZERO;
    }
    String value = header.get().strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return Duration.ZERO;
      }
    }
  }

  /** Everything parked so far, oldest first. */
  public List<Parked> parked() {
    synchronized (parked) {
      return List.copyOf(parked);
    }
  }

  /** Messages waiting in each peer's lane. */
  public synchronized Map<OrganisationId, Integer> waiting() {
    Map<OrganisationId, Integer> out = new LinkedHashMap<>();
    lanes.forEach((peer, lane) -> out.put(peer, lane.size()));
    return out;
  }

  /**
   * Runs {@link #dispatch()} every {@code interval} on a background thread until {@link #close()}.
   *
   * @throws IllegalStateException if already started
   */
  public synchronized void start(Duration interval) {
    if (timer != null) {
      throw new IllegalStateException("the dispatcher is already running");
    }
    timer = Executors.newSingleThreadScheduledExecutor(daemon("van-dispatch-timer"));
    timer.scheduleWithFixedDelay(
        this::dispatchQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void dispatchQuietly() {
    try {
      dispatch();
    } catch (RuntimeException e) {
      // The next round tries again; what was not delivered is still in the node's outbox.
    }
  }

  /** Stops the background rounds (if started) and the lane threads. */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdown();
      try {
        t.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lanesPool.shutdownNow();
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
    private TransportObserver observer = TransportObserver.NONE;

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

    /** Builds the dispatcher. */
    public Dispatcher build() {
      return new Dispatcher(this);
    }
  }
}
