package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.id.AttemptId;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ReferralStore;

/**
 * The outbox's retry state lives in the store: after a restart a message sent moments before is not
 * resent at once, it is resent when due, and its attempts are counted across the restart.
 */
class DurableRetryTest {

  @Test
  void h2_restartRightAfterSending_resentWhenDueNotAtOnce(@TempDir Path dir) {
    Path file = dir.resolve("khm");
    restart(() -> JdbcReferralStore.h2File(file), true);
  }

  @Test
  void inMemory_newNodeOnTheSameStore_resentWhenDueNotAtOnce() {
    InMemoryReferralStore store = new InMemoryReferralStore();
    restart(() -> store, false);
  }

  private static void restart(Supplier<ReferralStore> open, boolean closeOnRestart) {
    TestWorld world = new TestWorld(41);
    ReferralNode khm = world.add(TestWorld.KHM_CMAA, open.get());
    world.add(TestWorld.THA_REHAB);
    AttemptId attempt = TestWorld.attempt(TestWorld.KHM_CMAA, "1");
    assertTrue(TestWorld.referToTha(khm, "1").done());
    assertEquals(1, khm.outgoing().size(), "sent, and lost on the way");
    OutboxEntry entry = khm.store().outbox().get(0);
    assertEquals(1, entry.attempts());
    assertEquals(TestWorld.T0.plus(Duration.ofSeconds(30)), entry.nextDue());

    if (closeOnRestart) {
      khm.store().close();
    }
    khm = world.add(TestWorld.KHM_CMAA, open.get());
    assertEquals(0, khm.outgoing().size(), "not due yet after the restart");
    world.clock.advance(Duration.ofSeconds(31));
    java.util.List<Transmission> resent = khm.outgoing();
    assertEquals(1, resent.size(), "resent when due");
    OutboxEntry again = khm.store().outbox().get(0);
    assertEquals(2, again.attempts(), "attempts counted across the restart");
    assertEquals(
        Instant.parse("2026-11-29T08:00:31Z").plus(Duration.ofSeconds(30)), again.nextDue());
    resent.forEach(world::deliver);
    world.pump();
    assertTrue(khm.store().outbox().isEmpty(), "acknowledged");
    khm.store().close();
  }
}
