package org.vansdk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.transport.TwoNodes.KHM;
import static org.vansdk.transport.TwoNodes.T0;
import static org.vansdk.transport.TwoNodes.THA;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.Receipt;
import org.vansdk.referral.node.ReferralErrors;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.node.Transmission;
import org.vansdk.referral.signature.SignatureCheck;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.testkit.time.MutableClock;
import org.vansdk.transport.client.DispatchReport;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.client.PeerEndpoints;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.jdk.JdkHttpServerBinding;
import org.vansdk.transport.trust.TrustFixtures;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustListJson;
import org.vansdk.transport.trust.TrustListRefresh;
import org.vansdk.transport.trust.TrustListRegistry;
import org.vansdk.transport.trust.TrustListSource;
import org.vansdk.transport.trust.TrustedKey;

/**
 * Two nodes that learn each other's keys only from the operator's signed trust list, refreshed from
 * a file, exchange referrals over HTTPS on loopback while the Cambodian key is rotated and revoked:
 * a message made before a revocation (or inside a key's validity) is still accepted when it is
 * delivered later, one made after is refused with the reason, and the node rebuilt with its new key
 * gets the refused message through.
 */
class TrustListExchangeTest {

  private static final SigningKey KHM_K1 = TrustFixtures.key("KHM-CMAA-HQ-2026-01", 21);
  private static final SigningKey KHM_K2 = TrustFixtures.key("KHM-CMAA-HQ-2026-02", 22);
  private static final SigningKey THA_K1 = TrustFixtures.key("THA-SIRINDHORN-2026-01", 23);

  @TempDir Path dir;

  private final TestCertificates certs = new TestCertificates();
  private final TwoNodes world = new TwoNodes(5);
  private final MutableClock clock = MutableClock.of(T0);
  private final TrustListRegistry khmTrust =
      TrustListRegistry.of(TrustFixtures.pinned(), TrustFixtures.NETWORK);
  private final TrustListRegistry thaTrust =
      TrustListRegistry.of(TrustFixtures.pinned(), TrustFixtures.NETWORK);
  private final ReferralStore khmStore = new InMemoryReferralStore();
  private ReferralNode tha;
  private JdkHttpServerBinding thaServer;
  private PeerEndpoints peers;
  private final List<Dispatcher> dispatchers = new java.util.ArrayList<>();
  private int nodesBuilt;

  @AfterEach
  void stop() {
    dispatchers.forEach(Dispatcher::close);
    if (thaServer != null) {
      thaServer.close();
    }
  }

  /** Publishes a list (written to the file both nodes refresh from) and refreshes both. */
  private void publish(TrustList list) throws IOException {
    Path file = dir.resolve("trust-list.json");
    Files.write(file, TrustListJson.write(list.signedBy(TrustFixtures.OPERATOR)));
    for (TrustListRegistry r : List.of(khmTrust, thaTrust)) {
      TrustListRefresh.Outcome o =
          new TrustListRefresh(TrustListSource.file(file), r, clock).refresh();
      assertEquals(TrustListRefresh.Status.UPDATED, o.status(), o.detail());
    }
  }

  private static TrustList list(TrustedKey... khmKeys) {
    return TrustList.draft(TrustFixtures.NETWORK, T0)
        .withOrganisation(TrustFixtures.organisation(KHM.organisation(), "CMAA", khmKeys), T0)
        .withOrganisation(
            TrustFixtures.organisation(THA.organisation(), "Sirindhorn", key(THA_K1, 0, 365)), T0);
  }

  private static TrustedKey key(SigningKey k, int fromDay, int untilDay) {
    return TrustFixtures.listed(
        k, T0.plus(Duration.ofDays(fromDay)), T0.plus(Duration.ofDays(untilDay)));
  }

  private ReferralNode node(Party party, SigningKey key, ReferralStore store, TrustListRegistry r) {
    return ReferralNode.builder()
        .party(party)
        .signingKey(key)
        .keyRegistry(r)
        .store(store)
        .clock(clock)
        .directory(world.directory)
        // a rebuilt node draws other message ids than the one before it
        .random(new Random(++nodesBuilt))
        .build();
  }

  private void startTha() {
    tha = node(THA, THA_K1, new InMemoryReferralStore(), thaTrust);
    thaServer =
        JdkHttpServerBinding.start(
            MessageEndpoint.builder(tha).keyId(THA_K1.keyId()).build(),
            new InetSocketAddress("127.0.0.1", 0),
            Optional.of(certs.context("THA-SIRINDHORN-REHAB")),
            false,
            4);
    peers =
        PeerEndpoints.of(
            Map.of(THA.organisation(), URI.create("https://127.0.0.1:" + thaServer.port())));
  }

  private Dispatcher dispatcher(ReferralNode node, PeerEndpoints to) {
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(certs.context("KHM-CMAA-HQ"))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Dispatcher d = Dispatcher.builder(node, to, http).clock(clock).build();
    dispatchers.add(d);
    return d;
  }

  private static void done(Decision d) {
    assertTrue(d.done(), d.message());
  }

  private void refer(ReferralNode khm, int i) {
    done(khm.refer(TwoNodes.draft(i, clock.instant()), TwoNodes.consent(i, clock.instant())));
  }

  private Optional<AttemptStatus> atTha(int i) {
    return tha.status(TwoNodes.attempt(i));
  }

  /** What THA's node says of the due message of attempt i, fed to it directly. */
  private Receipt thaVerdictOn(ReferralNode khm, int i) {
    clock.advance(Duration.ofMinutes(1)); // past the node's own resend interval
    for (Transmission t : khm.outgoing()) {
      if (t.message().envelope().attemptId().equals(TwoNodes.attempt(i))) {
        return tha.receive(t.bytes());
      }
    }
    throw new AssertionError("no message of attempt " + i + " is due");
  }

  @Test
  void revocation_messageMadeBefore_stillDelivered_afterRefused_newKeyGetsItThrough()
      throws IOException {
    publish(list(key(KHM_K1, -1, 365)));
    startTha();
    ReferralNode khm = node(KHM, KHM_K1, khmStore, khmTrust);
    refer(khm, 1); // made at T0, not yet delivered

    // the operator rotates: K2 listed, K1 revoked from T0 + 1 h; both nodes refresh
    Instant revokedAt = T0.plus(Duration.ofHours(1));
    publish(
        list(key(KHM_K1, -1, 365), key(KHM_K2, 0, 365))
            .signedBy(TrustFixtures.OPERATOR)
            .withRevocation(KHM_K1.keyId(), revokedAt, T0));
    assertEquals(2, thaTrust.version());
    clock.advance(Duration.ofHours(2));

    Dispatcher khmOut = dispatcher(khm, peers);
    DispatchReport first = khmOut.dispatch();
    assertEquals(1, first.delivered(), first.toString());
    assertEquals(AttemptStatus.SENT, atTha(1).orElseThrow(), "made before the revocation");

    refer(khm, 2); // made at T0 + 2 h with the revoked key
    DispatchReport second = khmOut.dispatch();
    assertEquals(0, second.delivered(), second.toString());
    assertEquals(1, second.parked().size(), second.toString());
    assertEquals(400, second.parked().get(0).httpStatus(), "refused, never resent");
    assertTrue(atTha(2).isEmpty());
    Receipt why = thaVerdictOn(khm, 2);
    assertEquals(ReferralErrors.BAD_SIGNATURE, why.code());
    assertTrue(why.detail().contains(SignatureCheck.REVOKED_KEY.description()), why.detail());

    // the Cambodian node is rebuilt on its store with its new key: the refused message goes out
    ReferralNode rebuilt = node(KHM, KHM_K2, khmStore, khmTrust);
    clock.advance(
        Duration.ofMinutes(1)); // its retry state is durable: due again after the interval
    DispatchReport third = dispatcher(rebuilt, peers).dispatch();
    assertEquals(1, third.delivered(), third.toString());
    assertEquals(AttemptStatus.SENT, atTha(2).orElseThrow());
    assertTrue(khmStore.outbox().isEmpty(), "THA's acks verified with its listed key");
  }

  @Test
  void rotation_bothKeysValidDuringOverlap_resendOfOldKeyAfterExpiry_stillDelivered()
      throws IOException {
    // K1 until day 10, K2 from day 5: both valid from day 5 to day 10
    publish(list(key(KHM_K1, -1, 10), key(KHM_K2, 5, 40)));
    startTha();
    clock.advance(Duration.ofDays(6));
    ReferralNode khmOld = node(KHM, KHM_K1, khmStore, khmTrust);
    Dispatcher oldOut = dispatcher(khmOld, peers);
    refer(khmOld, 1);
    assertEquals(1, oldOut.dispatch().delivered());
    ReferralNode khmNew = node(KHM, KHM_K2, khmStore, khmTrust);
    refer(khmNew, 2);
    assertEquals(1, dispatcher(khmNew, peers).dispatch().delivered());
    assertEquals(AttemptStatus.SENT, atTha(1).orElseThrow());
    assertEquals(AttemptStatus.SENT, atTha(2).orElseThrow());

    // made with K1 on day 6 while THA was unreachable, delivered on day 11 after K1 expired
    refer(khmOld, 3);
    PeerEndpoints unreachable =
        PeerEndpoints.of(Map.of(THA.organisation(), URI.create("https://127.0.0.1:1")));
    DispatchReport lost = dispatcher(khmOld, unreachable).dispatch();
    assertEquals(0, lost.delivered(), lost.toString());
    assertTrue(lost.parked().isEmpty(), lost.toString());
    clock.advance(Duration.ofDays(5));
    refer(khmOld, 4); // made on day 11 with the expired key
    DispatchReport late = dispatcher(khmOld, peers).dispatch();
    assertEquals(1, late.delivered(), late.toString());
    assertEquals(AttemptStatus.SENT, atTha(3).orElseThrow(), "made inside K1's validity");
    assertEquals(1, late.parked().size(), late.toString());
    assertTrue(atTha(4).isEmpty());
    Receipt why = thaVerdictOn(khmOld, 4);
    assertTrue(why.detail().contains(SignatureCheck.KEY_EXPIRED.description()), why.detail());
  }
}
