package org.vansdk.referral.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.id.AttemptId;
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
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Inside a group transaction ({@link ReferralStore#atomically}) each change stays atomic: a change
 * the database rejects leaves nothing behind, and the changes after it still commit (on PostgreSQL
 * too, which aborts a transaction on a failed statement: the store rolls back and writes the
 * changes before it again). This is what lets a node refuse one unstorable message and go on with
 * the rest of a batch; a transaction that cannot be restored commits nothing.
 */
class JdbcChangeIsolationTest {

  @TempDir static Path dir;

  private static final Party KHM =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.parse("KHM"));
  private static final Party THA =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.parse("THA"));
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  static Stream<Arguments> stores() {
    return Stream.of(
        Arguments.of(
            "h2",
            (Supplier<ReferralStore>)
                () -> JdbcReferralStore.h2File(dir.resolve("isolation-" + System.nanoTime()))),
        Arguments.of("postgresql", StoreFixtures.freshPostgres(TestPostgres.url())));
  }

  private static AttemptRecord attempt(String local) {
    return AttemptRecord.builder()
        .attemptId(AttemptId.parse("KHM-CMAA-A-" + local))
        .referralId(ReferralId.parse("KHM-CMAA-R-" + local))
        .side(Role.REFERRER)
        .referrer(KHM)
        .receiver(THA)
        .status(AttemptStatus.SENT)
        .version(1)
        .createdAt(T0)
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void atomically_oneChangeRejected_othersCommitAndItLeavesNothing(
      String name, Supplier<ReferralStore> factory) {
    try (ReferralStore store = factory.get()) {
      // The audit column holds 100,000 characters: this entry makes the database reject the
      // change after its attempt row was written.
      Change rejected =
          Change.builder()
              .addAttempts(attempt("2"))
              .addAudit(
                  AuditChain.append(
                      Optional.empty(),
                      AuditEvent.builder()
                          .referralId("KHM-CMAA-R-2")
                          .at(T0)
                          .actor("KHM-CMAA")
                          .action(AuditAction.NOTED)
                          .detail("x".repeat(200_000))
                          .build()))
              .build();
      store.atomically(
          () -> {
            store.commit(Change.builder().addAttempts(attempt("1")).build());
            assertThrows(ReferralStoreException.class, () -> store.commit(rejected));
            store.commit(Change.builder().addAttempts(attempt("3")).build());
            return null;
          });
      assertTrue(store.attempt(AttemptId.parse("KHM-CMAA-A-1")).isPresent(), name);
      assertTrue(store.attempt(AttemptId.parse("KHM-CMAA-A-2")).isEmpty(), name);
      assertTrue(store.attempt(AttemptId.parse("KHM-CMAA-A-3")).isPresent(), name);
      assertEquals(2, store.attempts().size(), name);
      assertTrue(store.audit(ReferralId.parse("KHM-CMAA-R-2")).isEmpty(), name);
    }
  }

  /** A received message's envelope on attempt {@code local}, for {@link ReferralStore#prefetch}. */
  private static Envelope envelope(String local) {
    return Envelope.builder()
        .messageId("m-" + local)
        .transmissionId("m-" + local + "-t1")
        .type(MessageType.REFERRAL_REQUEST)
        .correlationId(ReferralId.parse("KHM-CMAA-R-" + local))
        .attemptId(AttemptId.parse("KHM-CMAA-A-" + local))
        .sender(KHM)
        .receiver(THA)
        .createdAt(T0)
        .senderSeq(1)
        .baseVersion(0)
        .build();
  }

  /** The first change of attempt {@code local}: its record and audit entry 0 ({@code detail}). */
  private static Change started(String local, String detail) {
    return Change.builder()
        .addAttempts(attempt(local))
        .addAudit(
            AuditChain.append(
                Optional.empty(),
                AuditEvent.builder()
                    .referralId("KHM-CMAA-R-" + local)
                    .at(T0)
                    .actor("KHM-CMAA")
                    .action(AuditAction.NOTED)
                    .detail(detail)
                    .build()))
        .build();
  }

  /**
   * On PostgreSQL the changes of a batch read ahead are held back and written together; one the
   * database refuses only then (an audit entry over the column's 100,000 characters) fails the
   * whole transaction, and when the same messages come again each change is written at once, so
   * that the refused one is refused alone and the others are kept.
   */
  @Test
  void postgres_heldChangeRefused_transactionFails_thenSameBatchRefusesItAlone() {
    try (ReferralStore store = StoreFixtures.freshPostgres(TestPostgres.url()).get()) {
      List<Envelope> batch = List.of(envelope("1"), envelope("2"), envelope("3"));
      Change poison = started("2", "x".repeat(200_000));
      ReferralStoreException whole =
          assertThrows(
              ReferralStoreException.class,
              () ->
                  store.atomically(
                      () -> {
                        store.prefetch(batch);
                        store.commit(started("1", "ok"));
                        store.commit(poison); // held: the database has not seen it yet
                        store.commit(started("3", "ok"));
                        return null;
                      }));
      assertTrue(whole.getMessage().contains("held back"), whole.getMessage());
      assertFalse(whole.getMessage().contains("xxxx"), "no stored text in the message");
      assertEquals(List.of(), store.attempts(), "nothing of the failed transaction is kept");

      store.atomically(
          () -> {
            store.prefetch(batch);
            store.commit(started("1", "ok"));
            assertThrows(ReferralStoreException.class, () -> store.commit(poison));
            store.commit(started("3", "ok"));
            return null;
          });
      assertEquals(
          List.of("KHM-CMAA-A-1", "KHM-CMAA-A-3"),
          store.attempts().stream().map(a -> a.attemptId().value()).toList());
      assertTrue(store.audit(ReferralId.parse("KHM-CMAA-R-2")).isEmpty());
      assertEquals(1, store.audit(ReferralId.parse("KHM-CMAA-R-3")).size());
    }
  }

  @Test
  void atomically_transactionCannotBeRestored_laterCommitsRefusedAndNothingKept() throws Exception {
    AtomicBoolean failRollback = new AtomicBoolean();
    Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("restore"));
    Connection failing =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("rollback")
                      && args == null
                      && failRollback.getAndSet(false)) {
                    throw new SQLException("connection reset", "08006");
                  }
                  try {
                    return method.invoke(h2, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    try (JdbcReferralStore store = JdbcReferralStore.using(failing)) {
      AuditEntry orphan =
          AuditChain.append(
              Optional.of(
                  AuditChain.append(
                      Optional.empty(),
                      AuditEvent.builder()
                          .referralId("KHM-CMAA-R-9")
                          .at(T0)
                          .actor("KHM-CMAA")
                          .action(AuditAction.NOTED)
                          .build())),
              AuditEvent.builder()
                  .referralId("KHM-CMAA-R-9")
                  .at(T0)
                  .actor("KHM-CMAA")
                  .action(AuditAction.NOTED)
                  .build());
      ReferralStoreException e =
          assertThrows(
              ReferralStoreException.class,
              () ->
                  store.atomically(
                      () -> {
                        store.commit(Change.builder().addAttempts(attempt("1")).build());
                        failRollback.set(true);
                        assertThrows(
                            ReferralStoreException.class,
                            () ->
                                store.commit(
                                    Change.builder()
                                        .addAttempts(attempt("2"))
                                        .addAudit(orphan)
                                        .build()));
                        ReferralStoreException later =
                            assertThrows(
                                ReferralStoreException.class,
                                () ->
                                    store.commit(
                                        Change.builder().addAttempts(attempt("3")).build()));
                        assertTrue(
                            later.getMessage().contains("could not be restored"),
                            later.getMessage());
                        return "not committed";
                      }));
      assertTrue(e.getMessage().contains("cannot restore the transaction"), e.getMessage());
      assertEquals(List.of(), store.attempts(), "nothing of the work is kept");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void commit_recordOverAMillionCharacters_readBack(String name, Supplier<ReferralStore> factory) {
    try (ReferralStore store = factory.get()) {
      AttemptRecord big =
          AttemptRecord.builder()
              .from(attempt("1"))
              .personalData(
                  JsonNodeFactory.instance
                      .objectNode()
                      .set(
                          "medical",
                          JsonNodeFactory.instance.objectNode().put("note", "y".repeat(1_040_000))))
              .build();
      store.commit(Change.builder().addAttempts(big).build());
      assertEquals(
          big.personalData(),
          store.attempt(big.attemptId()).orElseThrow().personalData(),
          name + ": a record larger than the message limit is stored and read back whole");
    }
  }
}
