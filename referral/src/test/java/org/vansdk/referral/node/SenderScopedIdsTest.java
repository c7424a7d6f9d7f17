package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.InMemoryReferralStore;

/**
 * Message ids are unique per sender only: two organisations that happen to use the same id (here:
 * two nodes drawing ids from the same seed) send two messages, both processed; and a duplicate is
 * recognised per sender.
 */
class SenderScopedIdsTest {

  private static ReferralNode node(TestWorld world, Party p) {
    ReferralNode n =
        ReferralNode.builder()
            .party(p)
            .signingKey(world.key(p))
            .keyRegistry(world.registry)
            .store(new InMemoryReferralStore())
            .clock(world.clock)
            .directory(world.directory)
            .random(new Random(42)) // the same ids at both referrers
            .build();
    world.nodes.put(p.organisation(), n);
    return n;
  }

  private static Transmission refer(ReferralNode from, Party p) {
    Referral referral = TestWorld.referral(p, "1", "1");
    AttemptId attempt = TestWorld.attempt(p, "1");
    Decision d =
        from.refer(
            TestWorld.draft(
                referral, attempt, TestWorld.THA_PROSTHESIS, EnumSet.of(DataCategory.IDENTITY)),
            TestWorld.consent(
                p,
                "1",
                java.util.Set.of(TestWorld.THA_REHAB.organisation()),
                EnumSet.of(DataCategory.IDENTITY),
                java.util.Set.of(CountryCode.THA)));
    assertTrue(d.done(), d.toString());
    List<Transmission> out = from.outgoing();
    assertEquals(1, out.size());
    return out.get(0);
  }

  @Test
  void sameIdFromTwoSenders_bothProcessed() {
    TestWorld world = new TestWorld(11);
    ReferralNode cmaa = node(world, TestWorld.KHM_CMAA);
    ReferralNode hi = node(world, TestWorld.KHM_HI);
    ReferralNode tha = world.add(TestWorld.THA_REHAB);
    Transmission first = refer(cmaa, TestWorld.KHM_CMAA);
    Transmission second = refer(hi, TestWorld.KHM_HI);
    String id1 = TestWorld.tree(first).path("messageId").asString();
    String id2 = TestWorld.tree(second).path("messageId").asString();
    assertEquals(id1, id2, "the two referrers drew the same message id");

    Receipt r1 = world.deliver(first);
    Receipt r2 = world.deliver(second);
    assertEquals(ReferralErrors.PROCESSED, r1.code(), r1.toString());
    assertEquals(ReferralErrors.PROCESSED, r2.code(), r2.toString());
    assertEquals(
        AttemptStatus.SENT, tha.status(TestWorld.attempt(TestWorld.KHM_CMAA, "1")).orElseThrow());
    assertEquals(
        AttemptStatus.SENT, tha.status(TestWorld.attempt(TestWorld.KHM_HI, "1")).orElseThrow());
    // Each sender's resend is a duplicate of its own message only.
    assertEquals(ReferralErrors.REPLAYED, world.deliver(second).code());
    assertEquals(ReferralErrors.REPLAYED, world.deliver(first).code());
    world.pump();
    assertTrue(cmaa.store().outbox().isEmpty(), "acknowledged to the first sender");
    assertTrue(hi.store().outbox().isEmpty(), "acknowledged to the second sender");
  }
}
