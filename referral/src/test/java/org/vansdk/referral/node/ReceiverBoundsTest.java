package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.BusinessStatus;
import org.vansdk.referral.message.MessageCodec;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a peer can make a node keep is bounded: out-of-order messages held in memory (per sender and
 * in total), and a message with a bad signature makes it write and sign nothing.
 */
class ReceiverBoundsTest {

  private final TestWorld world = new TestWorld(21);
  private final Referral referral = TestWorld.referral(TestWorld.KHM_CMAA, "1", "1");
  private final AttemptId attempt = TestWorld.attempt(TestWorld.KHM_CMAA, "1");

  private ReferralNode referrer(CountingStore store, int perSender, int total) {
    ReferralNode n =
        ReferralNode.builder()
            .party(TestWorld.KHM_CMAA)
            .signingKey(world.key(TestWorld.KHM_CMAA))
            .keyRegistry(world.registry)
            .store(store)
            .clock(world.clock)
            .directory(world.directory)
            .random(new Random(1))
            .maxHeld(perSender, total)
            .build();
    world.nodes.put(TestWorld.KHM_CMAA.organisation(), n);
    return n;
  }

  private void referAndDeliver(ReferralNode khm) {
    assertTrue(
        khm.refer(
                TestWorld.draft(
                    referral,
                    attempt,
                    TestWorld.THA_PROSTHESIS,
                    EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)),
                TestWorld.crossBorderConsent("1"))
            .done());
    world.pump();
  }

  @Test
  void outOfOrderBeyondThePerSenderBound_notHeldAndAnsweredRetryable() {
    ReferralNode khm = referrer(new CountingStore(), 2, 10);
    ReferralNode tha = world.add(TestWorld.THA_REHAB);
    referAndDeliver(khm);
    assertTrue(tha.markReceived(attempt).done());
    for (BusinessStatus s :
        List.of(
            BusinessStatus.APPOINTMENT_SET,
            BusinessStatus.ATTENDED,
            BusinessStatus.NO_SHOW,
            BusinessStatus.APPOINTMENT_SET)) {
      assertTrue(tha.update(attempt, s).done());
    }
    List<Transmission> sent = tha.outgoing();
    assertEquals(5, sent.size(), "received and four updates, in sequence");
    // The first two are lost on the way; the rest arrive.
    Receipt third = world.deliver(sent.get(2));
    Receipt fourth = world.deliver(sent.get(3));
    Receipt fifth = world.deliver(sent.get(4));
    assertEquals(ReferralErrors.HELD_OUT_OF_ORDER, third.code());
    assertEquals(ReferralErrors.HELD_OUT_OF_ORDER, fourth.code());
    assertEquals(ReferralErrors.HELD_LIMIT, fifth.code(), fifth.toString());
    assertEquals(AckStatus.TRANSIENT_ERROR, fifth.status());
    assertEquals(2, khm.heldCount(), "two held, the third refused");
    // The gap fills; the held ones follow; the refused one is resent (it was not acknowledged).
    world.clock.advance(java.time.Duration.ofMinutes(5));
    world.pump();
    assertEquals(0, khm.heldCount());
    assertEquals(AttemptStatus.RECEIVED, khm.status(attempt).orElseThrow());
    assertTrue(tha.store().outbox().isEmpty(), "every message acknowledged in the end");
  }

  @Test
  void outOfOrderBeyondTheTotalBound_notHeld() {
    ReferralNode khm = referrer(new CountingStore(), 1, 1);
    ReferralNode tha = world.add(TestWorld.THA_REHAB);
    referAndDeliver(khm);
    assertTrue(tha.markReceived(attempt).done());
    assertTrue(tha.update(attempt, BusinessStatus.APPOINTMENT_SET).done());
    assertTrue(tha.update(attempt, BusinessStatus.ATTENDED).done());
    List<Transmission> sent = tha.outgoing();
    assertEquals(ReferralErrors.HELD_OUT_OF_ORDER, world.deliver(sent.get(1)).code());
    assertEquals(ReferralErrors.HELD_LIMIT, world.deliver(sent.get(2)).code());
    assertEquals(1, khm.heldCount());
  }

  @Test
  void badSignatureOnKnownAttempt_noWriteAndNoAck() {
    CountingStore store = new CountingStore();
    ReferralNode khm = referrer(store, 64, 1024);
    ReferralNode tha = world.add(TestWorld.THA_REHAB);
    referAndDeliver(khm);
    assertTrue(tha.accept(attempt).done());
    ObjectNode forged = TestWorld.tree(tha.outgoing().get(0));
    ((ObjectNode) forged.get("signature")).put("value", "AAAA"); // not Thailand's signature
    int commits = store.commits();
    int outbox = store.outbox().size();
    Receipt r = khm.receive(MessageCodec.toBytes(forged));
    assertEquals(ReferralErrors.BAD_SIGNATURE, r.code());
    assertEquals(commits, store.commits(), "unverified input wrote nothing");
    assertEquals(outbox, store.outbox().size(), "no ack to the claimed sender");
    Reply reply = khm.receiveAndReply(MessageCodec.toBytes(forged));
    assertTrue(reply.acknowledgement().isEmpty(), "no signed ack in the answer either");
    assertEquals(commits, store.commits());
  }

  @Test
  void pruneReceived_afterTheRetention_oldResendIsAHarmlessDuplicate() {
    ReferralNode khm = referrer(new CountingStore(), 64, 1024);
    ReferralNode tha = world.add(TestWorld.THA_REHAB);
    assertTrue(
        khm.refer(
                TestWorld.draft(
                    referral, attempt, TestWorld.THA_PROSTHESIS, EnumSet.of(DataCategory.IDENTITY)),
                TestWorld.crossBorderConsent("1"))
            .done());
    Transmission request = khm.outgoing().get(0);
    assertEquals(ReferralErrors.PROCESSED, world.deliver(request).code());
    world.pump();
    assertEquals(0, tha.pruneReceived(), "nothing is older than the retention yet");
    world.clock.advance(java.time.Duration.ofDays(61)); // past the default retention of 60 days
    assertTrue(tha.pruneReceived() >= 1, "the processed request is forgotten");
    Receipt resend = world.deliver(request);
    assertEquals(ReferralErrors.DUPLICATE_SEQUENCE, resend.code(), resend.toString());
    assertEquals(AckStatus.OK, resend.status());
    assertEquals(AttemptStatus.SENT, tha.status(attempt).orElseThrow(), "nothing re-applied");
  }
}
