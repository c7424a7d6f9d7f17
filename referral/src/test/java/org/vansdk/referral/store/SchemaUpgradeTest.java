package org.vansdk.referral.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A database written by the first released schema (version 1) opens with this code: it is migrated
 * in place and what it held is still there (H2 and PostgreSQL).
 */
class SchemaUpgradeTest {

  private static final Party KHM =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.parse("KHM"));
  private static final Party THA =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.parse("THA"));

  private static Message ack() {
    return Message.of(
        Envelope.builder()
            .messageId("ack-1")
            .transmissionId("ack-1-t")
            .type(MessageType.ACK)
            .correlationId(ReferralId.parse("KHM-CMAA-R-1"))
            .attemptId(AttemptId.parse("KHM-CMAA-A-1"))
            .causationId("m-1")
            .sender(THA)
            .receiver(KHM)
            .createdAt(Instant.parse("2026-11-29T10:00:00Z"))
            .senderSeq(0)
            .baseVersion(1)
            .build(),
        JsonNodeFactory.instance.objectNode().put("status", "ok").put("code", "VAN-R-0019"));
  }

  /** Writes a version 1 database as the first release did, with one processed message. */
  private static void writeVersion1(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE van_referral_schema ("
              + " version INT PRIMARY KEY, description VARCHAR(200) NOT NULL)");
      for (String sql : SchemaMigrations.MIGRATIONS.get(0)) {
        s.execute(sql);
      }
      s.execute("INSERT INTO van_referral_schema VALUES (1, 'referral store v1')");
      s.execute(
          "INSERT INTO van_processed (message_id, payload_sha256, reply_json) VALUES ('m-1', '"
              + "a".repeat(64)
              + "', '"
              + MessageCodec.toText(ack().toJson())
              + "')");
    }
  }

  @SuppressWarnings("deprecation") // the id-only lookup still finds it too
  private static void assertUpgraded(JdbcReferralStore store) {
    assertEquals(SchemaMigrations.CURRENT, store.schemaVersion());
    // A record from before senders were kept still answers the duplicate, from its sender.
    assertEquals(
        "ack-1",
        store.processed(KHM.organisation(), "m-1").orElseThrow().reply().envelope().messageId());
    assertTrue(store.processed("m-1").isPresent());
  }

  @Test
  void h2Version1_opens_migratedWithItsProcessedMessages(@TempDir Path dir) throws SQLException {
    Path file = dir.resolve("v1");
    writeVersion1("jdbc:h2:file:" + file.toAbsolutePath());
    try (JdbcReferralStore store = JdbcReferralStore.h2File(file)) {
      assertUpgraded(store);
    }
  }

  @Test
  void postgresqlVersion1_opens_migratedWithItsProcessedMessages() throws SQLException {
    String url = TestPostgres.freshSchema("van_upgrade");
    writeVersion1(url);
    try (JdbcReferralStore store = JdbcReferralStore.open(url)) {
      assertUpgraded(store);
    }
  }
}
