package org.vansdk.referral.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What the published contract ({@code ReferralStoreTester}, run by {@code ReferralStoreTesterTest}
 * against every store) does not cover: the JDBC store's durability across reopening and its schema.
 */
class ReferralStoreContractTest {

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
      store.commit(
          Change.builder()
              .addOutboxRetry(new OutboxEntry(message("m-1"), true).sent(T0.plusSeconds(60)))
              .build());
    }
    try (JdbcReferralStore store = JdbcReferralStore.h2File(tmp.resolve("db"))) {
      // When each entry is due is kept in memory: read again on opening, in outbox order.
      assertEquals(
          List.of("m-2"),
          store.outboxDue(T0).stream().map(e -> e.message().envelope().messageId()).toList());
      assertEquals(
          List.of("m-1", "m-2"),
          store.outboxDue(T0.plusSeconds(60)).stream()
              .map(e -> e.message().envelope().messageId())
              .toList());
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
