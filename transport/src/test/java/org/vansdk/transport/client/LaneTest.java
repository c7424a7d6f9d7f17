package org.vansdk.transport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.Transmission;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What a lane hands out for the requests it has under way: the messages after those under way, in
 * order, never a message of an attempt that has one under way (the peer would get that attempt's
 * messages out of order), and a message taken off the lane wherever it stands.
 */
class LaneTest {

  private static final Party FROM =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.KHM);
  private static final Party TO =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.THA);

  private final Lane lane = new Lane(TO.organisation());

  /** Message {@code id} of attempt {@code attempt}, sequence {@code seq} of that attempt. */
  private static Transmission message(String id, int attempt, int seq) {
    Envelope e =
        Envelope.builder()
            .messageId(id)
            .transmissionId(id + "-t1")
            .type(seq == 1 ? MessageType.REFERRAL_REQUEST : MessageType.CANCEL_REQUEST)
            .correlationId(ReferralId.parse("KHM-CMAA-R" + attempt))
            .attemptId(AttemptId.parse("KHM-CMAA-A" + attempt))
            .sender(FROM)
            .receiver(TO)
            .createdAt(Instant.parse("2026-12-06T08:00:00Z"))
            .senderSeq(seq)
            .baseVersion(seq)
            .build();
    return new Transmission(TO, Message.of(e, JsonNodeFactory.instance.objectNode()));
  }

  private static List<String> ids(List<Transmission> ts) {
    return ts.stream().map(t -> t.message().envelope().messageId()).toList();
  }

  private void offer(Transmission... ts) {
    for (Transmission t : ts) {
      assertTrue(lane.offer(t));
    }
  }

  @Test
  void oneRequest_takesEveryMessageInOrder_evenTwoOfOneAttempt() {
    offer(message("m1", 1, 1), message("m2", 1, 2), message("m3", 2, 1));
    assertEquals(List.of("m1", "m2", "m3"), ids(lane.take(10, 1 << 20, false)));
    assertTrue(lane.take(10, 1 << 20, false).isEmpty(), "all under way");
  }

  @Test
  void nextRequest_stopsBeforeAMessageOfAnAttemptUnderWay_untilAnswered() {
    Transmission a1 = message("a1", 1, 1);
    Transmission b1 = message("b1", 2, 1);
    Transmission a2 = message("a2", 1, 2);
    Transmission c1 = message("c1", 3, 1);
    offer(a1, b1, a2, c1);
    assertEquals(List.of("a1"), ids(lane.take(1, 1 << 20, false)));
    assertEquals(List.of("b1"), ids(lane.take(1, 1 << 20, false)));
    assertTrue(
        lane.take(5, 1 << 20, false).isEmpty(), "a2 waits for a1's answer, and c1 behind it");

    lane.answered(List.of(a1));
    lane.done(a1);
    assertEquals(List.of("a2", "c1"), ids(lane.take(5, 1 << 20, false)));
  }

  @Test
  void requestNotDelivered_answered_itsMessagesGoAgainFirst() {
    Transmission a1 = message("a1", 1, 1);
    Transmission b1 = message("b1", 2, 1);
    Transmission c1 = message("c1", 3, 1);
    offer(a1, b1, c1);
    List<Transmission> first = lane.take(2, 1 << 20, false);
    List<Transmission> second = lane.take(2, 1 << 20, false);
    assertEquals(List.of("a1", "b1"), ids(first));
    assertEquals(List.of("c1"), ids(second));

    lane.answered(second); // delivered, although the first request failed
    lane.done(c1);
    lane.answered(first); // not delivered: stays at the head
    assertEquals(List.of("a1", "b1"), ids(lane.take(5, 1 << 20, false)));
    assertEquals(2, lane.size());
  }

  @Test
  void bytesLimit_stopsARequest_butNeverBeforeItsFirstMessage() {
    Transmission a1 = message("a1", 1, 1);
    Transmission b1 = message("b1", 2, 1);
    offer(a1, b1);
    assertEquals(List.of("a1"), ids(lane.take(5, 1, false)));
    assertEquals(List.of("b1"), ids(lane.take(5, 1, false)));
  }

  @Test
  void whileAnotherIsUnderWay_onlyAFullRequestIsTaken() {
    offer(message("a1", 1, 1), message("b1", 2, 1));
    assertEquals(List.of("a1", "b1"), ids(lane.take(2, 1 << 20, false)));
    offer(message("c1", 3, 1));
    assertTrue(lane.take(2, 1 << 20, true).isEmpty(), "one message does not fill a request");
    offer(message("d1", 4, 1));
    assertEquals(List.of("c1", "d1"), ids(lane.take(2, 1 << 20, true)));
  }
}
