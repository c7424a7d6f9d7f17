package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.referral.node.TestWorld.KHM_CMAA;
import static org.vansdk.referral.node.TestWorld.THA_PROSTHESIS;
import static org.vansdk.referral.node.TestWorld.THA_REHAB;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.ReferralStore;

/** {@link ReferralNode#receiveAll}: the same answers as one by one, committed together. */
class BatchReceiveTest {

  private static final int REFERRALS = 6;

  @TempDir Path dir;

  /** Six signed referral requests from KHM to THA, in sending order. */
  private static List<byte[]> requests(TestWorld world) {
    ReferralNode khm = world.add(KHM_CMAA);
    for (int i = 1; i <= REFERRALS; i++) {
      Decision d =
          khm.refer(
              TestWorld.draft(
                  TestWorld.referral(KHM_CMAA, "" + i, "" + i),
                  TestWorld.attempt(KHM_CMAA, "" + i),
                  THA_PROSTHESIS,
                  EnumSet.of(DataCategory.IDENTITY)),
              TestWorld.crossBorderConsent("" + i));
      assertTrue(d.done(), d.message());
    }
    return world.take(khm).stream().map(Transmission::bytes).collect(Collectors.toList());
  }

  private static List<byte[]> mixedBatch(List<byte[]> requests) {
    List<byte[]> batch = new ArrayList<>(requests);
    batch.add(2, requests.get(0)); // a duplicate inside the batch
    batch.add("{\"type\":".getBytes(StandardCharsets.UTF_8)); // malformed
    String text = new String(requests.get(1), StandardCharsets.UTF_8);
    assertTrue(text.contains("Sokha"));
    batch.add(text.replace("Sokha", "Sokhb").getBytes(StandardCharsets.UTF_8)); // bad hash
    return batch;
  }

  private void sameAnswersAsOneByOne(Supplier<ReferralStore> one, Supplier<ReferralStore> all) {
    TestWorld world = new TestWorld(7);
    List<byte[]> batch = mixedBatch(requests(world));
    ReferralNode single = world.add(THA_REHAB, one.get());
    List<Receipt> expected = new ArrayList<>();
    for (byte[] wire : batch) {
      expected.add(single.receive(wire));
    }
    ReferralNode grouped = world.add(THA_REHAB, all.get());
    List<Receipt> actual = grouped.receiveAll(batch);
    assertEquals(
        expected.stream().map(r -> r.status() + " " + r.code()).collect(Collectors.toList()),
        actual.stream().map(r -> r.status() + " " + r.code()).collect(Collectors.toList()));
    assertEquals(AckStatus.OK, actual.get(2).status(), "duplicate replayed");
    assertEquals(AckStatus.FATAL_ERROR, actual.get(actual.size() - 1).status(), "tampered");
    for (int i = 1; i <= REFERRALS; i++) {
      AttemptId a = TestWorld.attempt(KHM_CMAA, "" + i);
      assertEquals(single.status(a), grouped.status(a));
      assertTrue(grouped.verifyAudit(grouped.attempt(a).orElseThrow().referralId()).valid());
    }
    assertEquals(single.store().outbox().size(), grouped.store().outbox().size());
    single.store().close();
    grouped.store().close();
  }

  @Test
  void receiveAll_inMemory_sameAnswersAndStateAsOneByOne() {
    sameAnswersAsOneByOne(InMemoryReferralStore::new, InMemoryReferralStore::new);
  }

  @Test
  void receiveAll_h2File_sameAnswersAndStateAsOneByOne() {
    sameAnswersAsOneByOne(
        () -> JdbcReferralStore.h2File(dir.resolve("one")),
        () -> JdbcReferralStore.h2File(dir.resolve("all")));
  }

  @Test
  void receiveAll_outOfOrderInsideBatch_heldThenAppliedInSequence() {
    TestWorld world = new TestWorld(11);
    ReferralNode khm = world.add(KHM_CMAA);
    ReferralNode tha = world.add(THA_REHAB);
    AttemptId attempt = TestWorld.attempt(KHM_CMAA, "1");
    assertTrue(
        khm.refer(
                TestWorld.draft(
                    TestWorld.referral(KHM_CMAA, "1", "1"),
                    attempt,
                    THA_PROSTHESIS,
                    EnumSet.of(DataCategory.IDENTITY)),
                TestWorld.crossBorderConsent("1"))
            .done());
    world.pump();
    tha.accept(attempt);
    tha.start(attempt);
    tha.complete(attempt, LocalizedText.of("en", "fitted"));
    List<byte[]> replies =
        world.take(tha).stream().map(Transmission::bytes).collect(Collectors.toList());
    assertEquals(3, replies.size());
    List<Receipt> receipts =
        khm.receiveAll(List.of(replies.get(2), replies.get(1), replies.get(0)));
    assertEquals(AckStatus.TRANSIENT_ERROR, receipts.get(0).status());
    assertEquals(AckStatus.TRANSIENT_ERROR, receipts.get(1).status());
    assertEquals(AckStatus.OK, receipts.get(2).status());
    assertEquals(AttemptStatus.COMPLETED, khm.status(attempt).orElseThrow());
    assertEquals(0, khm.heldCount());
    world.pump();
    assertEquals(AttemptStatus.COMPLETED, tha.status(attempt).orElseThrow());
    assertTrue(khm.verifyAudit(khm.attempt(attempt).orElseThrow().referralId()).valid());
  }

  @Test
  void receiveAll_messageThatCannotBeCanonicalised_refusedAloneAndTheRestProcessed() {
    TestWorld world = new TestWorld(17);
    List<byte[]> requests = requests(world);
    ReferralNode tha = world.add(THA_REHAB);
    List<byte[]> batch = new ArrayList<>(requests);
    for (String bad : new String[] {"\\ud800", "1e400"}) {
      String text = new String(requests.get(0), StandardCharsets.UTF_8);
      String value = bad.startsWith("\\") ? "\"" + bad + "\"" : bad;
      batch.add(
          0, ("{\"extra\":" + value + "," + text.substring(1)).getBytes(StandardCharsets.UTF_8));
    }
    List<Receipt> receipts = tha.receiveAll(batch);
    assertEquals(AckStatus.FATAL_ERROR, receipts.get(0).status(), receipts.get(0).detail());
    assertEquals(AckStatus.FATAL_ERROR, receipts.get(1).status(), receipts.get(1).detail());
    for (int i = 2; i < receipts.size(); i++) {
      assertEquals(AckStatus.OK, receipts.get(i).status(), receipts.get(i).detail());
    }
    assertEquals(
        ReferralErrors.MALFORMED,
        tha.receive(batch.get(0)).code(),
        "receive never throws for bad input either");
  }

  @Test
  void receiveAll_storeFailsMidBatch_nothingOfTheBatchApplied() {
    TestWorld world = new TestWorld(13);
    List<byte[]> batch = requests(world);
    JdbcReferralStore jdbc = JdbcReferralStore.h2File(dir.resolve("failing"));
    ReferralStore failing = new FailingOnCommit(jdbc, 4);
    ReferralNode tha = world.add(THA_REHAB, failing);
    assertThrows(IllegalStateException.class, () -> tha.receiveAll(batch));
    for (int i = 1; i <= REFERRALS; i++) {
      assertTrue(jdbc.attempt(TestWorld.attempt(KHM_CMAA, "" + i)).isEmpty(), "attempt " + i);
    }
    assertTrue(jdbc.outbox().isEmpty());
    // The senders resend (nothing was acknowledged); this time the store works.
    ReferralNode again = world.add(THA_REHAB, jdbc);
    assertTrue(
        again.receiveAll(batch).stream().allMatch(r -> r.status() == AckStatus.OK),
        "resent batch processed");
    assertEquals(REFERRALS, jdbc.outbox().size());
    jdbc.close();
  }

  /** A store whose n-th commit fails as a broken disk would. */
  private static final class FailingOnCommit implements ReferralStore {
    private final ReferralStore delegate;
    private int commitsLeft;

    FailingOnCommit(ReferralStore delegate, int failAt) {
      this.delegate = delegate;
      this.commitsLeft = failAt;
    }

    @Override
    public void commit(Change change) {
      if (--commitsLeft == 0) {
        throw new IllegalStateException("disk failed");
      }
      delegate.commit(change);
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
      return delegate.atomically(work);
    }

    @Override
    public java.util.Optional<org.vansdk.referral.store.AttemptRecord> attempt(AttemptId id) {
      return delegate.attempt(id);
    }

    @Override
    public List<org.vansdk.referral.store.AttemptRecord> attempts() {
      return delegate.attempts();
    }

    @Override
    public java.util.Optional<org.vansdk.referral.store.ProcessedMessage> processed(String id) {
      return delegate.processed(id);
    }

    @Override
    public long nextInboundSequence(AttemptId attemptId, String senderKey) {
      return delegate.nextInboundSequence(attemptId, senderKey);
    }

    @Override
    public List<org.vansdk.referral.audit.AuditEntry> audit(
        org.vansdk.core.id.ReferralId referralId) {
      return delegate.audit(referralId);
    }

    @Override
    public java.util.Optional<org.vansdk.referral.audit.AuditEntry> lastAudit(
        org.vansdk.core.id.ReferralId referralId) {
      return delegate.lastAudit(referralId);
    }

    @Override
    public String auditHead(org.vansdk.core.id.ReferralId referralId) {
      return delegate.auditHead(referralId);
    }

    @Override
    public List<org.vansdk.core.id.ReferralId> referrals() {
      return delegate.referrals();
    }

    @Override
    public List<org.vansdk.referral.store.OutboxEntry> outbox() {
      return delegate.outbox();
    }

    @Override
    public java.util.Optional<org.vansdk.referral.store.ConsentState> consent(
        org.vansdk.core.id.ConsentId consentId) {
      return delegate.consent(consentId);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
