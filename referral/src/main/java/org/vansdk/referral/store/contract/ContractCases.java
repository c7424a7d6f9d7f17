package org.vansdk.referral.store.contract;

import static org.vansdk.referral.store.contract.ContractRecords.attempt;
import static org.vansdk.referral.store.contract.ContractRecords.attemptId;
import static org.vansdk.referral.store.contract.ContractRecords.consent;
import static org.vansdk.referral.store.contract.ContractRecords.consentId;
import static org.vansdk.referral.store.contract.ContractRecords.entry;
import static org.vansdk.referral.store.contract.ContractRecords.message;
import static org.vansdk.referral.store.contract.ContractRecords.outbox;
import static org.vansdk.referral.store.contract.ContractRecords.processed;
import static org.vansdk.referral.store.contract.ContractRecords.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.InboundSequence;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ProcessedMessage;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.ReferralStoreException;

/**
 * The cases of the store contract that concern single commits and reads: what is committed is read
 * back whole, in the documented order, and a refused change leaves nothing behind.
 */
final class ContractCases {

  /** One named case of the contract, run on a fresh store. */
  record Case(String name, Consumer<ReferralStore> body) {}

  private ContractCases() {}

  static List<Case> reads() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("an empty store reads nothing", ContractCases::emptyStore));
    cases.add(new Case("an attempt is read back and replaced", ContractCases::attempts));
    cases.add(new Case("attempts are listed by attempt id", ContractCases::attemptOrder));
    cases.add(new Case("large records are read back whole", ContractCases::largeRecords));
    cases.add(new Case("the audit log appends in order", ContractCases::auditAppends));
    cases.add(
        new Case(
            "a change not extending the audit chain is refused whole",
            ContractCases::auditRefused));
    cases.add(
        new Case("processed messages are kept with their reply", ContractCases::processedMessages));
    cases.add(new Case("inbound sequences are per attempt and sender", ContractCases::sequences));
    cases.add(
        new Case(
            "the outbox is oldest first, one entry per message id", ContractCases::outboxOrder));
    cases.add(
        new Case(
            "outbox retry state is kept, and a parked entry is never due",
            ContractCases::outboxRetry));
    cases.add(new Case("consent states are inserted and replaced", ContractCases::consents));
    cases.add(
        new Case(
            "a change without audit or processed message committed twice leaves the same state",
            ContractCases::idempotent));
    return cases;
  }

  private static void emptyStore(ReferralStore s) {
    expectEquals(Optional.empty(), s.attempt(attemptId(1)), "attempt(unknown)");
    expectEquals(List.of(), s.attempts(), "attempts()");
    expectEquals(Optional.empty(), s.processed("m-unknown"), "processed(unknown)");
    expectEquals(1L, s.nextInboundSequence(attemptId(1), "KHM-CMAA-HQ/hq"), "nextInboundSequence");
    expectEquals(List.of(), s.audit(referral(1)), "audit(unknown)");
    expectEquals(Optional.empty(), s.lastAudit(referral(1)), "lastAudit(unknown)");
    expectEquals(AuditChain.GENESIS, s.auditHead(referral(1)), "auditHead(unknown)");
    expectEquals(List.of(), s.referrals(), "referrals()");
    expectEquals(List.of(), ids(s.outbox()), "outbox()");
    expectEquals(Optional.empty(), s.consent(consentId(1)), "consent(unknown)");
    expect(s.verifyAudit(referral(1)).valid(), "verifyAudit of an empty log is valid");
  }

  private static void attempts(ReferralStore s) {
    AttemptRecord sent = attempt(1, AttemptStatus.SENT, 1);
    s.commit(Change.builder().addAttempts(sent).build());
    expectEquals(sent, s.attempt(attemptId(1)).orElse(null), "attempt after insert");
    AttemptRecord accepted = attempt(1, AttemptStatus.ACCEPTED, 2);
    s.commit(Change.builder().addAttempts(accepted).build());
    expectEquals(accepted, s.attempt(attemptId(1)).orElse(null), "attempt after replace");
    expectEquals(List.of(accepted), s.attempts(), "attempts() after replace");
    expectEquals(Optional.empty(), s.attempt(attemptId(2)), "another attempt");
  }

  private static void attemptOrder(ReferralStore s) {
    s.commit(Change.builder().addAttempts(attempt(3, AttemptStatus.SENT, 1)).build());
    s.commit(
        Change.builder()
            .addAttempts(attempt(1, AttemptStatus.SENT, 1), attempt(2, AttemptStatus.DRAFT, 1))
            .build());
    expectEquals(
        List.of(attemptId(1), attemptId(2), attemptId(3)),
        s.attempts().stream().map(AttemptRecord::attemptId).toList(),
        "attempts() order");
  }

  private static void largeRecords(ReferralStore s) {
    AttemptRecord big = attempt(1, AttemptStatus.SENT, 1, ReferralStoreTester.LARGE_RECORD_CHARS);
    AuditEntry detailed = entry(1, Optional.empty(), "sent", ReferralStoreTester.LARGE_AUDIT_CHARS);
    OutboxEntry bigMessage =
        new OutboxEntry(message("m-big", 1, ReferralStoreTester.LARGE_RECORD_CHARS), true);
    ProcessedMessage bigReply =
        new ProcessedMessage(
            "m-in", "b".repeat(64), message("ack-big", 1, ReferralStoreTester.LARGE_RECORD_CHARS));
    s.commit(
        Change.builder()
            .addAttempts(big)
            .addAudit(detailed)
            .addOutboxAdd(bigMessage)
            .processed(bigReply)
            .build());
    expectEquals(big, s.attempt(attemptId(1)).orElse(null), "large attempt record");
    expectEquals(List.of(detailed), s.audit(referral(1)), "audit entry with a large detail");
    expect(s.verifyAudit(referral(1)).valid(), "a large audit entry still verifies");
    expectEquals(
        bigMessage.message().toJson(),
        s.outbox().get(0).message().toJson(),
        "large outbox message");
    expectEquals(
        bigReply.reply().toJson(),
        s.processed("m-in").map(p -> p.reply().toJson()).orElse(null),
        "large processed reply");
  }

  private static void auditAppends(ReferralStore s) {
    AuditEntry a0 = entry(1, Optional.empty(), "draft");
    AuditEntry a1 = entry(1, Optional.of(a0), "sent");
    AuditEntry b0 = entry(2, Optional.empty(), "draft");
    s.commit(Change.builder().addAudit(b0).build());
    s.commit(Change.builder().addAudit(a0, a1).build());
    AuditEntry a2 = entry(1, Optional.of(a1), "received");
    s.commit(Change.builder().addAudit(a2).build());
    expectEquals(List.of(a0, a1, a2), s.audit(referral(1)), "audit(referral 1)");
    expectEquals(List.of(b0), s.audit(referral(2)), "audit(referral 2)");
    expectEquals(a2, s.lastAudit(referral(1)).orElse(null), "lastAudit");
    expectEquals(a2.hash(), s.auditHead(referral(1)), "auditHead");
    expectEquals(List.of(referral(1), referral(2)), s.referrals(), "referrals() by id");
    expect(s.verifyAudit(referral(1)).valid(), "verifyAudit(referral 1)");
    expect(s.verifyAudit(referral(2)).valid(), "verifyAudit(referral 2)");
  }

  private static void auditRefused(ReferralStore s) {
    AuditEntry first = entry(1, Optional.empty(), "draft");
    AuditEntry second = entry(1, Optional.of(first), "sent");
    s.commit(Change.builder().addAudit(first).build());
    AuditEntry orphan = entry(1, Optional.empty(), "sent");
    AuditEntry gap = entry(1, Optional.of(second), "received");
    for (AuditEntry wrong : List.of(orphan, gap, first)) {
      Change change =
          Change.builder()
              .addAttempts(attempt(1, AttemptStatus.SENT, 1))
              .addAudit(wrong)
              .processed(processed("m-1"))
              .addSequences(new InboundSequence(attemptId(1), "THA-SIRINDHORN-REHAB/main", 5))
              .addOutboxAdd(outbox("m-2", true))
              .addConsents(consent(1, 1, false))
              .build();
      String what = "audit entry " + wrong.sequence() + " after a chain of 1";
      ReferralStoreException refused = expectRefused(() -> s.commit(change), what);
      expect(
          !String.valueOf(refused.getMessage()).contains(ContractRecords.PERSONAL_MARK),
          "the refusal message shows stored personal data: " + refused.getMessage());
      expectEquals(Optional.empty(), s.attempt(attemptId(1)), what + ": attempt applied");
      expectEquals(Optional.empty(), s.processed("m-1"), what + ": processed applied");
      expectEquals(
          1L,
          s.nextInboundSequence(attemptId(1), "THA-SIRINDHORN-REHAB/main"),
          what + ": sequence applied");
      expectEquals(List.of(), ids(s.outbox()), what + ": outbox applied");
      expectEquals(Optional.empty(), s.consent(consentId(1)), what + ": consent applied");
      expectEquals(List.of(first), s.audit(referral(1)), what + ": audit log changed");
      expectEquals(first.hash(), s.auditHead(referral(1)), what + ": audit head moved");
    }
  }

  private static void processedMessages(ReferralStore s) {
    ProcessedMessage p = processed("m-1");
    s.commit(Change.builder().processed(p).build());
    ProcessedMessage back = s.processed("m-1").orElse(null);
    expect(back != null, "processed(m-1) is empty after commit");
    expectEquals(p.messageId(), back.messageId(), "processed message id");
    expectEquals(p.payloadSha256(), back.payloadSha256(), "processed payload hash");
    expectEquals(p.reply().toJson(), back.reply().toJson(), "processed reply");
    expectEquals(Optional.empty(), s.processed("m-2"), "processed(another id)");
  }

  private static void sequences(ReferralStore s) {
    String tha = ContractRecords.RECEIVER.senderKey();
    String khm = ContractRecords.REFERRER.senderKey();
    s.commit(
        Change.builder()
            .addSequences(new InboundSequence(attemptId(1), tha, 2))
            .addSequences(new InboundSequence(attemptId(2), khm, 7))
            .build());
    expectEquals(2L, s.nextInboundSequence(attemptId(1), tha), "attempt 1 from THA");
    expectEquals(1L, s.nextInboundSequence(attemptId(1), khm), "attempt 1 from KHM (unseen)");
    expectEquals(7L, s.nextInboundSequence(attemptId(2), khm), "attempt 2 from KHM");
    expectEquals(1L, s.nextInboundSequence(attemptId(2), tha), "attempt 2 from THA (unseen)");
    s.commit(Change.builder().addSequences(new InboundSequence(attemptId(1), tha, 3)).build());
    expectEquals(3L, s.nextInboundSequence(attemptId(1), tha), "attempt 1 from THA, set again");
  }

  private static void outboxOrder(ReferralStore s) {
    s.commit(Change.builder().addOutboxAdd(outbox("m-3", true)).build());
    s.commit(Change.builder().addOutboxAdd(outbox("m-1", false), outbox("m-2", true)).build());
    expectEquals(List.of("m-3", "m-1", "m-2"), ids(s.outbox()), "outbox order");
    expectEquals(
        List.of(true, false, true),
        s.outbox().stream().map(OutboxEntry::reliable).toList(),
        "outbox reliable flags");
    s.commit(Change.builder().addOutboxRemove("m-1").build());
    expectEquals(List.of("m-3", "m-2"), ids(s.outbox()), "outbox after removing m-1");
    s.commit(Change.builder().addOutboxRemove("m-unknown").build());
    expectEquals(List.of("m-3", "m-2"), ids(s.outbox()), "removing an absent id");
    s.commit(Change.builder().addOutboxAdd(outbox("m-3", false)).build());
    expectEquals(List.of("m-2", "m-3"), ids(s.outbox()), "re-added m-3 is the newest");
    expectEquals(false, s.outbox().get(1).reliable(), "re-added m-3 replaces the old entry");
  }

  private static void outboxRetry(ReferralStore s) {
    OutboxEntry m1 = outbox("m-1", true);
    s.commit(Change.builder().addOutboxAdd(m1, outbox("m-2", true)).build());
    java.time.Instant next = java.time.Instant.parse("2026-03-01T10:00:30.123Z");
    s.commit(Change.builder().addOutboxRetry(m1.sent(next)).build());
    expectEquals(1, s.outbox().get(0).attempts(), "attempts after one transmission");
    expectEquals(next, s.outbox().get(0).nextDue(), "next due after one transmission");
    expectEquals(
        List.of("m-2"), ids(s.outboxDue(next.minusMillis(1))), "due just before m-1's next due");
    expectEquals(List.of("m-1", "m-2"), ids(s.outboxDue(next)), "due at m-1's next due");
    s.commit(Change.builder().addOutboxRetry(m1.sent(next).parked()).build());
    OutboxEntry parked = s.outbox().get(0);
    expect(parked.isParked(), "a parked entry reads back parked, was due " + parked.nextDue());
    expect(!parked.isDue(java.time.Instant.parse("9999-12-31T23:59:59Z")), "parked is never due");
    expectEquals(1, parked.attempts(), "a parked entry keeps its attempts");
    expectEquals(List.of("m-1", "m-2"), ids(s.outbox()), "parking keeps the outbox order");
    expectEquals(
        List.of("m-2"),
        ids(s.outboxDue(java.time.Instant.parse("9999-12-31T23:59:59Z"))),
        "a parked entry is never among the due ones");
    s.commit(Change.builder().addOutboxRetry(parked.dueNow()).build());
    expectEquals(false, s.outbox().get(0).isParked(), "resent entry is no longer parked");
    s.commit(Change.builder().addOutboxRetry(outbox("m-unknown", true).parked()).build());
    expectEquals(List.of("m-1", "m-2"), ids(s.outbox()), "a retry of an absent id adds nothing");
  }

  private static void consents(ReferralStore s) {
    s.commit(Change.builder().addConsents(consent(1, 1, false), consent(2, 3, false)).build());
    expectEquals(consent(1, 1, false), s.consent(consentId(1)).orElse(null), "consent 1");
    s.commit(Change.builder().addConsents(consent(1, 2, true)).build());
    expectEquals(consent(1, 2, true), s.consent(consentId(1)).orElse(null), "consent 1 replaced");
    expectEquals(consent(2, 3, false), s.consent(consentId(2)).orElse(null), "consent 2");
    expectEquals(Optional.empty(), s.consent(consentId(3)), "unknown consent");
  }

  private static void idempotent(ReferralStore s) {
    Change change =
        Change.builder()
            .addAttempts(attempt(1, AttemptStatus.SENT, 1))
            .addSequences(new InboundSequence(attemptId(1), "THA-SIRINDHORN-REHAB/main", 2))
            .addOutboxAdd(outbox("m-2", true))
            .addConsents(consent(1, 1, false))
            .build();
    // A processed message is recorded once (a node replays it, never records it again), so the
    // change repeated here carries none.
    s.commit(change);
    s.commit(change);
    expectEquals(List.of(attempt(1, AttemptStatus.SENT, 1)), s.attempts(), "attempts");
    expectEquals(List.of("m-2"), ids(s.outbox()), "outbox");
    expectEquals(2L, s.nextInboundSequence(attemptId(1), "THA-SIRINDHORN-REHAB/main"), "sequence");
    expectEquals(consent(1, 1, false), s.consent(consentId(1)).orElse(null), "consent");
  }

  static List<String> ids(List<OutboxEntry> outbox) {
    return outbox.stream().map(e -> e.message().envelope().messageId()).toList();
  }

  static void expect(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  static void expectEquals(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError(
          what + ": expected " + brief(expected) + " but was " + brief(actual));
    }
  }

  static ReferralStoreException expectRefused(Runnable commit, String what) {
    try {
      commit.run();
    } catch (ReferralStoreException e) {
      return e;
    }
    throw new AssertionError(what + ": expected a ReferralStoreException, the commit succeeded");
  }

  /** Long values (large records) are cut in messages. */
  private static String brief(Object value) {
    String s = String.valueOf(value);
    return s.length() <= 300
        ? "<" + s + ">"
        : "<" + s.substring(0, 300) + "... (" + s.length() + " chars)>";
  }
}
