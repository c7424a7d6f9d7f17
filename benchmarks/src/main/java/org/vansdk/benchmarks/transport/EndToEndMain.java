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
import org.vansdk.referral.node.Transmission;
import org.vansdk.transport.client.DispatchReport;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.http.MessageEndpoint;

/**
 * Referral messages from one node to another over HTTPS on loopback, durable stores on both sides:
 * sustained throughput by each way of delivering, and latency (send → ack committed at the sender)
 * at a fixed offered rate. A main class rather than a JMH benchmark: the latency run is open-loop
 * (each message is due at its scheduled time, and its latency counts from then, so a stall is not
 * hidden as JMH's closed-loop sample mode would hide it), and each store kind needs a server and
 * two databases set up once.
 *
 * <pre>
 * flock -o /tmp/van-heavy.lock benchmarks/run.sh --main org.vansdk.benchmarks.transport.EndToEndMain h2 pg
 * </pre>
 *
 * <p>Arguments: store kinds ({@code h2}, {@code pg}), optionally {@code n=} messages per throughput
 * run (default 6,000), {@code rate=} offered rate of the latency run (default 500/s) and {@code
 * seconds=} its length (default 20); {@code latency-only} runs only the send → ack latency run.
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

  private EndToEndMain(Link link, Durable stores) {
    this.link = link;
    this.stores = stores;
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
    boolean latencyOnly = false;
    List<String> kinds = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("n=")) {
        n = Integer.parseInt(a.substring(2));
      } else if (a.startsWith("rate=")) {
        rate = Integer.parseInt(a.substring(5));
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
        new EndToEndMain(link, stores).run(n, rate, seconds, latencyOnly);
      }
    }
    System.exit(0);
  }

  private void run(int n, int rate, int seconds, boolean latencyOnly) throws Exception {
    System.out.println("== " + stores.describe());
    // warm-up: every path once, not reported
    refer(2_000);
    batch(2_000, 100, 2, false);
    refer(1_000);
    window(1_000, 16, false);
    latency(rate, 4, false);

    if (latencyOnly) {
      sendLatency(rate, seconds);
      return;
    }
    refer(n);
    dispatcher(n);
    for (int window : new int[] {8, 32}) {
      refer(n);
      window(n, window, true);
    }
    for (int size : new int[] {50, 200}) {
      refer(n);
      batch(n, size, 2, true);
    }
    latency(rate, seconds, true);
    sendLatency(rate, seconds);
  }

  /**
   * Open loop at {@code rate} messages/s for {@code seconds} of messages already referred and
   * signed: each is posted (single route, asynchronously) at its scheduled time; its latency runs
   * from then until its ack is committed at the sender (send → ack, without the referral's own
   * commit and signature).
   */
  private void sendLatency(int rate, int seconds) throws Exception {
    int n = rate * seconds;
    refer(n);
    List<Transmission> out = link.sender.outgoing();
    check(out.size(), n);
    long interval = 1_000_000_000L / rate;
    long[] latencies = new long[n];
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    AtomicInteger acked = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>(n);
    Meter m = new Meter();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long scheduled = start + i * interval;
      for (long wait; (wait = scheduled - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
      }
      inFlight.acquire();
      all.add(timed(out.get(i), scheduled, i, latencies, acked, inFlight));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    check(acked.get(), n);
    m.report("offered " + rate + "/s for " + seconds + " s (send + ack only)", n);
    percentiles(latencies);
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
    Meter m = new Meter();
    for (int i = 0; i < n; i++) {
      link.refer();
    }
    m.report("refer (sender commits, not sent)", n);
  }

  /** The transport's {@link Dispatcher}: one ordered lane per peer, one message at a time. */
  private void dispatcher(int n) {
    try (Dispatcher d = Dispatcher.builder(link.sender, link.peers, link.http).build()) {
      Meter m = new Meter();
      int delivered = 0;
      while (delivered < n) {
        DispatchReport r = d.dispatch();
        if (!r.parked().isEmpty()) {
          throw new IllegalStateException("parked: " + r.parked());
        }
        delivered += r.delivered();
      }
      m.report("Dispatcher (single route, 1 lane)", n);
    }
  }

  /** Single-message route, {@code window} requests in flight (no order between them). */
  private void window(int n, int window, boolean report) throws Exception {
    Meter m = new Meter();
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
    Meter m = new Meter();
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
    Meter m = new Meter();
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

  /** Wall time and CPU time of the whole process (both nodes, client and servers) over a run. */
  private static final class Meter {
    private final long wall = System.nanoTime();
    private final long cpu = OS.getProcessCpuTime();

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
    }
  }
}
