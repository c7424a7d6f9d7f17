package org.vansdk.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.transport.TwoNodes.KHM;
import static org.vansdk.transport.TwoNodes.T0;
import static org.vansdk.transport.TwoNodes.THA;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.testkit.time.MutableClock;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.client.PeerEndpoints;
import org.vansdk.transport.http.EndpointResponse;
import org.vansdk.transport.http.HttpEndpoint;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.jetty.JettyBinding;

/**
 * Two nodes over real loopback HTTP, each behind a {@link ChaosProxy} that drops, loses and
 * truncates answers, duplicates and reorders requests, while nodes crash and restart on their
 * stores: every run must converge with every effect applied exactly once and both audits valid.
 * {@code -Dvan.net.seeds=N} sets the number of seeds (default 200), {@code -Dvan.net.first} the
 * first; a failure names its seed.
 */
class NetworkChaosTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int ATTEMPTS = 3;

  @TestFactory
  Stream<DynamicTest> chaos_everySeed_convergesExactlyOnce() {
    long first = Long.getLong("van.net.first", 1L);
    int seeds = Integer.getInteger("van.net.seeds", 200);
    return LongStream.range(first, first + seeds)
        .mapToObj(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      List<String> problems = new Run(seed).play();
                      assertTrue(
                          problems.isEmpty(),
                          "seed "
                              + seed
                              + " (replay: -Dvan.net.first="
                              + seed
                              + " -Dvan.net.seeds=1): "
                              + problems);
                    }));
  }

  /** A server kept for the whole test; each run points it at its current node's endpoint. */
  private static final class Host {
    volatile HttpEndpoint current = request -> new EndpointResponse(503, Map.of(), new byte[0]);
    final Server server =
        JettyBinding.start(
            request -> current.handle(request),
            "127.0.0.1",
            0,
            Optional.empty(),
            false,
            Duration.ofSeconds(10));

    URI uri() {
      return URI.create("http://127.0.0.1:" + JettyBinding.port(server));
    }
  }

  private static final Host KHM_HOST = new Host();
  private static final Host THA_HOST = new Host();

  @AfterAll
  static void stopHosts() throws Exception {
    KHM_HOST.server.stop();
    THA_HOST.server.stop();
  }

  /**
   * One organisation: its store survives crashes, its node and dispatcher do not (the server
   * process's listening socket is the host's, re-pointed at the restarted node).
   */
  private static final class Site implements AutoCloseable {
    final Party party;
    final Host host;
    final ReferralStore store = new InMemoryReferralStore();
    final ChaosProxy proxy;
    ReferralNode node;
    Dispatcher dispatcher;
    int starts;

    Site(Party party, Host host, long seed) {
      this.party = party;
      this.host = host;
      this.proxy = new ChaosProxy(seed * 2 + (party.equals(KHM) ? 0 : 1), 0.3);
      proxy.target(host.uri());
    }

    void start(TwoNodes world, MutableClock clock, PeerEndpoints peers, long seed) {
      node = world.node(party, store, clock, starts++);
      host.current = MessageEndpoint.builder(node).build();
      dispatcher =
          Dispatcher.builder(node, peers, HTTP)
              .clock(clock)
              .random(new Random(seed + starts))
              .backoff(Duration.ofSeconds(1), Duration.ofSeconds(20))
              .requestTimeout(Duration.ofSeconds(10))
              .concurrency(1)
              .build();
    }

    /** A crash: the node and its memory are gone, only the store remains. */
    void crash() {
      dispatcher.close();
      host.current = request -> new EndpointResponse(503, Map.of(), new byte[0]);
    }

    @Override
    public void close() {
      crash();
      proxy.close();
    }
  }

  private static final class Run {
    final long seed;
    final Random plan;
    final TwoNodes world;
    final MutableClock clock = MutableClock.of(T0);
    final Site khm;
    final Site tha;
    final PeerEndpoints peers;

    Run(long seed) {
      this.seed = seed;
      this.plan = new Random(seed);
      this.world = new TwoNodes(seed);
      this.khm = new Site(KHM, KHM_HOST, seed);
      this.tha = new Site(THA, THA_HOST, seed);
      this.peers =
          PeerEndpoints.of(
              Map.of(KHM.organisation(), khm.proxy.uri(), THA.organisation(), tha.proxy.uri()));
    }

    List<String> play() {
      try (khm;
          tha) {
        khm.start(world, clock, peers, seed);
        tha.start(world, clock, peers, seed);
        for (int i = 1; i <= ATTEMPTS; i++) {
          khm.node.refer(TwoNodes.draft(i, T0), TwoNodes.consent(i, T0));
        }
        for (int round = 0; round < 30; round++) {
          if (plan.nextInt(8) == 0) {
            Site s = plan.nextBoolean() ? khm : tha;
            s.crash();
            s.start(world, clock, peers, seed);
          }
          act();
          khm.dispatcher.dispatch();
          tha.dispatcher.dispatch();
          if (plan.nextInt(4) == 0) {
            khm.proxy.releaseHeld();
            tha.proxy.releaseHeld();
          }
          clock.advance(Duration.ofSeconds(31));
        }
        khm.proxy.faults(false);
        tha.proxy.faults(false);
        khm.proxy.releaseHeld();
        tha.proxy.releaseHeld();
        for (int round = 0; round < 40 && !quiet(); round++) {
          act();
          khm.dispatcher.dispatch();
          tha.dispatcher.dispatch();
          clock.advance(Duration.ofSeconds(31));
        }
        return check();
      }
    }

    /** What people at each organisation do when they see an attempt in a given state. */
    void act() {
      for (int i = 1; i <= ATTEMPTS; i++) {
        AttemptId a = TwoNodes.attempt(i);
        Optional<AttemptStatus> at = tha.node.status(a);
        if (at.isPresent()) {
          switch (at.get()) {
            case SENT -> tha.node.markReceived(a);
            case RECEIVED -> tha.node.accept(a);
            case ACCEPTED -> tha.node.start(a);
            case IN_PROGRESS -> tha.node.complete(a, LocalizedText.of("en", "fitted"));
            default -> {}
          }
        }
        if (khm.node.status(a).orElse(null) == AttemptStatus.COMPLETED) {
          khm.node.acknowledgeOutcome(a);
        }
      }
    }

    boolean quiet() {
      boolean statesDone = true;
      for (int i = 1; i <= ATTEMPTS; i++) {
        AttemptId a = TwoNodes.attempt(i);
        statesDone &=
            khm.node.status(a).orElse(null) == AttemptStatus.COMPLETED
                && tha.node.status(a).orElse(null) == AttemptStatus.COMPLETED;
      }
      return statesDone
          && khm.store.outbox().isEmpty()
          && tha.store.outbox().isEmpty()
          && khm.dispatcher.waiting().values().stream().allMatch(n -> n == 0)
          && tha.dispatcher.waiting().values().stream().allMatch(n -> n == 0);
    }

    List<String> check() {
      List<String> problems = new ArrayList<>();
      if (!quiet()) {
        problems.add(
            "did not converge: khm outbox "
                + khm.store.outbox().stream().map(e -> e.message().type()).toList()
                + ", tha outbox "
                + tha.store.outbox().stream().map(e -> e.message().type()).toList()
                + ", khm waiting "
                + khm.dispatcher.waiting()
                + ", tha waiting "
                + tha.dispatcher.waiting());
      }
      for (Site s : List.of(khm, tha)) {
        if (!s.dispatcher.parked().isEmpty()) {
          problems.add(s.party.organisation() + " parked " + s.dispatcher.parked());
        }
        for (ReferralId r : s.store.referrals()) {
          if (!s.node.verifyAudit(r).valid()) {
            problems.add(s.party.organisation() + " audit of " + r + " invalid");
          }
          Map<AuditAction, Integer> seen = new EnumMap<>(AuditAction.class);
          Map<String, Integer> transitions = new java.util.HashMap<>();
          for (AuditEntry e : s.node.audit(r)) {
            seen.merge(e.action(), 1, Integer::sum);
            if (e.action() == AuditAction.TRANSITION) {
              transitions.merge(e.toStatus().orElse("?"), 1, Integer::sum);
            }
          }
          if (seen.getOrDefault(AuditAction.CREATED, 0) != 1) {
            problems.add(s.party.organisation() + " " + r + " created " + seen);
          }
          transitions.forEach(
              (to, n) -> {
                if (n != 1) {
                  problems.add(
                      s.party.organisation() + " " + r + " moved to " + to + " " + n + " times");
                }
              });
        }
      }
      return problems;
    }
  }
}
