package org.vansdk.hub.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.hub.store.HubDatabase;
import org.vansdk.hub.store.TestPostgres;
import org.vansdk.hub.web.HubException;

/** The mailboxes on H2 and on PostgreSQL: the same tests, the same outcomes. */
class MailboxStoreTest {
  private static final OrganisationId KHM = OrganisationId.parse("KHM-CMAA-HQ");
  private static final OrganisationId LAO = OrganisationId.parse("LAO-NRA-HQ");
  private static final OrganisationId THA = OrganisationId.parse("THA-TMAC-HQ");

  @TempDir Path dir;

  static Stream<String> databases() {
    return Stream.of("h2", "postgresql");
  }

  private HubDatabase open(String which) {
    String url =
        which.equals("h2")
            ? "jdbc:h2:file:" + dir.resolve("hub").toAbsolutePath()
            : TestPostgres.freshSchema();
    return HubDatabase.open(url, "", "", 8);
  }

  private static RelayedMessage message(OrganisationId from, OrganisationId to, String id) {
    byte[] bytes = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    return new RelayedMessage(from, to, id, RelayedMessage.sha256(bytes), bytes, Optional.empty());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void deposits_areReadInOrder_once_andAcknowledged(String which) {
    try (HubDatabase db = open(which)) {
      JdbcMailboxes boxes = new JdbcMailboxes(db.dataSource(), Clock.systemUTC());
      assertEquals(new Deposit(1, false), boxes.deposit(message(KHM, LAO, "m1")));
      assertEquals(new Deposit(2, false), boxes.deposit(message(THA, LAO, "m2")));
      assertEquals(new Deposit(1, false), boxes.deposit(message(LAO, KHM, "m3")));
      assertEquals(new Deposit(1, true), boxes.deposit(message(KHM, LAO, "m1")));
      List<MailboxEntry> lao = boxes.after(LAO, 0, 10);
      assertEquals(List.of(1L, 2L), lao.stream().map(MailboxEntry::cursor).toList());
      assertArrayEquals(message(KHM, LAO, "m1").bytes(), lao.get(0).bytes());
      assertEquals(
          List.of(2L), boxes.after(LAO, 1, 10).stream().map(MailboxEntry::cursor).toList());
      assertEquals(1, boxes.acknowledge(LAO, 1));
      assertEquals(0, boxes.acknowledge(LAO, 1));
      assertEquals(1, boxes.acknowledged(LAO));
      assertEquals(1, boxes.after(LAO, 0, 10).size());
      HubException beyond = assertThrows(HubException.class, () -> boxes.acknowledge(LAO, 3));
      assertEquals("VAN-H-0024", beyond.code().value());
      // a resend after acknowledgement is still recognised, and not delivered again
      assertTrue(boxes.deposit(message(KHM, LAO, "m1")).duplicate());
      assertEquals(1, boxes.after(LAO, 0, 10).size());
      assertEquals(1, boxes.audited(KHM, "m1", "received"));
      assertEquals(1, boxes.audited(KHM, "m1", "delivered"));
      assertEquals(2, boxes.waiting());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void concurrentDeposits_giveEachMailboxGaplessCursors(String which) throws Exception {
    try (HubDatabase db = open(which)) {
      JdbcMailboxes boxes = new JdbcMailboxes(db.dataSource(), Clock.systemUTC());
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<Deposit>> futures = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        OrganisationId from = i % 2 == 0 ? KHM : THA;
        OrganisationId to = i % 3 == 0 ? KHM : LAO;
        String id = "c" + (i % 100); // twenty resends among them
        futures.add(pool.submit(() -> boxes.deposit(message(from, to, id + from.value()))));
      }
      int duplicates = 0;
      for (Future<Deposit> f : futures) {
        duplicates += f.get().duplicate() ? 1 : 0;
      }
      pool.shutdown();
      Set<String> distinct = new TreeSet<>();
      for (int i = 0; i < 120; i++) {
        distinct.add("c" + (i % 100) + (i % 2 == 0 ? KHM : THA).value());
      }
      assertEquals(120 - distinct.size(), duplicates);
      for (OrganisationId box : List.of(KHM, LAO)) {
        List<MailboxEntry> entries = boxes.after(box, 0, 1000);
        for (int i = 0; i < entries.size(); i++) {
          assertEquals(i + 1, entries.get(i).cursor(), "cursors of " + box + " have a gap");
        }
        assertFalse(entries.isEmpty());
      }
      assertEquals(distinct.size(), boxes.waiting());
    }
  }
}
