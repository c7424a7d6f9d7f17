package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.referral.node.TestWorld.KHM_CMAA;
import static org.vansdk.referral.node.TestWorld.THA_PROSTHESIS;
import static org.vansdk.referral.node.TestWorld.THA_REHAB;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.MessageType;

/** The synchronous answer a transport gives: the ack in hand rather than in the outbox. */
class ReceiveAndReplyTest {

  private final TestWorld world = new TestWorld(7);
  private final ReferralNode khm = world.add(KHM_CMAA);
  private final ReferralNode tha = world.add(THA_REHAB);
  private final AttemptId attempt = TestWorld.attempt(KHM_CMAA, "1");

  private Transmission request() {
    Decision d =
        khm.refer(
            TestWorld.draft(
                TestWorld.referral(KHM_CMAA, "1", "1"),
                attempt,
                THA_PROSTHESIS,
                EnumSet.of(DataCategory.IDENTITY)),
            TestWorld.crossBorderConsent("1"));
    assertTrue(d.done(), d.message());
    return world.take(khm).get(0);
  }

  @Test
  void receiveAndReply_processedMessage_signedAckInHandNotInOutbox() {
    Transmission request = request();
    Reply reply = tha.receiveAndReply(request.bytes());

    assertEquals(ReferralErrors.PROCESSED, reply.receipt().code());
    Transmission ack = reply.acknowledgement().orElseThrow();
    assertEquals(MessageType.ACK, ack.message().type());
    assertEquals(
        request.message().envelope().messageId(),
        ack.message().envelope().causationId().orElseThrow());
    assertEquals(KHM_CMAA, ack.to());
    assertTrue(tha.store().outbox().isEmpty(), "the ack went to the caller, not the outbox");

    Receipt atSender = khm.receive(ack.bytes());
    assertEquals(AckStatus.OK, atSender.status(), atSender.detail());
    assertTrue(khm.store().outbox().isEmpty(), "the request is acknowledged: no resend");
    assertEquals(AttemptStatus.SENT, tha.status(attempt).orElseThrow());
  }

  @Test
  void receiveAndReply_resentAfterALostAnswer_sameAckReplayed() {
    Transmission request = request();
    Transmission lost = tha.receiveAndReply(request.bytes()).acknowledgement().orElseThrow();
    Reply again = tha.receiveAndReply(request.bytes());

    assertEquals(ReferralErrors.REPLAYED, again.receipt().code());
    Transmission ack = again.acknowledgement().orElseThrow();
    assertEquals(lost.message().envelope().messageId(), ack.message().envelope().messageId());
    assertTrue(tha.store().outbox().isEmpty());
  }

  @Test
  void receiveAllAndReply_garbageBesideAMessage_eachAnsweredInOrder() {
    Transmission request = request();
    List<Reply> replies =
        tha.receiveAllAndReply(
            List.of("not json".getBytes(StandardCharsets.UTF_8), request.bytes()));

    assertEquals(AckStatus.FATAL_ERROR, replies.get(0).receipt().status());
    assertTrue(replies.get(0).acknowledgement().isEmpty(), "nobody to answer");
    assertEquals(ReferralErrors.PROCESSED, replies.get(1).receipt().code());
    assertTrue(replies.get(1).acknowledgement().isPresent());
  }
}
