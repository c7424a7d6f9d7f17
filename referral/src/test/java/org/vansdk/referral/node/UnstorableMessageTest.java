package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.TestPostgres;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message the node admits must be storable, and one that is not must not block the others: the
 * store's columns hold any message under the size limit (H2 and PostgreSQL), and a change the store
 * refuses turns into a fatal acknowledgement for that message alone.
 */
class UnstorableMessageTest {

  /** A draft whose referral request is just under the message limit (and over 1,000,000 bytes). */
  private static ReferralDraft largeDraft(String local) {
    Referral referral = TestWorld.referral(TestWorld.KHM_CMAA, local, "1");
    ReferralDraft plain =
        TestWorld.draft(
            referral,
            TestWorld.attempt(TestWorld.KHM_CMAA, local),
            TestWorld.THA_PROSTHESIS,
            EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL));
    Map<DataCategory, ObjectNode> data = new java.util.LinkedHashMap<>(plain.personalData());
    data.put(
        DataCategory.MEDICAL,
        JsonNodeFactory.instance.objectNode().put("history", "m".repeat(1_008_000)));
    return ReferralDraft.builder().from(plain).personalData(data).build();
  }

  @Test
  void h2_requestOverAMillionBytes_storedOnBothSidesAndAcknowledged(@TempDir Path dir) {
    bigRequestEndToEnd(p -> JdbcReferralStore.h2File(dir.resolve(p.organisation().value())));
  }

  @Test
  void postgresql_requestOverAMillionBytes_storedOnBothSidesAndAcknowledged() {
    Map<Party, String> urls = new HashMap<>();
    for (Party p : new Party[] {TestWorld.KHM_CMAA, TestWorld.THA_REHAB}) {
      urls.put(p, TestPostgres.freshSchema(schema(p)));
    }
    bigRequestEndToEnd(p -> JdbcReferralStore.open(urls.get(p)));
  }

  private static String schema(Party p) {
    return "van_big_" + p.organisation().organisationCode().toLowerCase(java.util.Locale.ROOT);
  }

  private static void bigRequestEndToEnd(Function<Party, ReferralStore> open) {
    TestWorld world = new TestWorld(5);
    ReferralNode khm = world.add(TestWorld.KHM_CMAA, open.apply(TestWorld.KHM_CMAA));
    ReferralNode tha = world.add(TestWorld.THA_REHAB, open.apply(TestWorld.THA_REHAB));
    ReferralDraft draft = largeDraft("1");
    Decision sent = khm.refer(draft, TestWorld.crossBorderConsent("1"));
    assertTrue(sent.done(), sent.toString());
    List<Transmission> out = khm.outgoing();
    assertEquals(1, out.size());
    int size = out.get(0).bytes().length;
    assertTrue(
        size > 1_000_000 && size <= MessageCodec.MAX_MESSAGE_BYTES,
        "the request is over a million bytes and under the limit: " + size);
    Receipt r = world.deliver(out.get(0));
    assertEquals(ReferralErrors.PROCESSED, r.code(), r.toString());
    world.pump();
    assertTrue(khm.store().outbox().isEmpty(), "the request was acknowledged");
    // Read back after a restart: the stored record is larger than the message limit allows a
    // message to be, and must still be readable.
    tha.store().close();
    tha = world.add(TestWorld.THA_REHAB, open.apply(TestWorld.THA_REHAB));
    assertEquals(
        AttemptStatus.SENT, tha.status(draft.attemptId()).orElseThrow(), "stored at the receiver");
    assertTrue(tha.attempt(draft.attemptId()).orElseThrow().personalData().isPresent());
    khm.store().close();
    tha.store().close();
  }

  @Test
  void draft_overTheMessageLimit_refusedBeforeAnythingIsStored() {
    TestWorld world = new TestWorld(6);
    ReferralNode khm = world.add(TestWorld.KHM_CMAA);
    ReferralDraft plain = largeDraft("1");
    Map<DataCategory, ObjectNode> data = new java.util.LinkedHashMap<>(plain.personalData());
    data.put(
        DataCategory.MEDICAL,
        JsonNodeFactory.instance.objectNode().put("history", "m".repeat(1_100_000)));
    Decision d = khm.createDraft(ReferralDraft.builder().from(plain).personalData(data).build());
    assertEquals(ReferralErrors.COMMAND_INVALID, d.code(), d.toString());
    assertTrue(khm.attempt(plain.attemptId()).isEmpty());
  }

  @Test
  void receiveAll_storeRefusesOneMessage_fatalForItAloneOthersApplied() {
    TestWorld world = new TestWorld(7);
    ReferralNode khm = world.add(TestWorld.KHM_CMAA);
    AttemptId refused = TestWorld.attempt(TestWorld.KHM_CMAA, "2");
    ReferralNode tha =
        world.add(
            TestWorld.THA_REHAB,
            new CountingStore(
                c -> c.attempts().stream().anyMatch(a -> a.attemptId().equals(refused))));
    for (String local : List.of("1", "2", "3")) {
      Referral referral = TestWorld.referral(TestWorld.KHM_CMAA, local, "1");
      assertTrue(
          khm.refer(
                  TestWorld.draft(
                      referral,
                      TestWorld.attempt(TestWorld.KHM_CMAA, local),
                      TestWorld.THA_PROSTHESIS,
                      EnumSet.of(DataCategory.IDENTITY)),
                  TestWorld.crossBorderConsent("1"))
              .done());
    }
    List<byte[]> wires = new ArrayList<>();
    khm.outgoing().forEach(t -> wires.add(t.bytes()));
    assertEquals(3, wires.size());
    List<Receipt> receipts = tha.receiveAll(wires);
    assertEquals(ReferralErrors.PROCESSED, receipts.get(0).code());
    assertEquals(ReferralErrors.NOT_STORABLE, receipts.get(1).code());
    assertEquals(AckStatus.FATAL_ERROR, receipts.get(1).status());
    assertEquals(ReferralErrors.PROCESSED, receipts.get(2).code());
    assertTrue(tha.attempt(TestWorld.attempt(TestWorld.KHM_CMAA, "1")).isPresent());
    assertTrue(tha.attempt(refused).isEmpty());
    assertTrue(tha.attempt(TestWorld.attempt(TestWorld.KHM_CMAA, "3")).isPresent());
    // The sender is told for good: its resend loop ends, and a resend is answered the same way.
    Receipt again = tha.receive(wires.get(1));
    assertEquals(ReferralErrors.REPLAYED, again.code());
    assertEquals(AckStatus.FATAL_ERROR, again.status());
    world.pump();
    assertTrue(khm.store().outbox().isEmpty(), "every request answered, none resent");
  }
}
