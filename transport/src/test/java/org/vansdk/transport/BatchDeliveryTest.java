package org.vansdk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.transport.TwoNodes.KHM;
import static org.vansdk.transport.TwoNodes.T0;
import static org.vansdk.transport.TwoNodes.THA;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.ForwardingReferralStore;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.ReferralStoreException;
import org.vansdk.testkit.time.MutableClock;
import org.vansdk.transport.client.DispatchReport;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.client.PeerEndpoints;
import org.vansdk.transport.http.EndpointResponse;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.jetty.JettyBinding;
import org.vansdk.transport.observe.TransportObserver;

/**
 * The dispatcher sends what waits for a peer as one batch, and each edge of batching keeps the
 * protocol's guarantees: a message the receiver's store refuses is refused alone, an answer cut
 * mid-way makes the whole batch go again without anything applied twice, a peer without a batch
 * route or refusing a batch as a whole gets the messages one a request, and a started dispatcher
 * sends at once when woken.
 */
class BatchDeliveryTest {

  private static final int N = 5;

  private final TwoNodes world = new TwoNodes(31);
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final ReferralNode khm = world.node(KHM, new InMemoryReferralStore(), clock, 0);
  private final AttemptId poison = TwoNodes.attempt(3);
  private final ReferralNode tha = world.node(THA, refusing(poison), clock, 0);
  private final AtomicInteger batches = new AtomicInteger();
  private final AtomicInteger singles = new AtomicInteger();
  private volatile Mode mode = Mode.PLAIN;

  private static final Pattern ATTEMPT = Pattern.compile("\"attemptId\":\"([^\"]+)\"");

  /** Per attempt, the requests carrying one of its messages that the server is serving now. */
  private final Map<String, Integer> underWay = new ConcurrentHashMap<>();

  /** How often a request came while another one with a message of the same attempt was served. */
  private final AtomicInteger attemptTwiceUnderWay = new AtomicInteger();

  private MessageEndpoint endpoint = MessageEndpoint.builder(tha).build();
  private final Server server =
      JettyBinding.start(
          this::serve, "127.0.0.1", 0, Optional.empty(), false, Duration.ofSeconds(10));
  private final PeerEndpoints peers =
      PeerEndpoints.of(
          Map.of(THA.organisation(), URI.create("http://127.0.0.1:" + JettyBinding.port(server))));
  private Dispatcher khmOut = dispatcher(TransportObserver.NONE);

  /** What the Thai side's server does besides serving its endpoint. */
  private enum Mode {
    PLAIN,
    /** Serves the first batch but cuts its answer after two lines. */
    CUT_ONCE,
    /** Has no batch route. */
    NO_BATCH_ROUTE,
    /** Answers 503 once to the batch that carries referral 1, serves the others. */
    UNAVAILABLE_FOR_R1_ONCE
  }

  private EndpointResponse serve(org.vansdk.transport.http.EndpointRequest request) {
    boolean batch = request.path().equals(MessageEndpoint.BATCH_PATH);
    (batch ? batches : singles).incrementAndGet();
    if (batch && mode == Mode.NO_BATCH_ROUTE) {
      return new EndpointResponse(404, Map.of(), new byte[0]);
    }
    byte[] body = readAll(request.body());
    String text = new String(body, StandardCharsets.UTF_8);
    if (batch
        && mode == Mode.UNAVAILABLE_FOR_R1_ONCE
        && text.contains("\"correlationId\":\"KHM-CMAA-R1\"")) {
      mode = Mode.PLAIN;
      return new EndpointResponse(503, Map.of(), new byte[0]);
    }
    List<String> attempts = new ArrayList<>();
    for (Matcher m = ATTEMPT.matcher(text); m.find(); ) {
      attempts.add(m.group(1));
    }
    for (String a : attempts) {
      if (underWay.merge(a, 1, Integer::sum) > 1) {
        attemptTwiceUnderWay.incrementAndGet();
      }
    }
    EndpointResponse answer;
    try {
      answer =
          endpoint.handle(
              new org.vansdk.transport.http.EndpointRequest(
                  request.method(),
                  request.path(),
                  request.query(),
                  request.headers(),
                  new java.io.ByteArrayInputStream(body),
                  request.clientCertificates()));
    } finally {
      attempts.forEach(a -> underWay.merge(a, -1, Integer::sum));
    }
    if (batch && mode == Mode.CUT_ONCE) {
      mode = Mode.PLAIN;
      String[] lines = new String(answer.body(), StandardCharsets.UTF_8).split("\n");
      String cut = String.join("\n", Arrays.copyOf(lines, 2)) + "\n";
      return new EndpointResponse(
          answer.status(), answer.headers(), cut.getBytes(StandardCharsets.UTF_8));
    }
    return answer;
  }

  private static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Dispatcher dispatcher(TransportObserver observer) {
    return builder(observer).build();
  }

  /** Batches of {@code messages}, two requests under way. */
  private Dispatcher sendingBatchesOf(int messages, TransportObserver observer) {
    return builder(observer).batch(messages, 1 << 20).inFlight(2).build();
  }

  private Dispatcher.Builder builder(TransportObserver observer) {
    return Dispatcher.builder(khm, peers, HttpClient.newHttpClient())
        .clock(clock)
        .backoff(Duration.ZERO, Duration.ZERO) // a failed lane is due again at once
        .observer(observer);
  }

  @AfterEach
  void stop() throws Exception {
    khmOut.close();
    JettyBinding.stop(server, Duration.ofSeconds(5));
  }

  /** The peer received each referral but the poison one exactly once (one audited message). */
  private void assertEachReceivedOnce() {
    for (int i = 1; i <= N; i++) {
      if (TwoNodes.attempt(i).equals(poison)) {
        continue;
      }
      List<AuditEntry> audit = tha.audit(ReferralId.parse("KHM-CMAA-R" + i));
      long received = audit.stream().filter(e -> e.messageId().isPresent()).count();
      assertEquals(1, received, "referral " + i + " received once: " + audit);
    }
  }

  private void referAll() {
    for (int i = 1; i <= N; i++) {
      Decision d = khm.refer(TwoNodes.draft(i, T0), TwoNodes.consent(i, T0));
      assertTrue(d.done(), d.message());
    }
  }

  @Test
  void batch_oneMessageTheStoreRefuses_refusedAloneOthersApplied_nothingParkedOrResent() {
    referAll();
    DispatchReport r = khmOut.dispatch();
    assertEquals(N, r.delivered(), r.toString());
    assertTrue(r.parked().isEmpty(), r.toString());
    assertEquals(1, batches.get(), "one request for the five");
    assertEquals(0, singles.get());
    for (int i = 1; i <= N; i++) {
      AttemptId a = TwoNodes.attempt(i);
      assertEquals(a.equals(poison), tha.attempt(a).isEmpty(), "attempt " + i);
    }
    assertTrue(khm.store().outbox().isEmpty(), "each answered: the poison one with a fatal ack");
    assertEquals(0, khmOut.dispatch().delivered(), "nothing is resent");
  }

  @Test
  void batch_answerCutMidway_wholeBatchResent_eachAppliedOnce() {
    mode = Mode.CUT_ONCE;
    referAll();
    DispatchReport first = khmOut.dispatch();
    assertEquals(0, first.delivered(), "an answer of two lines to five messages is no answer");
    assertEquals(N, first.waiting());
    DispatchReport second = khmOut.dispatch();
    assertEquals(N, second.delivered(), second.toString());
    assertEquals(2, batches.get());
    assertTrue(khm.store().outbox().isEmpty());
    for (int i = 1; i <= N; i++) {
      if (TwoNodes.attempt(i).equals(poison)) {
        continue;
      }
      assertEquals(AttemptStatus.SENT, tha.status(TwoNodes.attempt(i)).orElseThrow());
      List<AuditEntry> audit = tha.audit(ReferralId.parse("KHM-CMAA-R" + i));
      long received = audit.stream().filter(e -> e.messageId().isPresent()).count();
      assertEquals(1, received, "referral " + i + " received once: " + audit);
      assertTrue(tha.verifyAudit(ReferralId.parse("KHM-CMAA-R" + i)).valid());
    }
  }

  @Test
  void acksTheSenderCannotStore_roundFails_resentWhenDue_eachAppliedOnce() {
    // The sender's store refuses the first feed of acks (the commit that takes delivered messages
    // off its outbox) while the lane already sends its next request: the round fails, nothing is
    // lost, and what was delivered but not acknowledged here is resent and answered again.
    MutableClock moving = MutableClock.of(T0);
    AtomicInteger refusedFeeds = new AtomicInteger();
    ReferralStore refusingOnce =
        new ForwardingReferralStore(new InMemoryReferralStore()) {
          @Override
          public void commit(Change change) {
            if (!change.outboxRemove().isEmpty() && refusedFeeds.getAndIncrement() == 0) {
              throw new ReferralStoreException("the database refused the change (test)");
            }
            super.commit(change);
          }
        };
    ReferralNode sender = world.node(KHM, refusingOnce, moving, 1);
    for (int i = 1; i <= N; i++) {
      Decision d = sender.refer(TwoNodes.draft(i, T0), TwoNodes.consent(i, T0));
      assertTrue(d.done(), d.message());
    }
    try (Dispatcher out =
        Dispatcher.builder(sender, peers, HttpClient.newHttpClient())
            .clock(moving)
            .backoff(Duration.ZERO, Duration.ZERO)
            .batch(2, 1 << 20) // three requests: 2, 2 and 1 messages
            .build()) {
      IllegalStateException failed = assertThrows(IllegalStateException.class, out::dispatch);
      assertTrue(failed.getCause() instanceof ReferralStoreException, failed.toString());
      assertEquals(N, sender.store().outbox().size(), "no ack stored: all still in the outbox");

      moving.advance(Duration.ofMinutes(1)); // past the retry interval
      DispatchReport again = out.dispatch();
      assertTrue(again.parked().isEmpty(), again.toString());
      assertTrue(sender.store().outbox().isEmpty(), "every message acknowledged");
    }
    assertEachReceivedOnce();
  }

  @Test
  void twoRequestsUnderWay_firstUnavailable_secondDelivered_firstResentNextRoundOnce() {
    // Batches of two: the lane sends [1, 2] and [3, 4] at once (two requests under way); the peer
    // answers 503 to the first and serves the second. The lane backs off (the later delivery does
    // not cancel the failure), and its next round sends 1, 2 and 5.
    referAll();
    mode = Mode.UNAVAILABLE_FOR_R1_ONCE;
    List<String> retried = new java.util.concurrent.CopyOnWriteArrayList<>();
    khmOut.close();
    khmOut =
        sendingBatchesOf(
            2,
            new TransportObserver() {
              @Override
              public void retrying(OrganisationId peer, int status, long backoffMillis) {
                retried.add(peer.value() + " " + status);
              }
            });
    DispatchReport first = khmOut.dispatch();
    assertEquals(2, first.delivered(), "the second request, 3 and 4: " + first);
    assertEquals(3, first.waiting(), first.toString());
    assertEquals(List.of("THA-SIRINDHORN-REHAB 503"), retried);
    assertTrue(tha.attempt(TwoNodes.attempt(1)).isEmpty(), "1 not received yet");
    assertTrue(tha.attempt(TwoNodes.attempt(4)).isPresent(), "4 received");

    DispatchReport second = khmOut.dispatch();
    assertEquals(3, second.delivered(), second.toString());
    assertTrue(khm.store().outbox().isEmpty());
    assertEachReceivedOnce();
  }

  @Test
  void twoMessagesOfOneAttempt_neverUnderWayAtOnce_peerHoldsNothing() {
    // One message a request, two under way: attempt 1's cancel request, queued right behind its
    // referral request, leaves only once that was answered (the referrals behind it wait too,
    // keeping the lane's order); the peer never holds a message ahead of its sequence.
    Decision first = khm.refer(TwoNodes.draft(1, T0), TwoNodes.consent(1, T0));
    assertTrue(first.done(), first.message());
    Decision cancel = khm.cancel(TwoNodes.attempt(1));
    assertTrue(cancel.done(), cancel.message());
    for (int i = 2; i <= N; i++) {
      Decision d = khm.refer(TwoNodes.draft(i, T0), TwoNodes.consent(i, T0));
      assertTrue(d.done(), d.message());
    }
    khmOut.close();
    khmOut = sendingBatchesOf(1, TransportObserver.NONE);
    DispatchReport r = khmOut.dispatch();
    assertEquals(N + 1, r.delivered(), r.toString());
    assertEquals(0, attemptTwiceUnderWay.get(), "an attempt's messages in two requests at once");
    assertEquals(N + 1, singles.get());
    assertTrue(khm.store().outbox().isEmpty());
    assertTrue(
        tha.store().outbox().stream()
            .noneMatch(e -> e.message().type() == MessageType.SYNC_REQUEST),
        "the peer held a message and asked for the missing ones");
  }

  @Test
  void peerWithoutBatchRoute_messagesGoOneARequest_fromThenOn() {
    mode = Mode.NO_BATCH_ROUTE;
    referAll();
    DispatchReport r = khmOut.dispatch();
    assertEquals(N, r.delivered(), r.toString());
    assertEquals(1, batches.get(), "asked once");
    assertEquals(N, singles.get());
    assertTrue(khm.store().outbox().isEmpty());
  }

  @Test
  void batchRefusedAsAWhole_eachMessageSentAlone() {
    endpoint = MessageEndpoint.builder(tha).maxBatch(16 << 20, 2).build(); // 413 for five
    referAll();
    DispatchReport r = khmOut.dispatch();
    assertEquals(N, r.delivered(), r.toString());
    assertTrue(r.parked().isEmpty(), r.toString());
    assertEquals(N, singles.get());
    assertTrue(khm.store().outbox().isEmpty());
  }

  @Test
  void twoBatchesUnderWay_bothRefusedAsAWhole_eachMessageSentAlone() {
    // Batches of three, two under way: the peer takes at most two a batch, so both are refused
    // (413); the lane waits for both answers, then sends the six one a request.
    endpoint = MessageEndpoint.builder(tha).maxBatch(16 << 20, 2).build();
    referAll();
    Decision sixth = khm.refer(TwoNodes.draft(N + 1, T0), TwoNodes.consent(N + 1, T0));
    assertTrue(sixth.done(), sixth.message());
    khmOut.close();
    khmOut = sendingBatchesOf(3, TransportObserver.NONE);
    DispatchReport r = khmOut.dispatch();
    assertEquals(N + 1, r.delivered(), r.toString());
    assertTrue(r.parked().isEmpty(), r.toString());
    assertEquals(2, batches.get(), "both under way before the first answer");
    assertEquals(N + 1, singles.get());
    assertTrue(khm.store().outbox().isEmpty());
  }

  @Test
  void twoBatchesUnderWay_peerWithoutBatchRoute_everyMessageOneARequest() {
    mode = Mode.NO_BATCH_ROUTE;
    referAll();
    khmOut.close();
    khmOut = sendingBatchesOf(2, TransportObserver.NONE);
    DispatchReport r = khmOut.dispatch();
    assertEquals(N, r.delivered(), r.toString());
    assertEquals(2, batches.get(), "[1, 2] and [3, 4] under way at once, both answered 404");
    assertEquals(N, singles.get());
    assertTrue(khm.store().outbox().isEmpty());
  }

  @Test
  void started_woken_sendsWithoutWaitingForTheInterval() throws InterruptedException {
    CountDownLatch delivered = new CountDownLatch(1);
    khmOut.close();
    khmOut =
        dispatcher(
            new TransportObserver() {
              @Override
              public void delivered(
                  OrganisationId peer, MessageType type, String messageId, long nanos) {
                delivered.countDown();
              }
            });
    khmOut.start(Duration.ofHours(1));
    Decision d = khm.refer(TwoNodes.draft(1, T0), TwoNodes.consent(1, T0));
    assertTrue(d.done(), d.message());
    khmOut.wake();
    // A bound on the wait, not a measurement: without the wake-up the message waits an hour.
    assertTrue(delivered.await(60, TimeUnit.SECONDS), "delivered after the wake-up");
  }

  /**
   * An in-memory store that refuses (as a database would) every change to one attempt; every other
   * call goes to the in-memory store.
   */
  private static ReferralStore refusing(AttemptId refused) {
    InMemoryReferralStore inner = new InMemoryReferralStore();
    return (ReferralStore)
        Proxy.newProxyInstance(
            ReferralStore.class.getClassLoader(),
            new Class<?>[] {ReferralStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("commit")
                  && ((Change) args[0])
                      .attempts().stream().anyMatch(a -> a.attemptId().equals(refused))) {
                throw new ReferralStoreException("the database refused the change (test)");
              }
              try {
                return method.invoke(inner, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
