package org.vansdk.referral.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.audit.AuditEvent;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import tools.jackson.databind.node.JsonNodeFactory;

class ReferralStoreContractTest {

  @TempDir static Path dir;

  static Stream<Arguments> stores() {
    Stream<Arguments> always =
        Stream.of(
            Arguments.of("in-memory", (Supplier<ReferralStore>) InMemoryReferralStore::new),
            Arguments.of(
                "h2",
                (Supplier<ReferralStore>)
                    () -> JdbcReferralStore.h2File(dir.resolve("contract-" + System.nanoTime()))));
    return Stream.concat(
        always,
        Stream.of(Arguments.of("postgresql", StoreFixtures.freshPostgres(TestPostgres.url()))));
  }

  private static final Party KHM =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.parse("KHM"));
  private static final Party THA =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.parse("THA"));
  private static final ReferralId REFERRAL = ReferralId.parse("KHM-CMAA-R-1");
  private static final AttemptId ATTEMPT = AttemptId.parse("KHM-CMAA-A-1");
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  private static AttemptRecord attempt(AttemptStatus status, long version) {
    return AttemptRecord.builder()
        .attemptId(ATTEMPT)
        .referralId(REFERRAL)
        .side(Role.REFERRER)
        .referrer(KHM)
        .receiver(THA)
        .status(status)
        .version(version)
        .createdAt(T0)
        .addServiceTypes("prosthesis")
        .personalData(JsonNodeFactory.instance.objectNode().put("identity", "x"))
        .build();
  }

  private static Message message(String id) {
    return Message.of(
        Envelope.builder()
            .messageId(id)
            .transmissionId(id + "-t1")
            .type(MessageType.ACCEPT)
            .correlationId(REFERRAL)
            .attemptId(ATTEMPT)
            .sender(THA)
            .receiver(KHM)
            .createdAt(T0)
            .senderSeq(1)
            .baseVersion(1)
            .build(),
        JsonNodeFactory.instance.objectNode());
  }

  private static AuditEntry entry(Optional<AuditEntry> last, String to) {
    return AuditChain.append(
        last,
        AuditEvent.builder()
            .referralId(REFERRAL.value())
            .at(T0)
            .actor("KHM-CMAA")
            .action(AuditAction.TRANSITION)
            .toStatus(to)
            .build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void commit_fullChange_readBackEverything(String name, Supplier<ReferralStore> factory) {
    try (ReferralStore store = factory.get()) {
      AuditEntry first = entry(Optional.empty(), "draft");
      AuditEntry second = entry(Optional.of(first), "sent");
      store.commit(
          Change.builder()
              .addAttempts(attempt(AttemptStatus.SENT, 1))
              .addAudit(first, second)
              .processed(new ProcessedMessage("m-1", "a".repeat(64), message("ack-1")))
              .addSequences(new InboundSequence(ATTEMPT, THA.senderKey(), 2))
              .addOutboxAdd(new OutboxEntry(message("m-2"), true))
              .addOutboxAdd(new OutboxEntry(message("m-3"), false))
              .addConsents(new ConsentState(ConsentId.parse("KHM-CMAA-C-1"), 1, false))
              .build());
      assertEquals(attempt(AttemptStatus.SENT, 1), store.attempt(ATTEMPT).orElseThrow());
      assertEquals(List.of(first, second), store.audit(REFERRAL));
      assertEquals(second, store.lastAudit(REFERRAL).orElseThrow());
      assertEquals(second.hash(), store.auditHead(REFERRAL));
      assertTrue(store.verifyAudit(REFERRAL).valid());
      assertEquals("ack-1", store.processed("m-1").orElseThrow().reply().envelope().messageId());
      assertEquals(2, store.nextInboundSequence(ATTEMPT, THA.senderKey()));
      assertEquals(1, store.nextInboundSequence(ATTEMPT, KHM.senderKey()));
      assertEquals(2, store.outbox().size());
      assertEquals("m-2", store.outbox().get(0).message().envelope().messageId());
      assertTrue(store.consent(ConsentId.parse("KHM-CMAA-C-1")).isPresent());
      assertEquals(List.of(REFERRAL), store.referrals());

      store.commit(
          Change.builder()
              .addAttempts(attempt(AttemptStatus.ACCEPTED, 2))
              .addOutboxRemove("m-2")
              .addSequences(new InboundSequence(ATTEMPT, THA.senderKey(), 3))
              .build());
      assertEquals(AttemptStatus.ACCEPTED, store.attempt(ATTEMPT).orElseThrow().status());
      assertEquals(1, store.outbox().size());
      assertEquals(3, store.nextInboundSequence(ATTEMPT, THA.senderKey()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void commit_auditEntryNotExtendingChain_nothingApplied(
      String name, Supplier<ReferralStore> factory) {
    try (ReferralStore store = factory.get()) {
      AuditEntry first = entry(Optional.empty(), "draft");
      store.commit(Change.builder().addAudit(first).build());
      AuditEntry orphan = entry(Optional.empty(), "sent");
      Change broken =
          Change.builder()
              .addAttempts(attempt(AttemptStatus.SENT, 1))
              .addOutboxAdd(new OutboxEntry(message("m-9"), true))
              .addAudit(orphan)
              .build();
      assertThrows(ReferralStoreException.class, () -> store.commit(broken));
      assertFalse(store.attempt(ATTEMPT).isPresent());
      assertTrue(store.outbox().isEmpty());
      assertEquals(List.of(first), store.audit(REFERRAL));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void atomically_readsSeeOwnCommitsAndAFailureUndoesThemAll(
      String name, Supplier<ReferralStore> factory) {
    boolean rollsBack = !name.equals("in-memory");
    try (ReferralStore store = factory.get()) {
      IllegalStateException thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  store.atomically(
                      () -> {
                        store.commit(
                            Change.builder().addAttempts(attempt(AttemptStatus.SENT, 1)).build());
                        store.commit(
                            Change.builder()
                                .addOutboxAdd(new OutboxEntry(message("m-5"), true))
                                .build());
                        assertEquals(1, store.outbox().size(), "reads see the work's commits");
                        assertTrue(store.attempt(ATTEMPT).isPresent());
                        throw new IllegalStateException("work failed");
                      }));
      assertEquals("work failed", thrown.getMessage());
      // The in-memory store cannot roll back: the commits made before the failure remain.
      assertEquals(!rollsBack, store.attempt(ATTEMPT).isPresent());
      assertEquals(rollsBack ? 0 : 1, store.outbox().size());
      if (!rollsBack) {
        store.commit(Change.builder().addOutboxRemove("m-5").build());
      }
      int committed =
          store.atomically(
              () -> {
                store.commit(Change.builder().addAttempts(attempt(AttemptStatus.SENT, 1)).build());
                store.commit(
                    Change.builder().addOutboxAdd(new OutboxEntry(message("m-6"), true)).build());
                return 2;
              });
      assertEquals(2, committed);
      assertTrue(store.attempt(ATTEMPT).isPresent());
      assertEquals("m-6", store.outbox().get(0).message().envelope().messageId());
    }
  }

  @Test
  void h2File_reopened_keepsCommittedStateAndSchemaVersion(@TempDir Path tmp) {
    try (JdbcReferralStore store = JdbcReferralStore.h2File(tmp.resolve("db"))) {
      assertEquals(SchemaMigrations.CURRENT, store.schemaVersion());
      store.commit(
          Change.builder()
              .addAttempts(attempt(AttemptStatus.SENT, 1))
              .addOutboxAdd(new OutboxEntry(message("m-1"), true))
              .build());
    }
    try (JdbcReferralStore store = JdbcReferralStore.h2File(tmp.resolve("db"))) {
      assertEquals(SchemaMigrations.CURRENT, store.schemaVersion());
      assertEquals(AttemptStatus.SENT, store.attempt(ATTEMPT).orElseThrow().status());
      store.commit(Change.builder().addOutboxAdd(new OutboxEntry(message("m-2"), true)).build());
      assertEquals(
          List.of("m-1", "m-2"),
          store.outbox().stream().map(e -> e.message().envelope().messageId()).toList());
    }
  }

  @Test
  void postgres_isARealServer_andTheStoreMigratesIt() throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestPostgres.url())) {
      assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
    }
    try (JdbcReferralStore store = JdbcReferralStore.open(TestPostgres.url())) {
      assertEquals(SchemaMigrations.CURRENT, store.schemaVersion());
    }
  }
}
