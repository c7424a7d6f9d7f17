package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.referral.node.TestWorld.KHM_CMAA;
import static org.vansdk.referral.node.TestWorld.KHM_HI;
import static org.vansdk.referral.node.TestWorld.KHM_PRC;
import static org.vansdk.referral.node.TestWorld.KHM_PROSTHESIS;
import static org.vansdk.referral.node.TestWorld.THA_PROSTHESIS;
import static org.vansdk.referral.node.TestWorld.THA_REHAB;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.DeclineReason;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.consent.ConsentGate;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.AttemptRecord;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The named protocol scenarios of issue 6, each between nodes over a loss-free test network. */
class ReferralProtocolTest {

  private final TestWorld world = new TestWorld(42);
  private final ReferralNode khm = world.add(KHM_CMAA);
  private final ReferralNode tha = world.add(THA_REHAB);
  private final Referral referral = TestWorld.referral(KHM_CMAA, "1", "1");
  private final AttemptId attempt = TestWorld.attempt(KHM_CMAA, "1");
  private final Consent consent = TestWorld.crossBorderConsent("1");

  private void referToThailand() {
    Decision d =
        khm.refer(
            TestWorld.draft(
                referral,
                attempt,
                THA_PROSTHESIS,
                EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)),
            consent);
    assertTrue(d.done(), d.message());
  }

  private void assertBoth(AttemptStatus status) {
    assertEquals(status, khm.status(attempt).orElseThrow(), "referrer");
    assertEquals(status, tha.status(attempt).orElseThrow(), "receiver");
  }

  private void assertAuditsValid() {
    for (ReferralNode n : world.nodes.values()) {
      for (var r : n.store().referrals()) {
        assertTrue(n.verifyAudit(r).valid(), n.party() + " " + r + " " + n.verifyAudit(r));
      }
    }
  }

  private static long count(List<AuditEntry> log, AuditAction action) {
    return log.stream().filter(e -> e.action() == action).count();
  }

  private static byte[] sign(ObjectNode tree, SigningKey key) {
    tree.remove("signature");
    String value = key.signCanonical(Message.signedContent(tree));
    tree.putObject("signature")
        .put("alg", "Ed25519")
        .put("keyId", key.keyId().value())
        .put("value", value);
    return MessageCodec.toBytes(tree);
  }

  private Message forged(
      Party from, Party to, MessageType type, long seq, long base, ObjectNode payload) {
    return Message.of(
            Envelope.builder()
                .messageId("forged-" + type.code() + "-" + seq + "-" + from.system())
                .transmissionId("t-" + seq)
                .type(type)
                .correlationId(referral.id())
                .attemptId(attempt)
                .sender(from)
                .receiver(to)
                .createdAt(world.clock.instant())
                .senderSeq(seq)
                .baseVersion(base)
                .build(),
            payload)
        .signedWith(world.key(from));
  }

  // ---------------------------------------------------------------- duplicates and replays

  @Test
  void duplicateDelivery_threeTimes_appliedOnceAndStoredReplyReplayed() {
    referToThailand();
    Transmission request = world.take(khm).get(0);
    Receipt first = world.deliver(request);
    List<Transmission> acks = new java.util.ArrayList<>(world.take(tha));
    Receipt second = world.deliver(request);
    acks.addAll(world.take(tha));
    Receipt third = world.deliver(request);
    acks.addAll(world.take(tha));
    assertEquals(ReferralErrors.PROCESSED, first.code());
    assertEquals(ReferralErrors.REPLAYED, second.code());
    assertEquals(ReferralErrors.REPLAYED, third.code());
    assertEquals(AckStatus.OK, third.status());
    List<AuditEntry> log = tha.audit(referral.id());
    assertEquals(1, count(log, AuditAction.CREATED));
    assertEquals(3, acks.size());
    assertEquals(
        1,
        acks.stream().map(t -> t.message().envelope().messageId()).distinct().count(),
        "the same stored ack is replayed");
    acks.forEach(world::deliver);
    assertTrue(khm.store().outbox().isEmpty(), "request acknowledged, no more resends");
    assertBoth(AttemptStatus.SENT);
  }

  @Test
  void sameMessageIdDifferentPayload_conflictAndNothingApplied() {
    referToThailand();
    Transmission request = world.take(khm).get(0);
    world.deliver(request);
    ObjectNode altered = TestWorld.tree(request);
    ((ObjectNode) altered.get("payload")).put("targetService", "THA-SIRINDHORN-ORTHOSIS");
    altered.put("payloadSha256", Message.payloadHash(altered.get("payload")));
    Receipt r = tha.receive(sign(altered, world.key(KHM_CMAA)));
    assertEquals(AckStatus.FATAL_ERROR, r.status());
    assertEquals(ReferralErrors.MESSAGE_ID_CONFLICT, r.code());
    assertEquals(
        "THA-SIRINDHORN-PROSTHESIS",
        tha.attempt(attempt).orElseThrow().targetService().orElseThrow());
    assertEquals(1, count(tha.audit(referral.id()), AuditAction.CONFLICT));
  }

  @Test
  void replayOfOldValidMessage_storedReplyReplayedAndStateUnchanged() {
    referToThailand();
    world.pump();
    tha.accept(attempt);
    Transmission accept = world.take(tha).get(0);
    world.deliver(accept);
    tha.complete(attempt, LocalizedText.of("en", "prosthesis fitted"));
    world.pump();
    assertBoth(AttemptStatus.COMPLETED);
    int auditBefore = khm.audit(referral.id()).size();
    world.clock.advance(Duration.ofDays(30));
    Receipt replay = world.deliver(accept);
    assertEquals(ReferralErrors.REPLAYED, replay.code());
    assertBoth(AttemptStatus.COMPLETED);
    assertEquals(auditBefore, khm.audit(referral.id()).size());
    assertAuditsValid();
  }

  // ---------------------------------------------------------------- ordering

  @Test
  void outOfOrder_completeBeforeAccept_heldThenBothApplied() {
    referToThailand();
    world.pump();
    tha.accept(attempt);
    tha.complete(attempt, LocalizedText.of("en", "fitted"));
    List<Transmission> out = world.take(tha);
    assertEquals(2, out.size());
    Receipt early = world.deliver(out.get(1));
    assertEquals(AckStatus.TRANSIENT_ERROR, early.status());
    assertEquals(ReferralErrors.HELD_OUT_OF_ORDER, early.code());
    assertEquals(AttemptStatus.SENT, khm.status(attempt).orElseThrow());
    assertEquals(1, khm.heldCount());
    assertTrue(
        khm.store().outbox().stream().anyMatch(e -> e.message().type() == MessageType.SYNC_REQUEST),
        "a sync_request asks for the gap");
    world.deliver(out.get(0));
    assertEquals(0, khm.heldCount());
    assertBoth(AttemptStatus.COMPLETED);
    world.pump();
    assertAuditsValid();
    var core = khm.attempt(attempt).orElseThrow().toReferralAttempt();
    assertEquals(AttemptStatus.COMPLETED, core.status());
    assertEquals("fitted", core.outcome().orElseThrow().text());
    assertEquals(4, core.history().size());
    assertEquals(THA_REHAB.organisation(), core.targetOrganisation());
  }

  @Test
  void closedLoop_outcomeAcknowledgedAndFeedbackReachesTheReceiver() {
    referToThailand();
    world.pump();
    assertFalse(khm.feedback(attempt, 4).done(), "no feedback before the attempt ends");
    tha.accept(attempt);
    tha.complete(attempt, LocalizedText.of("en", "fitted"));
    world.pump();
    assertFalse(tha.feedback(attempt, 4).done(), "the receiver does not rate itself");
    assertFalse(khm.feedback(attempt, 6).done(), "rating out of range");
    assertTrue(khm.acknowledgeOutcome(attempt).done());
    Decision d = khm.feedback(attempt, 5, LocalizedText.of("km", "\u179b\u17d2\u17a2"));
    assertTrue(d.done(), d.message());
    world.pump();
    List<AuditEntry> atReceiver = tha.audit(referral.id());
    for (String type : List.of("outcome_ack", "feedback")) {
      assertEquals(
          1,
          atReceiver.stream()
              .filter(e -> e.action() == AuditAction.NOTED)
              .filter(e -> e.detail().orElse("").equals(type))
              .count(),
          type + " noted once at the receiver");
    }
    assertBoth(AttemptStatus.COMPLETED);
    assertAuditsValid();
  }

  // ---------------------------------------------------------------- cancel

  @Test
  void cancelAndAcceptCrossing_bothConvergeOnCancelled() {
    referToThailand();
    world.pump();
    assertTrue(tha.accept(attempt).done());
    assertTrue(khm.cancel(attempt).done());
    world.pump();
    assertBoth(AttemptStatus.CANCELLED);
    assertAuditsValid();
  }

  @Test
  void cancelAfterCompletion_crossing_receiverRefusesAndBothCompleted() {
    referToThailand();
    world.pump();
    tha.accept(attempt);
    tha.complete(attempt, LocalizedText.of("en", "fitted"));
    assertTrue(khm.cancel(attempt).done(), "referrer has not heard of the completion yet");
    world.pump();
    assertBoth(AttemptStatus.COMPLETED);
    assertEquals(1, count(tha.audit(referral.id()), AuditAction.CANCEL_REFUSED));
    assertFalse(khm.attempt(attempt).orElseThrow().cancelRequested());
    Decision late = khm.cancel(attempt);
    assertFalse(late.done());
    assertEquals(ReferralErrors.TRANSITION_NOT_ALLOWED, late.code());
  }

  // ---------------------------------------------------------------- consent

  @Test
  void consentWithdrawnMidService_cancelsPurgesAndRefusesLaterPersonalData() {
    referToThailand();
    world.pump();
    tha.accept(attempt);
    tha.start(attempt);
    world.pump();
    assertTrue(tha.attempt(attempt).orElseThrow().personalData().isPresent());
    assertTrue(khm.withdrawConsent(consent.id()).done());
    world.pump();
    assertBoth(AttemptStatus.CANCELLED);
    AttemptRecord received = tha.attempt(attempt).orElseThrow();
    assertTrue(received.personalData().isEmpty(), "receiver purged");
    assertTrue(received.purged());
    assertTrue(received.consentWithdrawn());
    long seq = khm.attempt(attempt).orElseThrow().nextOutboundSeq();
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.putArray("dataCategories").add("identity");
    payload.putObject("personalData").putObject("identity").put("name", "Sokha");
    Message late = forged(KHM_CMAA, THA_REHAB, MessageType.INFO_RESPONSE, seq, 3, payload);
    Receipt r = tha.receive(MessageCodec.toBytes(late));
    assertEquals(ReferralErrors.CONSENT_WITHDRAWN, r.code());
    assertEquals(AckStatus.FATAL_ERROR, r.status());
    assertTrue(tha.attempt(attempt).orElseThrow().personalData().isEmpty());
    assertFalse(
        khm.send(attempt, consent).done(), "a withdrawn consent never allows sending again");
    assertAuditsValid();
  }

  @Test
  void consentMissingReceiver_sendBlocked() {
    Consent narrow =
        TestWorld.consent(
            KHM_CMAA,
            "1",
            Set.of(KHM_PRC.organisation()),
            EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL),
            Set.of(CountryCode.THA));
    assertSendBlocked(narrow, ConsentGate.RECEIVER_NOT_COVERED, "THA-SIRINDHORN-REHAB");
  }

  @Test
  void consentMissingDataCategory_sendBlocked() {
    Consent narrow =
        TestWorld.consent(
            KHM_CMAA,
            "1",
            Set.of(THA_REHAB.organisation()),
            EnumSet.of(DataCategory.IDENTITY),
            Set.of(CountryCode.THA));
    assertSendBlocked(narrow, ConsentGate.CATEGORY_NOT_COVERED, "medical");
  }

  @Test
  void consentMissingCountry_sendBlocked() {
    Consent narrow =
        TestWorld.consent(
            KHM_CMAA,
            "1",
            Set.of(THA_REHAB.organisation()),
            EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL),
            Set.of(CountryCode.KHM));
    assertSendBlocked(narrow, ConsentGate.COUNTRY_NOT_COVERED, "THA");
  }

  private void assertSendBlocked(Consent narrow, org.vansdk.core.ErrorCode code, String named) {
    Decision d =
        khm.refer(
            TestWorld.draft(
                referral,
                attempt,
                THA_PROSTHESIS,
                EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)),
            narrow);
    assertFalse(d.done());
    assertEquals(code, d.code());
    assertTrue(d.message().contains(named), d.message());
    assertFalse(d.message().contains("Sokha"), "no personal data in messages");
    assertEquals(AttemptStatus.DRAFT, khm.status(attempt).orElseThrow());
    assertTrue(khm.store().outbox().isEmpty(), "nothing sent");
    assertEquals(1, count(khm.audit(referral.id()), AuditAction.REJECTED));
  }

  @Test
  void payloadBuilder_dropsCategoriesOutsideConsentAndRequest() {
    referToThailand();
    world.pump();
    AttemptRecord received = tha.attempt(attempt).orElseThrow();
    var data = received.personalData().orElseThrow();
    assertEquals(Set.of("identity", "medical"), Set.copyOf(data.propertyNames()));
    assertEquals(List.of("identity", "medical"), received.dataCategories());
    assertFalse(data.toString().contains("+855"), "contact was not consented");
    assertFalse(data.toString().contains("sensitive"), "psychosocial was not requested");
  }

  // ---------------------------------------------------------------- re-referral, cross-border

  @Test
  void declineThenReReferral_newAttemptNamesTheReplacedOne() {
    ReferralNode prc = world.add(KHM_PRC);
    referToThailand();
    world.pump();
    assertTrue(tha.decline(attempt, DeclineReason.NO_CAPACITY).done());
    world.pump();
    assertBoth(AttemptStatus.DECLINED);
    AttemptId second = TestWorld.attempt(KHM_CMAA, "2");
    Decision d =
        khm.reRefer(
            attempt,
            TestWorld.draft(
                referral,
                second,
                KHM_PROSTHESIS,
                EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)),
            consent);
    assertTrue(d.done(), d.message());
    world.pump();
    assertEquals(AttemptStatus.SENT, prc.status(second).orElseThrow());
    assertEquals(attempt, prc.attempt(second).orElseThrow().replaces().orElseThrow());
    assertEquals(attempt, khm.attempt(second).orElseThrow().replaces().orElseThrow());
    Decision tooEarly =
        khm.reRefer(
            second,
            TestWorld.draft(
                referral,
                TestWorld.attempt(KHM_CMAA, "3"),
                THA_PROSTHESIS,
                EnumSet.of(DataCategory.IDENTITY)),
            consent);
    assertEquals(ReferralErrors.REQUIREMENT_MISSING, tooEarly.code());
    assertAuditsValid();
  }

  @Test
  void crossBorderKhmToTha_namespacedIdsKhmerNoteAndOtherCountrysKey() {
    ReferralDraft draft =
        ReferralDraft.builder()
            .from(
                TestWorld.draft(
                    referral,
                    attempt,
                    THA_PROSTHESIS,
                    EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)))
            .note(
                LocalizedText.of(
                    "km",
                    "\u17a2\u17d2\u1793\u1780\u1793\u17b7\u1799\u17b6\u1799\u1797\u17b6\u179f\u17b6\u1781\u17d2\u1798\u17c2\u179a"))
            // "speaks Khmer": the caller vouches that the note holds identity data only
            .noteCategories(EnumSet.of(DataCategory.IDENTITY))
            .build();
    assertTrue(khm.refer(draft, consent).done());
    Transmission request = world.take(khm).get(0);
    Message m = request.message();
    assertEquals("KHM", m.envelope().sender().country().code());
    assertEquals("THA", m.envelope().receiver().country().code());
    assertEquals("KHM-CMAA-HQ-K1", m.signature().orElseThrow().keyId());
    assertEquals("km", m.envelope().lang().orElseThrow());
    assertEquals("KHM", m.envelope().attemptId().countryPrefix());
    assertEquals(ReferralErrors.PROCESSED, world.deliver(request).code());
    AttemptRecord received = tha.attempt(attempt).orElseThrow();
    assertEquals("km", received.request().orElseThrow().path("note").path("lang").asString());
    assertEquals("THA", received.request().orElseThrow().path("destinationCountry").asString());
    assertEquals(KHM_CMAA, received.referrer());

    ObjectNode impostor = TestWorld.tree(request);
    impostor.put("messageId", "impostor-1");
    Receipt r = tha.receive(sign(impostor, world.key(THA_REHAB)));
    assertEquals(ReferralErrors.BAD_SIGNATURE, r.code(), "a Thai key cannot sign for KHM-CMAA");
  }

  // ---------------------------------------------------------------- expiry

  @Test
  void expiry_receiverDeadlinePassed_cancelledAndLateAcceptRefused() {
    referToThailand();
    world.pump();
    world.clock.advance(TestWorld.RESPOND_WITHIN.plusMinutes(1));
    assertEquals(1, tha.expireOverdue());
    Decision late = tha.accept(attempt);
    assertFalse(late.done());
    assertEquals(ReferralErrors.TRANSITION_NOT_ALLOWED, late.code());
    assertTrue(late.message().contains("final"), late.message());
    world.pump();
    assertBoth(AttemptStatus.CANCELLED);
    assertEquals(
        "expired",
        khm.attempt(attempt).orElseThrow().history().get(2).reason(),
        "referrer records why");
  }

  @Test
  void expiry_referrerDeadlineCrossesLateAccept_acceptWinsOnBothSides() {
    referToThailand();
    world.pump();
    world.clock.advance(TestWorld.RESPOND_WITHIN.minusMinutes(1));
    assertTrue(tha.accept(attempt).done());
    List<Transmission> acceptInFlight = world.take(tha);
    world.clock.advance(Duration.ofMinutes(2));
    assertEquals(1, khm.expireOverdue(), "referrer asks to cancel the unanswered attempt");
    world.take(khm).forEach(world::deliver);
    acceptInFlight.forEach(world::deliver);
    world.pump();
    assertBoth(AttemptStatus.ACCEPTED);
    assertAuditsValid();
  }

  // ---------------------------------------------------------------- wrong party

  @Test
  void wrongPartyMoves_refusedWithReasonAndAudited() {
    referToThailand();
    world.pump();
    Decision referrerAccepts = khm.accept(attempt);
    assertEquals(ReferralErrors.WRONG_PARTY, referrerAccepts.code());
    assertTrue(referrerAccepts.message().contains("only the receiver"), referrerAccepts.message());
    Decision receiverCancels = tha.cancel(attempt);
    assertEquals(ReferralErrors.REQUIREMENT_MISSING, receiverCancels.code());
    Decision completeFromSent = tha.complete(attempt, LocalizedText.of("en", "x"));
    assertEquals(ReferralErrors.TRANSITION_NOT_ALLOWED, completeFromSent.code());
    assertTrue(
        completeFromSent.message().contains("allowed: accepted, cancelled, declined, received"),
        completeFromSent.message());
    assertEquals(1, count(khm.audit(referral.id()), AuditAction.REJECTED));
    assertEquals(2, count(tha.audit(referral.id()), AuditAction.REJECTED));

    Message forgedAccept =
        forged(
            KHM_CMAA, THA_REHAB, MessageType.ACCEPT, 2, 1, JsonNodeFactory.instance.objectNode());
    Receipt r = tha.receive(MessageCodec.toBytes(forgedAccept));
    assertEquals(ReferralErrors.WRONG_PARTY, r.code());
    assertEquals(3, count(tha.audit(referral.id()), AuditAction.REJECTED));
    assertBoth(AttemptStatus.SENT);
    assertAuditsValid();
  }

  // ---------------------------------------------------------------- versions and signatures

  @Test
  void schemaMinorVersionWithUnknownFields_accepted() {
    referToThailand();
    ObjectNode future = TestWorld.tree(world.take(khm).get(0));
    future.put("schemaVersion", "1.3");
    future.put("routingHint", "regional-hub");
    ((ObjectNode) future.get("payload")).put("urgencyScore", 7);
    future.put("payloadSha256", Message.payloadHash(future.get("payload")));
    Receipt r = tha.receive(sign(future, world.key(KHM_CMAA)));
    assertEquals(ReferralErrors.PROCESSED, r.code(), r.detail());
    assertEquals(AttemptStatus.SENT, tha.status(attempt).orElseThrow());
  }

  @Test
  void schemaUnknownMajorVersion_refusedListingSupportedMajors() {
    referToThailand();
    ObjectNode future = TestWorld.tree(world.take(khm).get(0));
    future.put("schemaVersion", "2.0");
    Receipt r = tha.receive(sign(future, world.key(KHM_CMAA)));
    assertEquals(AckStatus.FATAL_ERROR, r.status());
    assertEquals(ReferralErrors.UNSUPPORTED_MAJOR, r.code());
    assertTrue(r.detail().contains("supported major versions: 1"), r.detail());
    assertTrue(tha.status(attempt).isEmpty());
  }

  @Test
  void tamperedSignature_refusedAndNothingApplied() {
    referToThailand();
    Transmission request = world.take(khm).get(0);
    ObjectNode tampered = TestWorld.tree(request);
    ((ObjectNode) tampered.get("payload").get("referral")).put("priority", "low");
    tampered.put("payloadSha256", Message.payloadHash(tampered.get("payload")));
    Receipt r = tha.receive(MessageCodec.toBytes(tampered));
    assertEquals(ReferralErrors.BAD_SIGNATURE, r.code());
    ObjectNode unsigned = TestWorld.tree(request);
    unsigned.remove("signature");
    assertEquals(ReferralErrors.BAD_SIGNATURE, tha.receive(MessageCodec.toBytes(unsigned)).code());
    assertTrue(tha.status(attempt).isEmpty());
    assertEquals(
        ReferralErrors.PROCESSED, world.deliver(request).code(), "the original still works");
  }

  @Test
  void twoOfflineEditsFromSameBaseVersion_secondIsConflictAndNothingOverwritten() {
    referToThailand();
    world.pump();
    Party tablet = new Party(THA_REHAB.organisation(), "field-tablet", THA_REHAB.country());
    Message acceptFromHq =
        forged(
            THA_REHAB, KHM_CMAA, MessageType.ACCEPT, 1, 1, JsonNodeFactory.instance.objectNode());
    Message declineFromTablet =
        forged(
            tablet,
            KHM_CMAA,
            MessageType.DECLINE,
            1,
            1,
            JsonNodeFactory.instance.objectNode().put("reason", "no_capacity"));
    assertEquals(ReferralErrors.PROCESSED, khm.receive(MessageCodec.toBytes(acceptFromHq)).code());
    Receipt second = khm.receive(MessageCodec.toBytes(declineFromTablet));
    assertEquals(ReferralErrors.STALE_BASE_VERSION, second.code());
    assertTrue(second.detail().contains("nothing was overwritten"), second.detail());
    assertEquals(AttemptStatus.ACCEPTED, khm.status(attempt).orElseThrow());
    assertEquals(1, count(khm.audit(referral.id()), AuditAction.CONFLICT));
  }

  // ---------------------------------------------------------------- entered in error

  @Test
  void duplicateSurvivorReferredByTwoOrganisations_enteredInErrorAndAuditChainsValid() {
    ReferralNode hi = world.add(KHM_HI);
    referToThailand();
    Referral duplicate = TestWorld.referral(KHM_HI, "9", "9");
    AttemptId dupAttempt = TestWorld.attempt(KHM_HI, "9");
    Consent hiConsent =
        TestWorld.consent(
            KHM_HI,
            "9",
            Set.of(THA_REHAB.organisation()),
            EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL),
            Set.of(CountryCode.THA));
    assertTrue(
        hi.refer(
                TestWorld.draft(
                    duplicate,
                    dupAttempt,
                    THA_PROSTHESIS,
                    EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)),
                hiConsent)
            .done());
    world.pump();
    tha.accept(attempt);
    tha.markReceived(dupAttempt);
    world.pump();
    assertTrue(hi.markEnteredInError(dupAttempt).done());
    assertEquals(ReferralErrors.WRONG_PARTY, tha.markEnteredInError(attempt).code());
    world.pump();
    assertEquals(AttemptStatus.ENTERED_IN_ERROR, hi.status(dupAttempt).orElseThrow());
    assertEquals(AttemptStatus.ENTERED_IN_ERROR, tha.status(dupAttempt).orElseThrow());
    assertTrue(tha.attempt(dupAttempt).orElseThrow().personalData().isEmpty(), "purged");
    assertTrue(hi.attempt(dupAttempt).orElseThrow().personalData().isEmpty(), "purged");
    assertBoth(AttemptStatus.ACCEPTED);
    assertTrue(count(tha.audit(duplicate.id()), AuditAction.PURGED) >= 1);
    assertAuditsValid();
  }
}
