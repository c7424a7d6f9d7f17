package org.vansdk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.transport.TwoNodes.KHM;
import static org.vansdk.transport.TwoNodes.T0;
import static org.vansdk.transport.TwoNodes.THA;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.transport.client.DispatchReport;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.client.PeerEndpoints;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.jdk.JdkHttpServerBinding;
import org.vansdk.transport.jetty.JettyBinding;

/**
 * A Cambodian referrer (served by the JDK's HTTPS server) and a Thai centre (served by Jetty over
 * HTTPS) complete the closed loop over real loopback connections, mutual TLS on the Thai side.
 */
class HttpsExchangeTest {

  private final TestCertificates certs = new TestCertificates();
  private final TwoNodes world = new TwoNodes(11);
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final ReferralNode khm = world.node(KHM, new InMemoryReferralStore(), clock, 0);
  private final ReferralNode tha = world.node(THA, new InMemoryReferralStore(), clock, 0);
  private final JdkHttpServerBinding khmServer =
      JdkHttpServerBinding.start(
          MessageEndpoint.builder(khm).keyId(world.khmKey.keyId()).build(),
          new InetSocketAddress("127.0.0.1", 0),
          Optional.of(certs.context("KHM-CMAA-HQ")),
          false,
          4);
  private final Server thaServer =
      JettyBinding.start(
          MessageEndpoint.builder(tha).keyId(world.thaKey.keyId()).build(),
          "127.0.0.1",
          0,
          Optional.of(certs.context("THA-SIRINDHORN-REHAB")),
          true,
          Duration.ofSeconds(10));
  private final PeerEndpoints peers =
      PeerEndpoints.of(
          Map.of(
              KHM.organisation(), URI.create("https://127.0.0.1:" + khmServer.port()),
              THA.organisation(), URI.create("https://127.0.0.1:" + JettyBinding.port(thaServer))));
  private final Dispatcher khmOut = dispatcher(khm, "KHM-CMAA-HQ");
  private final Dispatcher thaOut = dispatcher(tha, "THA-SIRINDHORN-REHAB");

  private Dispatcher dispatcher(ReferralNode node, String cn) {
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(certs.context(cn))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return Dispatcher.builder(node, peers, http).build();
  }

  @AfterEach
  void stop() throws Exception {
    khmOut.close();
    thaOut.close();
    khmServer.close();
    JettyBinding.stop(thaServer, Duration.ofSeconds(5));
  }

  private static void done(Decision d) {
    assertTrue(d.done(), d.message());
  }

  @Test
  void closedLoop_overHttps_bothSidesAgreeAndAuditsVerify() {
    done(khm.refer(TwoNodes.draft(1, T0), TwoNodes.consent(1, T0)));
    DispatchReport sent = khmOut.dispatch();
    assertEquals(1, sent.delivered(), sent.toString());
    assertEquals(AttemptStatus.SENT, tha.status(TwoNodes.attempt(1)).orElseThrow());
    assertTrue(khm.store().outbox().isEmpty(), "the ack came back in the HTTP response");

    done(tha.markReceived(TwoNodes.attempt(1)));
    done(tha.accept(TwoNodes.attempt(1)));
    done(tha.start(TwoNodes.attempt(1)));
    done(tha.complete(TwoNodes.attempt(1), LocalizedText.of("en", "fitted")));
    DispatchReport replies = thaOut.dispatch();
    assertEquals(4, replies.delivered(), replies.toString());
    assertEquals(AttemptStatus.COMPLETED, khm.status(TwoNodes.attempt(1)).orElseThrow());

    done(khm.acknowledgeOutcome(TwoNodes.attempt(1)));
    assertEquals(1, khmOut.dispatch().delivered());
    assertTrue(khm.store().outbox().isEmpty());
    assertTrue(tha.store().outbox().isEmpty());
    for (ReferralNode n : new ReferralNode[] {khm, tha}) {
      for (var referral : n.store().referrals()) {
        assertTrue(n.verifyAudit(referral).valid(), n.party() + " " + n.verifyAudit(referral));
      }
    }
  }

  @Test
  void batchOfTwenty_oneRound_allAcknowledged() {
    for (int i = 1; i <= 20; i++) {
      done(khm.refer(TwoNodes.draft(i, T0), TwoNodes.consent(i, T0)));
    }
    assertEquals(20, khmOut.dispatch().delivered());
    for (int i = 1; i <= 20; i++) {
      assertEquals(AttemptStatus.SENT, tha.status(TwoNodes.attempt(i)).orElseThrow());
    }
    assertTrue(khm.store().outbox().isEmpty());
  }
}
