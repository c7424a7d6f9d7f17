package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.InMemoryReferralStore;

/**
 * A received message's {@code createdAt} is judged on the receiver's clock: ahead by more than the
 * allowed skew is refused as transient, older than the maximum age is refused for good; within the
 * allowance, skewed clocks work.
 */
class ClockSkewTest {

  private final TestWorld world = new TestWorld(31);
  private final Referral referral = TestWorld.referral(TestWorld.KHM_CMAA, "1", "1");
  private final AttemptId attempt = TestWorld.attempt(TestWorld.KHM_CMAA, "1");

  private ReferralNode node(Party p, Duration offset) {
    ReferralNode n =
        ReferralNode.builder()
            .party(p)
            .signingKey(world.key(p))
            .keyRegistry(world.registry)
            .store(new InMemoryReferralStore())
            .clock(Clock.offset(world.clock, offset))
            .directory(world.directory)
            .random(new Random(p.organisation().hashCode()))
            .build();
    world.nodes.put(p.organisation(), n);
    return n;
  }

  private Transmission refer(ReferralNode khm) {
    assertTrue(
        khm.refer(
                TestWorld.draft(
                    referral, attempt, TestWorld.THA_PROSTHESIS, EnumSet.of(DataCategory.IDENTITY)),
                TestWorld.crossBorderConsent("1"))
            .done());
    return khm.outgoing().get(0);
  }

  @Test
  void senderClockAheadWithinTheAllowance_processed() {
    ReferralNode khm = node(TestWorld.KHM_CMAA, Duration.ofMinutes(4));
    ReferralNode tha = node(TestWorld.THA_REHAB, Duration.ZERO);
    assertEquals(ReferralErrors.PROCESSED, world.deliver(refer(khm)).code());
    world.pump();
    assertTrue(tha.accept(attempt).done(), "the receiver's clock is behind: still fine");
    world.pump();
    assertEquals(AttemptStatus.ACCEPTED, khm.status(attempt).orElseThrow());
  }

  @Test
  void senderClockAheadBeyondTheAllowance_transientUntilTheClocksAgree() {
    ReferralNode khm = node(TestWorld.KHM_CMAA, Duration.ofMinutes(10));
    ReferralNode tha = node(TestWorld.THA_REHAB, Duration.ZERO);
    Transmission request = refer(khm);
    Receipt r = world.deliver(request);
    assertEquals(ReferralErrors.CLOCK_AHEAD, r.code(), r.toString());
    assertEquals(AckStatus.TRANSIENT_ERROR, r.status());
    assertTrue(tha.attempt(attempt).isEmpty(), "nothing applied");
    world.clock.advance(Duration.ofMinutes(6));
    assertEquals(ReferralErrors.PROCESSED, world.deliver(request).code());
  }

  @Test
  void messageOlderThanTheMaximumAge_refusedForGood() {
    ReferralNode khm = node(TestWorld.KHM_CMAA, Duration.ZERO);
    ReferralNode tha = node(TestWorld.THA_REHAB, Duration.ZERO);
    Transmission request = refer(khm);
    world.clock.advance(Duration.ofDays(31)); // the receiver was unreachable for a month
    Receipt r = world.deliver(request);
    assertEquals(ReferralErrors.TOO_OLD, r.code(), r.toString());
    assertEquals(AckStatus.FATAL_ERROR, r.status());
    assertTrue(tha.attempt(attempt).isEmpty(), "nothing applied");
    Receipt again = world.deliver(request);
    assertEquals(ReferralErrors.REPLAYED, again.code(), "the refusal is recorded");
    world.pump();
    assertTrue(khm.store().outbox().isEmpty(), "the sender stops resending");
  }

  @Test
  void retentionNotBeyondTheMaximumAge_refusedAtBuild() {
    ReferralNode.Builder b =
        ReferralNode.builder()
            .party(TestWorld.KHM_CMAA)
            .signingKey(world.key(TestWorld.KHM_CMAA))
            .keyRegistry(world.registry)
            .store(new InMemoryReferralStore())
            .maxMessageAge(Duration.ofDays(30))
            .retention(Duration.ofDays(30));
    IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
    assertTrue(e.getMessage().contains("retention"), e.getMessage());
  }
}
