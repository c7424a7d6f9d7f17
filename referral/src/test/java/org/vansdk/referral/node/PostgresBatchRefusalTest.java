package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vansdk.core.id.AttemptId;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.ReferralStoreException;
import org.vansdk.referral.store.TestPostgres;

/**
 * A batch received on PostgreSQL, whose changes the store writes together, with one change the
 * database refuses only when it is written (here a check constraint the test adds; in the field a
 * value too long for its column): the batch fails whole and nothing of it is applied; sent again
 * (what a sender does with a batch it got no answer for), the refused message gets a fatal
 * acknowledgement alone and the others are received once.
 */
class PostgresBatchRefusalTest {

  private static final int BATCH = 5;
  private static final String SCHEMA = "van_batch_refusal";

  @Test
  void batch_oneChangeRefusedWhenWritten_failsWhole_thenRefusedAlone() throws SQLException {
    TestWorld world = new TestWorld(23);
    ReferralNode khm = world.add(TestWorld.KHM_CMAA, new InMemoryReferralStore());
    String url = TestPostgres.freshSchema(SCHEMA);
    JdbcReferralStore store = JdbcReferralStore.open(url);
    ReferralNode tha = world.add(TestWorld.THA_REHAB, store);
    try {
      for (int i = 1; i <= BATCH; i++) {
        assertTrue(TestWorld.referToTha(khm, String.valueOf(i)).done());
      }
      List<byte[]> wires = world.take(khm).stream().map(Transmission::bytes).toList();
      assertEquals(BATCH, wires.size());
      String poison = TestWorld.attempt(TestWorld.KHM_CMAA, "3").value();
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute(
            "ALTER TABLE van_attempt ADD CONSTRAINT refuse_one CHECK (attempt_id <> '"
                + poison
                + "')");
      }

      assertThrows(ReferralStoreException.class, () -> tha.receiveAllAndReply(wires));
      for (int i = 1; i <= BATCH; i++) {
        AttemptId a = TestWorld.attempt(TestWorld.KHM_CMAA, String.valueOf(i));
        assertTrue(tha.attempt(a).isEmpty(), "nothing of the failed batch is kept: " + i);
      }

      List<Reply> replies = tha.receiveAllAndReply(wires);
      for (int i = 1; i <= BATCH; i++) {
        AttemptId a = TestWorld.attempt(TestWorld.KHM_CMAA, String.valueOf(i));
        Reply r = replies.get(i - 1);
        if (i == 3) {
          assertEquals(AckStatus.FATAL_ERROR, r.receipt().status(), r.receipt().toString());
          assertTrue(tha.attempt(a).isEmpty(), "the refused one is not applied");
          assertFalse(r.receipt().detail().contains(poison), "the refusal names no stored value");
        } else {
          assertEquals(AckStatus.OK, r.receipt().status(), i + ": " + r.receipt());
          assertTrue(tha.attempt(a).isPresent(), "received: " + i);
        }
      }
      assertEquals(BATCH - 1, tha.store().attempts().size(), "each of the others received once");
    } finally {
      store.close();
    }
  }
}
