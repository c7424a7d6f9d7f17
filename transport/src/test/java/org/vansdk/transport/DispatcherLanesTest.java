package org.vansdk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.transport.TwoNodes.KHM;
import static org.vansdk.transport.TwoNodes.T0;
import static org.vansdk.transport.TwoNodes.THA;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.DirectoryEntry;
import org.vansdk.referral.node.ReferralDraft;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.client.PeerEndpoints;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.jetty.JettyBinding;
import org.vansdk.transport.observe.TransportObserver;

/**
 * A started dispatcher serves its lanes independently: while one peer holds a request without
 * answering (up to the request time-out), what is referred to another peer leaves at once.
 */
class DispatcherLanesTest {

  private static final Party LAO =
      new Party(OrganisationId.parse("LAO-NRA-HQ"), "hq", CountryCode.LAO);
  private static final ServiceId LAO_SERVICE = ServiceId.parse("LAO-NRA-PROSTHESIS");

  private final TwoNodes world = new TwoNodes(47);
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final ReferralNode khm;
  private final ReferralNode tha;
  private final Server server;
  private final ServerSocket silent;
  private final List<Socket> held = new ArrayList<>();
  private final CountDownLatch silentCalled = new CountDownLatch(1);
  private final Thread acceptor;

  DispatcherLanesTest() throws IOException {
    world.directory.add(new DirectoryEntry(LAO_SERVICE, LAO, Duration.ofDays(14)));
    khm = world.node(KHM, new InMemoryReferralStore(), clock, 0);
    tha = world.node(THA, new InMemoryReferralStore(), clock, 0);
    server =
        JettyBinding.start(
            MessageEndpoint.builder(tha).build(),
            "127.0.0.1",
            0,
            Optional.empty(),
            false,
            Duration.ofSeconds(10));
    // A peer that takes the connection and never answers.
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket s = silent.accept();
                  synchronized (held) {
                    held.add(s);
                  }
                  silentCalled.countDown();
                }
              } catch (IOException closed) {
                // the test ended
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws Exception {
    hangUp();
    JettyBinding.stop(server, Duration.ofSeconds(5));
  }

  /** The silent peer drops its connections: its lane's request fails and the lane backs off. */
  private void hangUp() throws IOException {
    silent.close();
    synchronized (held) {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aPeerThatDoesNotAnswer_holdsUpOnlyItsOwnLane() throws Exception {
    PeerEndpoints peers =
        PeerEndpoints.of(
            Map.of(
                THA.organisation(),
                URI.create("http://127.0.0.1:" + JettyBinding.port(server)),
                LAO.organisation(),
                URI.create("http://127.0.0.1:" + silent.getLocalPort())));
    CountDownLatch thaDelivered = new CountDownLatch(1);
    TransportObserver observer =
        new TransportObserver() {
          @Override
          public void delivered(
              OrganisationId peer, MessageType type, String messageId, long nanos) {
            if (peer.equals(THA.organisation())) {
              thaDelivered.countDown();
            }
          }
        };
    try (Dispatcher d =
        Dispatcher.builder(khm, peers, HttpClient.newHttpClient())
            .clock(clock)
            .requestTimeout(Duration.ofMinutes(2))
            .observer(observer)
            .build()) {
      d.start(Duration.ofHours(1));
      Consent consent =
          Consent.builder()
              .from(TwoNodes.consent(1, T0))
              .addGrantees(LAO.organisation())
              .addCountries(CountryCode.LAO)
              .build();
      ReferralDraft toLao =
          ReferralDraft.builder().from(TwoNodes.draft(1, T0)).targetService(LAO_SERVICE).build();
      done(khm.refer(toLao, consent));
      d.wake();
      assertTrue(silentCalled.await(30, TimeUnit.SECONDS), "the silent peer was called");

      done(khm.refer(TwoNodes.draft(2, T0), TwoNodes.consent(2, T0)));
      d.wake();
      assertTrue(
          thaDelivered.await(30, TimeUnit.SECONDS),
          "the other peer's lane did not wait for the silent one");
      assertEquals(AttemptStatus.SENT, tha.status(TwoNodes.attempt(2)).orElseThrow());
      assertEquals(Map.of(LAO.organisation(), 1, THA.organisation(), 0), d.waiting());
      hangUp(); // so that closing the dispatcher need not wait for that request
    }
  }

  private static void done(Decision d) {
    assertTrue(d.done(), d.message());
  }
}
