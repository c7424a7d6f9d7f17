package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.TestPostgres;

/**
 * The protocol between two nodes on JDBC stores, with both nodes crashing and restarting from their
 * databases mid-exchange: on H2 files and on PostgreSQL ({@link TestPostgres}: {@code VAN_PG_URL}
 * or the embedded server).
 */
class JdbcNodeTest {

  @Test
  void h2Files_restartsMidExchange_noMessageLostOrDuplicated(@TempDir Path dir) {
    exchange(p -> JdbcReferralStore.h2File(dir.resolve(p.organisation().value())));
  }

  @Test
  void postgresql_restartsMidExchange_noMessageLostOrDuplicated() {
    Map<Party, String> urls = new HashMap<>();
    for (Party p : new Party[] {TestWorld.KHM_CMAA, TestWorld.THA_REHAB}) {
      urls.put(p, TestPostgres.freshSchema(schema(p)));
    }
    exchange(p -> JdbcReferralStore.open(urls.get(p)));
  }

  private static String schema(Party p) {
    return "van_test_" + p.organisation().organisationCode().toLowerCase(java.util.Locale.ROOT);
  }

  private void exchange(Function<Party, ReferralStore> open) {
    TestWorld world = new TestWorld(3);
    ReferralNode khm = world.add(TestWorld.KHM_CMAA, open.apply(TestWorld.KHM_CMAA));
    ReferralNode tha = world.add(TestWorld.THA_REHAB, open.apply(TestWorld.THA_REHAB));
    Referral referral = TestWorld.referral(TestWorld.KHM_CMAA, "1", "1");
    AttemptId attempt = TestWorld.attempt(TestWorld.KHM_CMAA, "1");
    assertTrue(
        khm.refer(
                TestWorld.draft(
                    referral,
                    attempt,
                    TestWorld.THA_PROSTHESIS,
                    EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)),
                TestWorld.crossBorderConsent("1"))
            .done());
    world.take(khm).forEach(world::deliver);
    // The receiver crashes before its ack leaves: the ack is in its durable outbox.
    tha.store().close();
    tha = world.add(TestWorld.THA_REHAB, open.apply(TestWorld.THA_REHAB));
    assertEquals(1, tha.store().outbox().size());
    world.pump();
    assertTrue(khm.store().outbox().isEmpty(), "request acknowledged");
    tha.accept(attempt);
    tha.complete(
        attempt, LocalizedText.of("km", "\u1794\u17b6\u1793\u1794\u1789\u17d2\u1785\u1794\u17cb"));
    // The referrer crashes after receiving the complete but before the accept: the complete is
    // held in memory only and lost; the receiver resends both until acknowledged.
    world.deliver(world.take(tha).get(1));
    khm.store().close();
    khm = world.add(TestWorld.KHM_CMAA, open.apply(TestWorld.KHM_CMAA));
    assertEquals(0, khm.heldCount());
    world.clock.advance(java.time.Duration.ofMinutes(1));
    world.pump();
    assertEquals(AttemptStatus.COMPLETED, khm.status(attempt).orElseThrow());
    assertEquals(AttemptStatus.COMPLETED, tha.status(attempt).orElseThrow());
    assertTrue(khm.store().outbox().isEmpty());
    assertTrue(tha.store().outbox().isEmpty());
    assertTrue(khm.verifyAudit(referral.id()).valid());
    assertTrue(tha.verifyAudit(referral.id()).valid());
    assertEquals(
        4, khm.attempt(attempt).orElseThrow().history().size(), "draft, sent, accepted, completed");
    khm.store().close();
    tha.store().close();
  }
}
