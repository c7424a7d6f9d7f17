package org.vansdk.referral.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.id.AttemptId;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.TestPostgres;

/**
 * Runs the published store contract against the SDK's own stores (in memory, H2 file, PostgreSQL),
 * and shows that it fails stores that break it, naming the broken case.
 */
class ReferralStoreTesterTest {
  private static final AtomicInteger FRESH = new AtomicInteger();

  @TempDir static Path dir;

  @TestFactory
  Stream<DynamicTest> inMemoryStore_honoursTheContract() {
    return ReferralStoreTester.of("in-memory", InMemoryReferralStore::new).dynamicTests();
  }

  @TestFactory
  Stream<DynamicTest> h2Store_honoursTheContract() {
    return ReferralStoreTester.of(
            "h2", () -> JdbcReferralStore.h2File(dir.resolve("h2-" + FRESH.incrementAndGet())))
        .rollingBack()
        .dynamicTests();
  }

  @TestFactory
  Stream<DynamicTest> postgresStore_honoursTheContract() {
    return ReferralStoreTester.of("postgresql", ReferralStoreTesterTest::freshPostgres)
        .rollingBack()
        .dynamicTests();
  }

  /** A store in a new, empty PostgreSQL schema. */
  private static ReferralStore freshPostgres() {
    return JdbcReferralStore.open(
        TestPostgres.freshSchema("van_contract_" + FRESH.incrementAndGet()));
  }

  @Test
  void caseNames_listEveryCaseOnce() {
    List<String> names = ReferralStoreTester.of("x", InMemoryReferralStore::new).caseNames();
    assertEquals(names.size(), names.stream().distinct().count(), names.toString());
    assertEquals(18, names.size(), names.toString());
    ReferralStoreTester.of("in-memory", InMemoryReferralStore::new).test();
  }

  /** A flaw a store may have, as a wrapper around the in-memory store. */
  static Stream<Arguments> flaws() {
    return Stream.of(
        Arguments.of(
            "outbox newest first",
            (Function<ReferralStore, ReferralStore>)
                s ->
                    new Flawed(s) {
                      @Override
                      public List<OutboxEntry> outbox() {
                        List<OutboxEntry> reversed = new java.util.ArrayList<>(s.outbox());
                        java.util.Collections.reverse(reversed);
                        return reversed;
                      }
                    },
            "the outbox is oldest first, one entry per message id"),
        Arguments.of(
            "applies attempts before checking the audit chain",
            (Function<ReferralStore, ReferralStore>)
                s ->
                    new Flawed(s) {
                      @Override
                      public void commit(Change change) {
                        if (!change.attempts().isEmpty()) {
                          s.commit(Change.builder().addAllAttempts(change.attempts()).build());
                        }
                        s.commit(change);
                      }
                    },
            "a change not extending the audit chain is refused whole"),
        Arguments.of(
            "truncates long records",
            (Function<ReferralStore, ReferralStore>)
                s ->
                    new Flawed(s) {
                      @Override
                      public Optional<AttemptRecord> attempt(AttemptId id) {
                        return s.attempt(id)
                            .map(
                                a ->
                                    a.personalData().map(p -> p.toString().length()).orElse(0)
                                            > 65_535
                                        ? AttemptRecord.builder()
                                            .from(a)
                                            .personalData(
                                                tools.jackson.databind.node.JsonNodeFactory.instance
                                                    .objectNode())
                                            .build()
                                        : a);
                      }
                    },
            "large records are read back whole"),
        Arguments.of(
            "forgets sequences per sender",
            (Function<ReferralStore, ReferralStore>)
                s ->
                    new Flawed(s) {
                      @Override
                      public long nextInboundSequence(AttemptId id, String sender) {
                        return Math.max(
                            s.nextInboundSequence(id, "THA-SIRINDHORN-REHAB/main"),
                            s.nextInboundSequence(id, sender));
                      }
                    },
            "inbound sequences are per attempt and sender"),
        Arguments.of(
            "ignores outbox retry state",
            (Function<ReferralStore, ReferralStore>)
                s ->
                    new Flawed(s) {
                      @Override
                      public void commit(Change change) {
                        s.commit(Change.builder().from(change).outboxRetry(List.of()).build());
                      }
                    },
            "outbox retry state is kept, and a parked entry is never due"),
        Arguments.of(
            "drops every tenth commit",
            (Function<ReferralStore, ReferralStore>)
                s ->
                    new Flawed(s) {
                      private int commits;

                      @Override
                      public void commit(Change change) {
                        // Loses commits under load.
                        if (++commits % 10 != 0) {
                          s.commit(change);
                        }
                      }
                    },
            "commits from several threads are all applied"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flaws")
  void flawedStore_failsTheCaseItBreaks(
      String flaw, Function<ReferralStore, ReferralStore> wrap, String brokenCase) {
    Supplier<ReferralStore> factory = () -> wrap.apply(new InMemoryReferralStore());
    AssertionError e =
        assertThrows(AssertionError.class, () -> ReferralStoreTester.of("flawed", factory).test());
    assertTrue(
        e.getMessage().contains("flawed: " + brokenCase + ": "),
        flaw + ": the report should name case '" + brokenCase + "': " + e.getMessage());
    assertTrue(e.getSuppressed().length >= 1, flaw);
  }

  @Test
  void rollingBackTester_failsAStoreThatKeepsCommitsOfAFailedWork() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                ReferralStoreTester.of("memory", InMemoryReferralStore::new).rollingBack().test());
    assertTrue(
        e.getMessage().contains("memory: atomically: a failing work is rolled back whole: "),
        e.getMessage());
  }

  /** Delegates every method to a store; subclasses override the flawed one. */
  private static class Flawed implements ReferralStore {
    private final ReferralStore s;

    Flawed(ReferralStore s) {
      this.s = s;
    }

    @Override
    public Optional<AttemptRecord> attempt(AttemptId attemptId) {
      return s.attempt(attemptId);
    }

    @Override
    public List<AttemptRecord> attempts() {
      return s.attempts();
    }

    @Override
    public Optional<org.vansdk.referral.store.ProcessedMessage> processed(String messageId) {
      return s.processed(messageId);
    }

    @Override
    public long nextInboundSequence(AttemptId attemptId, String senderKey) {
      return s.nextInboundSequence(attemptId, senderKey);
    }

    @Override
    public List<org.vansdk.referral.audit.AuditEntry> audit(
        org.vansdk.core.id.ReferralId referralId) {
      return s.audit(referralId);
    }

    @Override
    public Optional<org.vansdk.referral.audit.AuditEntry> lastAudit(
        org.vansdk.core.id.ReferralId referralId) {
      return s.lastAudit(referralId);
    }

    @Override
    public String auditHead(org.vansdk.core.id.ReferralId referralId) {
      return s.auditHead(referralId);
    }

    @Override
    public List<org.vansdk.core.id.ReferralId> referrals() {
      return s.referrals();
    }

    @Override
    public List<OutboxEntry> outbox() {
      return s.outbox();
    }

    @Override
    public Optional<org.vansdk.referral.store.ConsentState> consent(
        org.vansdk.core.id.ConsentId consentId) {
      return s.consent(consentId);
    }

    @Override
    public void commit(Change change) {
      s.commit(change);
    }

    @Override
    public void close() {
      s.close();
    }
  }
}
