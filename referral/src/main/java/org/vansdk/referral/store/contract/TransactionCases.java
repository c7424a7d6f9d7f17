package org.vansdk.referral.store.contract;

import static org.vansdk.referral.store.contract.ContractCases.expect;
import static org.vansdk.referral.store.contract.ContractCases.expectEquals;
import static org.vansdk.referral.store.contract.ContractCases.expectRefused;
import static org.vansdk.referral.store.contract.ContractCases.ids;
import static org.vansdk.referral.store.contract.ContractRecords.attempt;
import static org.vansdk.referral.store.contract.ContractRecords.attemptId;
import static org.vansdk.referral.store.contract.ContractRecords.entry;
import static org.vansdk.referral.store.contract.ContractRecords.outbox;
import static org.vansdk.referral.store.contract.ContractRecords.processed;
import static org.vansdk.referral.store.contract.ContractRecords.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.InboundSequence;
import org.vansdk.referral.store.ProcessedMessage;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.contract.ContractCases.Case;

/**
 * The cases of the store contract that concern several commits: {@link ReferralStore#atomically}
 * (rolled back or kept, as the store declares) and commits from several threads.
 */
final class TransactionCases {
  /** Threads committing at once in the concurrency case, and commits per thread. */
  private static final int THREADS = 4;

  private static final int COMMITS = 25;

  private TransactionCases() {}

  static List<Case> cases(boolean rollsBack) {
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case("atomically: reads see the work's commits", TransactionCases::atomicallyCommits));
    cases.add(
        new Case(
            rollsBack
                ? "atomically: a failing work is rolled back whole"
                : "atomically: a failing work keeps the commits made before the failure",
            s -> atomicallyFails(s, rollsBack)));
    cases.add(
        new Case(
            "atomically: a refused commit inside the work is reported",
            s -> atomicallyRefused(s, rollsBack)));
    cases.add(
        new Case(
            "atomically: a refused commit is undone alone and the work goes on",
            TransactionCases::atomicallyRefusedAlone));
    cases.add(
        new Case(
            "atomically: reads after prefetch see what is stored and the work's commits",
            TransactionCases::prefetched));
    cases.add(
        new Case("commits from several threads are all applied", TransactionCases::concurrent));
    return cases;
  }

  private static void atomicallyCommits(ReferralStore s) {
    String value =
        s.atomically(
            () -> {
              s.commit(Change.builder().addAttempts(attempt(1, AttemptStatus.SENT, 1)).build());
              expect(
                  s.attempt(attemptId(1)).isPresent(), "a read inside the work misses its commit");
              s.commit(Change.builder().addOutboxAdd(outbox("m-1", true)).build());
              expectEquals(List.of("m-1"), ids(s.outbox()), "outbox read inside the work");
              return "done";
            });
    expectEquals("done", value, "the work's value");
    expect(s.attempt(attemptId(1)).isPresent(), "the attempt after the work");
    expectEquals(List.of("m-1"), ids(s.outbox()), "the outbox after the work");
  }

  private static void atomicallyFails(ReferralStore s, boolean rollsBack) {
    s.commit(Change.builder().addOutboxAdd(outbox("m-0", true)).build());
    IllegalStateException failure = new IllegalStateException("work failed");
    try {
      s.atomically(
          () -> {
            s.commit(Change.builder().addAttempts(attempt(1, AttemptStatus.SENT, 1)).build());
            s.commit(Change.builder().addOutboxAdd(outbox("m-1", true)).build());
            throw failure;
          });
      throw new AssertionError("atomically returned although its work threw");
    } catch (IllegalStateException e) {
      expect(e == failure, "atomically replaced the work's exception with " + e);
    }
    expectEquals(
        !rollsBack, s.attempt(attemptId(1)).isPresent(), "the attempt committed by the work");
    expectEquals(
        rollsBack ? List.of("m-0") : List.of("m-0", "m-1"),
        ids(s.outbox()),
        "the outbox (m-0 committed before the work)");
    expectEquals(
        rollsBack ? List.of("m-0") : List.of("m-0", "m-1"),
        ids(s.outboxDue(ContractRecords.T0)),
        "the due outbox entries (m-0 committed before the work)");
  }

  private static void atomicallyRefused(ReferralStore s, boolean rollsBack) {
    AuditEntry first = entry(1, Optional.empty(), "draft");
    s.commit(Change.builder().addAudit(first).build());
    expectRefused(
        () ->
            s.atomically(
                () -> {
                  s.commit(Change.builder().addAttempts(attempt(2, AttemptStatus.SENT, 1)).build());
                  s.commit(Change.builder().addAudit(first).build());
                  return null;
                }),
        "re-appending audit entry 0 inside atomically");
    expectEquals(
        !rollsBack, s.attempt(attemptId(2)).isPresent(), "the commit before the refused one");
    expectEquals(List.of(first), s.audit(referral(1)), "the audit log");
  }

  /**
   * What a node does with a batch: it refuses the one message whose change the store refuses and
   * goes on; reads inside the work then see the commits before the refused one, and the work's
   * later commits are kept with them.
   */
  private static void atomicallyRefusedAlone(ReferralStore s) {
    AuditEntry first = entry(1, Optional.empty(), "draft");
    AuditEntry second = entry(1, Optional.of(first), "sent");
    String sender = "THA-SIRINDHORN-REHAB/main";
    s.atomically(
        () -> {
          s.commit(
              Change.builder()
                  .addAttempts(attempt(1, AttemptStatus.SENT, 1))
                  .addAudit(first)
                  .addOutboxAdd(outbox("m-1", true))
                  .build());
          s.commit(
              Change.builder()
                  .addAttempts(attempt(1, AttemptStatus.ACCEPTED, 2))
                  .addSequences(new InboundSequence(attemptId(1), sender, 2))
                  .addOutboxAdd(outbox("m-2", true))
                  .build());
          expectRefused(
              () ->
                  s.commit(
                      Change.builder()
                          .addAttempts(attempt(1, AttemptStatus.COMPLETED, 3))
                          .addAudit(first)
                          .addSequences(new InboundSequence(attemptId(1), sender, 3))
                          .addOutboxRemove("m-1")
                          .addOutboxAdd(outbox("m-3", true))
                          .build()),
              "re-appending audit entry 0 inside atomically");
          String inside = " inside the work after the refused commit";
          expectEquals(
              2L, s.attempt(attemptId(1)).map(a -> a.version()).orElse(-1L), "attempt" + inside);
          expectEquals(2L, s.nextInboundSequence(attemptId(1), sender), "sequence" + inside);
          expectEquals(List.of("m-1", "m-2"), ids(s.outbox()), "outbox" + inside);
          expectEquals(first, s.lastAudit(referral(1)).orElse(null), "last audit entry" + inside);
          s.commit(Change.builder().addAudit(second).addOutboxAdd(outbox("m-4", true)).build());
          return null;
        });
    expectEquals(
        2L, s.attempt(attemptId(1)).map(a -> a.version()).orElse(-1L), "attempt after the work");
    expectEquals(List.of("m-1", "m-2", "m-4"), ids(s.outbox()), "outbox after the work");
    expectEquals(
        List.of("m-1", "m-2", "m-4"),
        ids(s.outboxDue(ContractRecords.T0)),
        "due outbox entries after the work");
    expectEquals(List.of(first, second), s.audit(referral(1)), "audit log after the work");
  }

  /**
   * What a node does with a batch received: it announces the messages ({@link
   * ReferralStore#prefetch}), reads their records, commits, reads again. The reads must answer as
   * without the hint: what was stored before, then what the work committed, also after a refused
   * commit and for acknowledged outbox entries.
   */
  private static void prefetched(ReferralStore s) {
    AuditEntry first = entry(1, Optional.empty(), "draft");
    String khm = ContractRecords.REFERRER.senderKey();
    ProcessedMessage p1 = processed("m-1"); // from the referrer: its reply is addressed to it
    s.commit(
        Change.builder()
            .addAttempts(attempt(1, AttemptStatus.SENT, 1))
            .addAudit(first)
            .processed(p1)
            .addSequences(new InboundSequence(attemptId(1), khm, 2))
            .addOutboxAdd(outbox("m-out", true))
            .build());
    OrganisationId from = ContractRecords.REFERRER.organisation();
    s.atomically(
        () -> {
          s.prefetch(List.of(envelope("m-1", 1), envelope("m-2", 1), envelope("m-3", 2)));
          String before = " read after prefetch, before any commit";
          expectEquals(
              p1.payloadSha256(),
              s.processed(from, "m-1").map(ProcessedMessage::payloadSha256).orElse(null),
              "processed m-1" + before);
          expectEquals(Optional.empty(), s.processed(from, "m-2"), "processed m-2" + before);
          expectEquals(1L, s.attempt(attemptId(1)).map(a -> a.version()).orElse(-1L), "attempt 1");
          expectEquals(Optional.empty(), s.attempt(attemptId(2)), "attempt 2" + before);
          expectEquals(2L, s.nextInboundSequence(attemptId(1), khm), "sequence 1" + before);
          expectEquals(1L, s.nextInboundSequence(attemptId(2), khm), "sequence 2" + before);
          expectEquals(first, s.lastAudit(referral(1)).orElse(null), "last audit 1" + before);
          expectEquals(first.hash(), s.auditHead(referral(1)), "audit head 1" + before);
          expectEquals(Optional.empty(), s.lastAudit(referral(2)), "last audit 2" + before);
          AuditEntry second = entry(1, Optional.of(first), "accepted");
          AuditEntry other = entry(2, Optional.empty(), "draft");
          ProcessedMessage p2 = processed("m-2");
          s.commit(
              Change.builder()
                  .addAttempts(
                      attempt(1, AttemptStatus.ACCEPTED, 2), attempt(2, AttemptStatus.SENT, 1))
                  .addAudit(second, other)
                  .processed(p2)
                  .addSequences(
                      new InboundSequence(attemptId(1), khm, 3),
                      new InboundSequence(attemptId(2), khm, 2))
                  .build());
          s.commit(Change.builder().addOutboxRemove("m-out").build());
          expectRefused(
              () ->
                  s.commit(
                      Change.builder()
                          .addAttempts(attempt(2, AttemptStatus.COMPLETED, 9))
                          .addAudit(other)
                          .build()),
              "re-appending audit entry 0 of referral 2 after prefetch");
          String after = " read after the work's commits";
          expect(s.processed(from, "m-2").isPresent(), "processed m-2" + after);
          expectEquals(2L, s.attempt(attemptId(1)).map(a -> a.version()).orElse(-1L), "attempt 1");
          expectEquals(1L, s.attempt(attemptId(2)).map(a -> a.version()).orElse(-1L), "attempt 2");
          expectEquals(3L, s.nextInboundSequence(attemptId(1), khm), "sequence 1" + after);
          expectEquals(2L, s.nextInboundSequence(attemptId(2), khm), "sequence 2" + after);
          expectEquals(second, s.lastAudit(referral(1)).orElse(null), "last audit 1" + after);
          expectEquals(other.hash(), s.auditHead(referral(2)), "audit head 2" + after);
          expectEquals(List.of(), ids(s.outbox()), "outbox" + after);
          return null;
        });
    expectEquals(List.of(), ids(s.outbox()), "outbox after the work");
    expectEquals(3L, s.nextInboundSequence(attemptId(1), khm), "sequence 1 after the work");
    expect(s.processed(from, "m-2").isPresent(), "processed m-2 after the work");
    expectEquals(2, s.audit(referral(1)).size(), "audit log 1 after the work");
  }

  /** The envelope of message {@code id} from the referrer on attempt {@code n}. */
  private static Envelope envelope(String id, int n) {
    return Envelope.builder()
        .messageId(id)
        .transmissionId(id + "-t1")
        .type(MessageType.ACCEPT)
        .correlationId(referral(n))
        .attemptId(attemptId(n))
        .sender(ContractRecords.REFERRER)
        .receiver(ContractRecords.RECEIVER)
        .createdAt(ContractRecords.T0)
        .senderSeq(1)
        .baseVersion(1)
        .build();
  }

  private static void concurrent(ReferralStore s) {
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                  Optional<AuditEntry> last = Optional.empty();
                  for (int i = 0; i < COMMITS; i++) {
                    int n = thread * 1000 + i + 1;
                    AuditEntry e = entry(thread + 1, last, "step-" + i);
                    s.commit(
                        Change.builder()
                            .addAttempts(attempt(n, AttemptStatus.SENT, 1))
                            .addAudit(e)
                            .addOutboxAdd(outbox("m-" + n, true))
                            .addSequences(new InboundSequence(attemptId(n), "KHM-X/y", i + 2))
                            .build());
                    last = Optional.of(e);
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              },
              "store-contract-" + t);
      threads.add(worker);
      worker.start();
    }
    start.countDown();
    for (Thread worker : threads) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the committing threads", e);
      }
    }
    if (!failures.isEmpty()) {
      AssertionError error =
          new AssertionError(
              failures.size() + " concurrent commits failed; first: " + failures.peek(),
              failures.peek());
      throw error;
    }
    expectEquals(THREADS * COMMITS, s.attempts().size(), "attempts committed by all threads");
    expectEquals(THREADS * COMMITS, s.outbox().size(), "outbox entries committed by all threads");
    for (int t = 0; t < THREADS; t++) {
      expectEquals(COMMITS, s.audit(referral(t + 1)).size(), "audit entries of thread " + t);
      expect(s.verifyAudit(referral(t + 1)).valid(), "audit chain of thread " + t + " verifies");
      List<Integer> own = new ArrayList<>();
      for (String id : ids(s.outbox())) {
        int n = Integer.parseInt(id.substring(2));
        if (n > t * 1000 && n <= t * 1000 + COMMITS) {
          own.add(n);
        }
      }
      List<Integer> committed = new ArrayList<>();
      for (int i = 0; i < COMMITS; i++) {
        committed.add(t * 1000 + i + 1);
      }
      expectEquals(committed, own, "outbox order of thread " + t + "'s commits");
      for (int i = 0; i < COMMITS; i++) {
        int n = t * 1000 + i + 1;
        expectEquals(
            (long) i + 2,
            s.nextInboundSequence(attemptId(n), "KHM-X/y"),
            "sequence of attempt " + n);
      }
    }
  }
}
