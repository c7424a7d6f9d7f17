package org.vansdk.transport.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.OutboxAction;
import org.vansdk.referral.node.StuckAttempt;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.transport.observe.TransportObserver;
import org.vansdk.transport.trust.KeyUse;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustedKey;
import org.vansdk.transport.trust.TrustedOrganisation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two nodes that know each other only from the operator's trust list: a message the dispatcher
 * parks (the centre was listed without an endpoint) stays parked in the store across a restart, an
 * operator sees it on the stopped node and resends it on the running one; and the centre changes
 * its signing key while running, the new key listed with the old one, then the old one revoked.
 */
class NodeOperationsTest {

  private static final Map<String, String> ENV = Map.of("VAN_TLS_PASSWORD", TwoNodeFiles.PASSWORD);
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final ReferralId REFERRAL = ReferralId.parse("KHM-CMAA-R1");

  @TempDir Path dir;

  /** What the observer heard, as short lines. */
  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());

  private final TransportObserver recorder =
      new TransportObserver() {
        @Override
        public void outboxAction(
            OutboxAction action, OrganisationId peer, MessageType type, String messageId) {
          heard.add(action.code() + " " + peer + " " + type.code());
        }

        @Override
        public void signingKeyChanged(KeyId previous, KeyId current) {
          heard.add("key " + previous + " -> " + current);
        }
      };

  private NetworkNode start(Path file) {
    return NetworkNode.start(file, ENV::get, recorder);
  }

  private static void done(Decision d) {
    assertTrue(d.done(), d.message());
  }

  /** The held list with the centre's endpoint removed or given back, one version on. */
  private static TrustList centreEndpoint(TrustList list, boolean present, TwoNodeFiles original) {
    List<TrustedOrganisation> orgs = new ArrayList<>();
    for (TrustedOrganisation o : list.organisations()) {
      Optional<java.net.URI> endpoint =
          o.id().equals(TwoNodeFiles.CENTRE) && !present
              ? Optional.empty()
              : original.list().organisation(o.id()).orElseThrow().endpoint();
      orgs.add(new TrustedOrganisation(o.id(), o.country(), o.name(), endpoint, o.keys()));
    }
    return new TrustList(list.network(), list.version() + 1, Instant.now(), orgs, List.of());
  }

  @Test
  void parkedByTheDispatcher_staysParked_operatorSeesItStopped_andResendsItRunning()
      throws Exception {
    TwoNodeFiles original = TwoNodeFiles.write(dir, 3_600_000);
    TwoNodeFiles files = original.publish(centreEndpoint(original.list(), false, original));
    Instant now = Instant.now();
    try (NetworkNode authority = start(files.authority())) {
      done(authority.node().refer(NetworkNodeTest.draft(1, now), NetworkNodeTest.consent(1, now)));
      // The referral woke the background round, which may have parked it already: a round of our
      // own returns once that one ended, so what follows holds either way.
      authority.dispatcher().dispatch();
      assertEquals(1, authority.dispatcher().parked().size(), "no endpoint listed");
      assertTrue(authority.node().unacknowledged().get(0).isParked(), "parked in the store too");
    }

    NodeConfiguration config = NodeConfiguration.read(files.authority());
    String messageId;
    try (NodeOperator operator = NodeOperator.open(config, recorder)) {
      List<OutboxEntry> stuck = operator.stuckOutbox(Duration.ofDays(1));
      assertEquals(1, stuck.size());
      assertTrue(stuck.get(0).isParked());
      messageId = stuck.get(0).message().envelope().messageId();
      List<StuckAttempt> attempts = operator.stuckAttempts(Duration.ZERO);
      assertEquals(1, attempts.size());
      assertEquals(1, attempts.get(0).parked());
      assertEquals(TwoNodeFiles.CENTRE, attempts.get(0).peer());
    }

    files.publish(centreEndpoint(files.list(), true, original));
    try (NetworkNode authority = start(files.authority());
        NetworkNode centre = start(files.centre())) {
      authority.dispatcher().dispatch();
      assertTrue(centre.node().status(NetworkNodeTest.attempt(1)).isEmpty(), "still parked");
      try (NodeOperator operator = authority.operator()) {
        Decision resent = operator.act(OutboxAction.RESEND, messageId, "endpoint-listed");
        assertTrue(resent.done(), resent.message());
      }
      authority.dispatcher().dispatch(); // the resend woke a round; this one ends after it
      assertEquals(
          AttemptStatus.SENT, centre.node().status(NetworkNodeTest.attempt(1)).orElseThrow());
      assertTrue(authority.node().unacknowledged().isEmpty());
      List<AuditAction> actions =
          authority.node().audit(REFERRAL).stream().map(AuditEntry::action).toList();
      assertTrue(actions.contains(AuditAction.OUTBOX_PARKED), actions.toString());
      assertTrue(actions.contains(AuditAction.OUTBOX_RESENT), actions.toString());
      assertTrue(authority.node().verifyAudit(REFERRAL).valid());
    }
    assertEquals(List.of("resend KHM-PRC-BTB referral_request"), heard);
  }

  @Test
  void parkedInThisRun_resentOnTheRunningNode_leavesWithoutARestart() throws Exception {
    TwoNodeFiles original = TwoNodeFiles.write(dir, 3_600_000);
    TwoNodeFiles files = original.publish(centreEndpoint(original.list(), false, original));
    Instant now = Instant.now();
    try (NetworkNode authority = start(files.authority());
        NetworkNode centre = start(files.centre())) {
      done(authority.node().refer(NetworkNodeTest.draft(1, now), NetworkNodeTest.consent(1, now)));
      authority.dispatcher().dispatch();
      assertEquals(1, authority.dispatcher().parked().size(), "no endpoint listed");
      String messageId = authority.dispatcher().parked().get(0).messageId();

      files.publish(centreEndpoint(files.list(), true, original));
      authority.refreshTrustList();
      authority.dispatcher().dispatch();
      assertTrue(centre.node().status(NetworkNodeTest.attempt(1)).isEmpty(), "parked until resent");

      try (NodeOperator operator = authority.operator()) {
        done(operator.act(OutboxAction.RESEND, messageId, "endpoint-listed"));
      }
      authority.dispatcher().dispatch();
      assertEquals(
          AttemptStatus.SENT, centre.node().status(NetworkNodeTest.attempt(1)).orElseThrow());
      assertTrue(authority.node().unacknowledged().isEmpty(), "acknowledged");
    }
  }

  @Test
  void signingKeyRotation_whileRunning_throughTheTrustList() throws Exception {
    TwoNodeFiles files = TwoNodeFiles.write(dir, 3_600_000);
    Instant now = Instant.now();
    try (NetworkNode authority = start(files.authority());
        NetworkNode centre = start(files.centre())) {
      done(authority.node().refer(NetworkNodeTest.draft(1, now), NetworkNodeTest.consent(1, now)));
      authority.dispatcher().dispatch();
      KeyId k1 = centre.node().signingKeyId();

      // The centre's operator makes a new key and names it in the configuration ...
      byte[] seed = new byte[32];
      new java.security.SecureRandom().nextBytes(seed);
      Files.writeString(dir.resolve("centre-k2.key"), Base64.getEncoder().encodeToString(seed));
      SigningKey k2 = SigningKey.fromRaw(KeyId.of("KHM-PRC-BTB-K2"), seed);
      ObjectNode c = (ObjectNode) MAPPER.readTree(files.centre().toFile());
      ((ObjectNode) c.get("signingKey"))
          .put("keyId", "KHM-PRC-BTB-K2")
          .put("file", "centre-k2.key");
      Files.writeString(files.centre(), MAPPER.writeValueAsString(c));
      // ... which the node refuses while the network's list does not name it.
      NodeConfigurationException early =
          assertThrows(NodeConfigurationException.class, centre::reloadSigningKey);
      assertEquals(NodeConfigurationException.KEY_NOT_LISTED, early.code());
      assertEquals(k1, centre.node().signingKeyId());

      // The operator lists the new key next to the old one; both nodes refresh.
      Instant listedAt = Instant.now();
      files =
          files.publish(
              files
                  .list()
                  .withKey(
                      TwoNodeFiles.CENTRE,
                      TrustedKey.of(
                          k2.keyId(),
                          k2.rawPublicKey(),
                          listedAt,
                          listedAt.plus(Duration.ofDays(365)),
                          EnumSet.allOf(KeyUse.class)),
                      listedAt));
      authority.refreshTrustList();
      centre.refreshTrustList();
      assertEquals(k2.keyId(), centre.node().signingKeyId(), "switched without a restart");
      assertTrue(heard.contains("key KHM-PRC-BTB-K1 -> KHM-PRC-BTB-K2"), heard.toString());

      done(centre.node().markReceived(NetworkNodeTest.attempt(1)));
      done(centre.node().accept(NetworkNodeTest.attempt(1)));
      centre.dispatcher().dispatch();
      assertEquals(
          AttemptStatus.ACCEPTED,
          authority.node().status(NetworkNodeTest.attempt(1)).orElseThrow(),
          "the authority takes messages signed with the new key");

      // The old key is revoked from now on; messages keep flowing under the new one.
      files = files.publish(files.list().withRevocation(k1, Instant.now(), Instant.now()));
      authority.refreshTrustList();
      assertEquals(files.list().version(), authority.trustList().version());
      done(centre.node().complete(NetworkNodeTest.attempt(1), LocalizedText.of("en", "fitted")));
      centre.dispatcher().dispatch();
      done(authority.node().acknowledgeOutcome(NetworkNodeTest.attempt(1)));
      authority.dispatcher().dispatch();
      assertEquals(
          AttemptStatus.COMPLETED,
          authority.node().status(NetworkNodeTest.attempt(1)).orElseThrow());
      assertTrue(authority.node().store().outbox().isEmpty());
      assertTrue(centre.node().store().outbox().isEmpty());
      assertTrue(authority.node().verifyAudit(REFERRAL).valid());
      assertTrue(centre.node().verifyAudit(REFERRAL).valid());
    }
  }
}
