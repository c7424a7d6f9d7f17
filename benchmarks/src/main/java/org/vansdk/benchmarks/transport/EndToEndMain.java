package org.vansdk.benchmarks.transport;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.node.Transmission;
import org.vansdk.transport.client.DispatchReport;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.observe.TransportObserver;

/**
 * Referral messages from one node to another over HTTPS on loopback, durable stores on both sides:
 * sustained throughput by each way of delivering, and latency (send → ack committed at the sender)
 * at a fixed offered rate. A main class rather than a JMH benchmark: the latency run is open-loop
 * (each message is due at its scheduled time, and its latency counts from then, so a stall is not
 * hidden as JMH's closed-loop sample mode would hide it), and each store kind needs a server and
 * two databases set up once.
 *
 * <pre>
 * JMH_JAVA_OPTS="-Xmx8g -XX:MaxGCPauseMillis=10" flock -o /tmp/van-heavy.lock \
 *   benchmarks/run.sh --main org.vansdk.benchmarks.transport.EndToEndMain h2 pg rounds=3
 * </pre>
 *
 * <p>The pause goal is what {@code van node} runs with: G1's default goal (200 ms) lets young
 * collections of 20-35 ms through, and they make the p99 at 500 messages/s (about 80 ms instead of
 * 31-40 ms on H2).
 *
 * <p>Arguments: store kinds ({@code h2}, {@code pg}, {@code pg-async}), optionally {@code n=}
 * messages per throughput run (default 6,000), {@code rate=} offered rate of the latency run
 * (default 500/s) and {@code seconds=} its length (default 20); {@code latency-only} runs only the
 * latency run through the started {@link Dispatcher}; {@code
 * only=refer|dispatcher|concurrent|single|latency} runs one kind after a short warm-up (for a
 * profiler); {@code coalesce=} milliseconds sets the dispatcher's {@link
 * Dispatcher.Builder#coalesce} (default 50); {@code batch=} the most messages a request carries
 * ({@link Dispatcher.Builder#batch}, default 100, the dispatcher's own) and {@code inflight=} the
 * most requests a lane has under way ({@link Dispatcher.Builder#inFlight}, default 2); {@code
 * rounds=} repeats everything in the same process (the JIT compiler of so much code, H2's, Jetty's,
 * TLS, Jackson, the schema validator, takes minutes to settle on 2 cores, and the later rounds show
 * the sustained figures); a store kind {@code h2;SETTING=V;…} adds H2 URL settings.
 */
public final class EndToEndMain {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /**
   * The most requests in flight in the open-loop runs: over HTTP/1.1 each needs its own connection,
   * and an unbounded number of TLS handshakes under overload ends in connect time-outs. A message
   * waiting for a free slot still counts its latency from its scheduled time.
   */
  private static final int MAX_IN_FLIGHT = 64;

  private final Link link;
  private final Durable stores;
  private final Duration coalesce;
  private final int batch;
  private final int inFlight;

  private EndToEndMain(Link link, Durable stores, Duration coalesce, int batch, int inFlight) {
    this.link = link;
    this.stores = stores;
    this.coalesce = coalesce;
    this.batch = batch;
    this.inFlight = inFlight;
  }

  /** A dispatcher of the sender's outbox, as {@code van node} builds one. */
  private Dispatcher.Builder dispatcher() {
    return Dispatcher.builder(link.sender, link.peers, link.http)
        .coalesce(coalesce)
        .batch(batch, 4L << 20)
        .inFlight(inFlight);
  }

  /**
   * Runs the measurements for each store kind named.
   *
   * @param args store kinds and options, see the class comment
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    int n = 6_000;
    int rate = 500;
    int seconds = 20;
    int rounds = 1;
    Duration coalesce = Duration.ofMillis(50);
    int batch = 100;
    int inFlight = 2;
    boolean latencyOnly = false;
    String only = "";
    List<String> kinds = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("n=")) {
        n = Integer.parseInt(a.substring(2));
      } else if (a.startsWith("rate=")) {
        rate = Integer.parseInt(a.substring(5));
      } else if (a.startsWith("inflight=")) {
        inFlight = Integer.parseInt(a.substring(9));
      } else if (a.startsWith("batch=")) {
        batch = Integer.parseInt(a.substring(6));
      } else if (a.startsWith("coalesce=")) {
        coalesce = Duration.ofMillis(Long.parseLong(a.substring(9)));
      } else if (a.startsWith("rounds=")) {
        rounds = Integer.parseInt(a.substring(7));
      } else if (a.startsWith("only=")) {
        only = a.substring(5);
      } else if (a.equals("latency-only")) {
        latencyOnly = true;
      } else if (a.startsWith("seconds=")) {
        seconds = Integer.parseInt(a.substring(8));
      } else {
        kinds.add(a);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "cores=%d load=%.2f java=%s%n",
        Runtime.getRuntime().availableProcessors(),
        OS.getSystemLoadAverage(),
        Runtime.version());
    for (String kind : kinds) {
      try (Durable stores = Durable.named(kind);
          Link link = new Link(stores, HttpClient.Version.HTTP_1_1)) {
        EndToEndMain main = new EndToEndMain(link, stores, coalesce, batch, inFlight);
        for (int r = 0; r < rounds; r++) {
          if (only.isEmpty()) {
            main.run(n, rate, seconds, latencyOnly);
          } else {
            main.only(only, n, rate, seconds);
          }
        }
      }
    }
    System.exit(0);
  }

  private void run(int n, int rate, int seconds, boolean latencyOnly) throws Exception {
    System.out.println("== " + stores.describe());
    // warm-up: every path once, not reported
    refer(2_000);
    dispatcher(2_000, false);
    refer(1_000);
    batch(1_000, 100, 2, false);
    dispatcherLatency(rate, 4, false);
    latency(rate, 2, false);

    if (latencyOnly) {
      dispatcherLatency(rate, seconds, true);
      return;
    }
    refer(n);
    dispatcher(n, true);
    referWhileDispatching(n);
    refer(n);
    window(n, 8, true);
    refer(n);
    batch(n, 200, 2, true);
    dispatcherLatency(rate, seconds, true);
    latency(rate, seconds, true);
  }

  /** One kind of run after a short warm-up, for profiling (see the class comment). */
  private void only(String what, int n, int rate, int seconds) throws Exception {
    System.out.println("== " + stores.describe() + ", only " + what);
    refer(1_000);
    dispatcher(1_000, false);
    switch (what) {
      case "refer" -> refer(n);
      case "dispatcher" -> {
        refer(n);
        dispatcher(n, true);
      }
      case "concurrent" -> referWhileDispatching(n);
      case "single" -> {
        refer(n);
        window(n, 8, true);
      }
      case "latency" -> dispatcherLatency(rate, seconds, true);
      default -> throw new IllegalArgumentException("unknown run: " + what);
    }
  }

  /**
   * Open loop through the {@link Dispatcher} started as a node runs it: at each scheduled time the
   * referrer refers a survivor (its commit) and wakes the dispatcher, which sends what is due (in
   * batches when several wait) and feeds the acks back; a message's latency runs from its scheduled
   * time until its ack is committed at the sender. One peer, one ordered lane: messages are
   * delivered in the order they were referred, so the k-th delivery is the k-th referral.
   */
  private void dispatcherLatency(int rate, int seconds, boolean report) throws Exception {
    int n = rate * seconds;
    long interval = 1_000_000_000L / rate;
    long[] latencies = new long[n];
    AtomicInteger delivered = new AtomicInteger();
    long[] scheduled = new long[n];
    CompletableFuture<Void> all = new CompletableFuture<>();
    TransportObserver timing =
        eachDelivery(
            () -> {
              int k = delivered.getAndIncrement();
              if (k < n) {
                latencies[k] = System.nanoTime() - scheduled[k];
              }
              if (k == n - 1) {
                all.complete(null);
              }
            });
    Meter m = new Meter(stores);
    try (Dispatcher d = dispatcher().observer(timing).build()) {
      d.start(Duration.ofSeconds(1));
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long due = start + i * interval;
        scheduled[i] = due;
        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
          LockSupport.parkNanos(wait);
        }
        link.refer();
        d.wake();
      }
      all.get(5, TimeUnit.MINUTES);
    }
    check(delivered.get(), n);
    if (report) {
      m.report("Dispatcher, offered " + rate + "/s for " + seconds + " s (refer + send + ack)", n);
      percentiles(latencies);
    }
  }

  /** An observer that runs {@code action} on each delivery (on the dispatcher's lane thread). */
  private static TransportObserver eachDelivery(Runnable action) {
    return new TransportObserver() {
      @Override
      public void delivered(OrganisationId peer, MessageType type, String messageId, long nanos) {
        action.run();
      }
    };
  }

  /**
   * Sustained: the referrer refers {@code n} survivors as fast as it can while a started dispatcher
   * delivers them; the rate counts from the first referral to the last ack committed.
   */
  private void referWhileDispatching(int n) throws Exception {
    AtomicInteger delivered = new AtomicInteger();
    CompletableFuture<Void> all = new CompletableFuture<>();
    TransportObserver counting =
        eachDelivery(
            () -> {
              if (delivered.incrementAndGet() == n) {
                all.complete(null);
              }
            });
    Meter m = new Meter(stores);
    try (Dispatcher d = dispatcher().observer(counting).build()) {
      d.start(Duration.ofSeconds(1));
      for (int i = 0; i < n; i++) {
        link.refer();
        d.wake();
      }
      all.get(5, TimeUnit.MINUTES);
    }
    m.report("refer + Dispatcher at once (started, woken)", n);
  }

  /**
   * Posts one message (a slot of {@code inFlight} already taken, released when answered); its ack
   * is committed at the sender and its latency from {@code scheduled} kept in {@code slot}.
   */
  private CompletableFuture<Void> timed(
      Transmission t,
      long scheduled,
      int slot,
      long[] latencies,
      AtomicInteger acked,
      Semaphore inFlight) {
    return link.http
        .sendAsync(single(t), HttpResponse.BodyHandlers.ofByteArray())
        .thenAccept(
            r -> {
              ack(r, acked);
              latencies[slot] = System.nanoTime() - scheduled;
            })
        .whenComplete((v, e) -> inFlight.release());
  }

  private static void percentiles(long[] latencies) {
    int n = latencies.length;
    Arrays.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        "   latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
        latencies[n / 2] / 1e6,
        latencies[n * 9 / 10] / 1e6,
        latencies[n * 99 / 100] / 1e6,
        latencies[n * 999 / 1000] / 1e6,
        latencies[n - 1] / 1e6);
  }

  /** The referrer refers {@code n} survivors (one commit each); reports the rate. */
  private void refer(int n) {
    Meter m = new Meter(stores);
    for (int i = 0; i < n; i++) {
      link.refer();
    }
    m.report("refer (sender commits, not sent)", n);
  }

  /**
   * The transport's {@link Dispatcher} draining an outbox of {@code n} referrals round after round:
   * one ordered lane, what waits at its head in one batch request, the acks in one commit.
   */
  private void dispatcher(int n, boolean report) {
    try (Dispatcher d = dispatcher().build()) {
      Meter m = new Meter(stores);
      int delivered = 0;
      while (delivered < n) {
        DispatchReport r = d.dispatch();
        if (!r.parked().isEmpty()) {
          throw new IllegalStateException("parked: " + r.parked());
        }
        delivered += r.delivered();
      }
      if (report) {
        m.report(
            "Dispatcher (1 lane, batches of up to " + batch + ", " + inFlight + " in flight)", n);
      }
    }
  }

  /** Single-message route, {@code window} requests in flight (no order between them). */
  private void window(int n, int window, boolean report) throws Exception {
    Meter m = new Meter(stores);
    List<Transmission> out = link.sender.outgoing();
    Semaphore inFlight = new Semaphore(window);
    AtomicInteger acked = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>(out.size());
    for (Transmission t : out) {
      inFlight.acquire();
      all.add(
          link.http
              .sendAsync(single(t), HttpResponse.BodyHandlers.ofByteArray())
              .thenAccept(r -> ack(r, acked))
              .whenComplete((v, e) -> inFlight.release()));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    check(acked.get(), n);
    if (report) {
      m.report("single route, " + window + " in flight", n);
    }
  }

  /** Batch route: {@code size} messages a request, {@code parallel} requests at once. */
  private void batch(int n, int size, int parallel, boolean report) throws Exception {
    Meter m = new Meter(stores);
    List<Transmission> out = link.sender.outgoing();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    List<Future<Integer>> parts = new ArrayList<>();
    for (int from = 0; from < out.size(); from += size) {
      List<Transmission> chunk = out.subList(from, Math.min(out.size(), from + size));
      parts.add(pool.submit(() -> postBatch(chunk)));
    }
    int acked = 0;
    for (Future<Integer> f : parts) {
      acked += f.get();
    }
    pool.shutdown();
    check(acked, n);
    if (report) {
      m.report("batch route, " + size + " a request, " + parallel + " at once", n);
    }
  }

  private int postBatch(List<Transmission> chunk) throws Exception {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (Transmission t : chunk) {
      body.writeBytes(t.bytes());
      body.write('\n');
    }
    HttpResponse<String> r =
        link.http.send(
            HttpRequest.newBuilder(link.receiverBase.resolve(MessageEndpoint.BATCH_PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", MessageEndpoint.BATCH_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("batch answered " + r.statusCode());
    }
    List<byte[]> acks = new ArrayList<>(chunk.size());
    for (String line : r.body().split("\n")) {
      if (line.startsWith("{\"") && !line.contains("\"problem")) {
        acks.add(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    link.sender.receiveAll(acks); // one commit for the batch's acks
    return acks.size();
  }

  /**
   * Open loop at {@code rate} messages/s for {@code seconds}: at each scheduled time the referrer
   * refers a survivor, takes its outbox and posts each message (single route, asynchronously); the
   * latency of a message runs from its scheduled time until its ack is committed at the sender.
   */
  private void latency(int rate, int seconds, boolean report) throws Exception {
    int n = rate * seconds;
    long interval = 1_000_000_000L / rate;
    long[] latencies = new long[n];
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    ConcurrentHashMap<String, Integer> index = new ConcurrentHashMap<>();
    AtomicInteger acked = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>(n);
    Meter m = new Meter(stores);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long due = start + i * interval;
      for (long wait; (wait = due - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
      }
      AttemptId attempt = link.refer();
      index.put(attempt.value(), i);
      for (Transmission t : link.sender.outgoing()) {
        Integer k = index.get(t.message().envelope().attemptId().value());
        if (k == null) {
          continue; // a resend of an earlier message: the first send's latency counts
        }
        inFlight.acquire();
        all.add(timed(t, start + k * interval, k, latencies, acked, inFlight));
      }
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    check(acked.get(), n);
    if (report) {
      m.report("offered " + rate + "/s for " + seconds + " s (refer + send + ack)", n);
      percentiles(latencies);
    }
  }

  private HttpRequest single(Transmission t) {
    return HttpRequest.newBuilder(link.receiverBase.resolve(MessageEndpoint.MESSAGES_PATH))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", MessageEndpoint.MESSAGE_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(t.bytes()))
        .build();
  }

  /** Feeds a 200's ack to the sender (one commit) and counts it. */
  private void ack(HttpResponse<byte[]> r, AtomicInteger acked) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("answered " + r.statusCode());
    }
    link.sender.receive(r.body());
    acked.incrementAndGet();
  }

  private static void check(int acked, int n) {
    if (acked != n) {
      throw new IllegalStateException("expected " + n + " acks, got " + acked);
    }
  }

  /**
   * Wall time and CPU time of the whole process (both nodes, client and servers) over a run, and
   * the CPU time of each group of threads (named without their numbers: the receiver's endpoint
   * threads, the sender's lanes, the parallel checks on the common pool, the HTTP client's), which
   * says which side bounds the run.
   */
  private static final class Meter {
    private static final java.lang.management.ThreadMXBean THREADS =
        ManagementFactory.getThreadMXBean();
    private final long wall = System.nanoTime();
    private final long cpu = OS.getProcessCpuTime();
    private final java.util.Map<Long, Long> threadCpu = threadCpu();
    private final long jit = jitMillis();
    private final long gc = gcMillis();
    private final java.util.Map<String, org.vansdk.testkit.jdbc.RoundTripCounter> trips;

    private final Durable stores;
    private final long serverCpu;

    Meter(Durable stores) {
      this.stores = stores;
      this.serverCpu = stores.serverCpuNanos();
      trips = stores.roundTrips;
      trips.values().forEach(org.vansdk.testkit.jdbc.RoundTripCounter::reset);
    }

    private static long jitMillis() {
      return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long gcMillis() {
      long sum = 0;
      for (java.lang.management.GarbageCollectorMXBean b :
          ManagementFactory.getGarbageCollectorMXBeans()) {
        sum += Math.max(0, b.getCollectionTime());
      }
      return sum;
    }

    private static java.util.Map<Long, Long> threadCpu() {
      java.util.Map<Long, Long> out = new java.util.HashMap<>();
      for (long id : THREADS.getAllThreadIds()) {
        long t = THREADS.getThreadCpuTime(id);
        if (t >= 0) {
          out.put(id, t);
        }
      }
      return out;
    }

    void report(String what, int n) {
      double seconds = (System.nanoTime() - wall) / 1e9;
      double cpuSeconds = (OS.getProcessCpuTime() - cpu) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%-55s %7.0f msg/s  cpu %6.1f us/msg  (%.2f cores busy)  load %.2f%n",
          what,
          n / seconds,
          cpuSeconds * 1e6 / n,
          cpuSeconds / seconds,
          OS.getSystemLoadAverage());
      java.util.Map<String, Long> groups = new java.util.TreeMap<>();
      for (java.util.Map.Entry<Long, Long> e : threadCpu().entrySet()) {
        java.lang.management.ThreadInfo info = THREADS.getThreadInfo(e.getKey());
        if (info != null) {
          String group = info.getThreadName().replaceAll("[-#]?\\d+", "");
          groups.merge(group, e.getValue() - threadCpu.getOrDefault(e.getKey(), 0L), Long::sum);
        }
      }
      StringBuilder line = new StringBuilder("   us/msg by threads:");
      groups.entrySet().stream()
          .filter(e -> e.getValue() * 1e-3 / n >= 5)
          .sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
          .forEach(
              e ->
                  line.append(
                      String.format(
                          Locale.ROOT, " %s %.0f,", e.getKey(), e.getValue() * 1e-3 / n)));
      line.setLength(line.length() - 1);
      line.append(
          String.format(Locale.ROOT, "; JIT %d ms, GC %d ms", jitMillis() - jit, gcMillis() - gc));
      System.out.println(line);
      long serverNow = stores.serverCpuNanos();
      if (serverCpu >= 0 && serverNow >= 0) {
        System.out.printf(
            Locale.ROOT,
            "   database server cpu %.0f us/msg (%.2f cores busy)%n",
            (serverNow - serverCpu) * 1e-3 / n,
            (serverNow - serverCpu) / 1e9 / seconds);
      }
      if (!trips.isEmpty()) {
        StringBuilder t = new StringBuilder("   database round trips a message:");
        trips.forEach(
            (node, counter) ->
                t.append(
                    String.format(Locale.ROOT, " %s %.2f,", node, counter.count() / (double) n)));
        t.setLength(t.length() - 1);
        System.out.println(t);
      }
    }
  }
}
