package org.vansdk.referral.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The versioned schema of {@link JdbcReferralStore}. Each migration is a list of statements in the
 * SQL common to H2 2.x and PostgreSQL 12+ (the one type they spell differently is written {@link
 * #UNBOUNDED_TEXT}); a store applies the ones its database lacks, in order, each in its own
 * transaction, and records them in {@code van_referral_schema}. Migrations are append-only: a
 * released one is never edited.
 */
final class SchemaMigrations {

  /** The schema version this code writes and reads. */
  static final int CURRENT = 5;

  /**
   * Stands, in a migration statement, for a text type without a length limit: {@code CHARACTER
   * LARGE OBJECT} on H2 (whose {@code VARCHAR} stops at 1,000,000 characters), {@code TEXT} on
   * PostgreSQL. Stored JSON (attempt records, messages, replies) must hold anything the node admits
   * or sends, which is bounded by the message size limit, not by a column.
   */
  static final String UNBOUNDED_TEXT = "${unbounded_text}";

  static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              "CREATE TABLE van_attempt ("
                  + " attempt_id VARCHAR(100) PRIMARY KEY,"
                  + " referral_id VARCHAR(100) NOT NULL,"
                  + " status VARCHAR(32) NOT NULL,"
                  + " version BIGINT NOT NULL,"
                  + " record_json VARCHAR(1000000) NOT NULL)",
              "CREATE INDEX van_attempt_referral ON van_attempt (referral_id)",
              "CREATE TABLE van_audit ("
                  + " referral_id VARCHAR(100) NOT NULL,"
                  + " seq BIGINT NOT NULL,"
                  + " hash CHAR(64) NOT NULL,"
                  + " entry_json VARCHAR(100000) NOT NULL,"
                  + " PRIMARY KEY (referral_id, seq))",
              "CREATE TABLE van_audit_head ("
                  + " referral_id VARCHAR(100) PRIMARY KEY,"
                  + " seq BIGINT NOT NULL,"
                  + " hash CHAR(64) NOT NULL)",
              "CREATE TABLE van_processed ("
                  + " message_id VARCHAR(200) PRIMARY KEY,"
                  + " payload_sha256 CHAR(64) NOT NULL,"
                  + " reply_json VARCHAR(1000000) NOT NULL)",
              "CREATE TABLE van_inbound_seq ("
                  + " attempt_id VARCHAR(100) NOT NULL,"
                  + " sender_key VARCHAR(200) NOT NULL,"
                  + " next_seq BIGINT NOT NULL,"
                  + " PRIMARY KEY (attempt_id, sender_key))",
              "CREATE TABLE van_outbox ("
                  + " message_id VARCHAR(200) PRIMARY KEY,"
                  + " position BIGINT NOT NULL,"
                  + " reliable BOOLEAN NOT NULL,"
                  + " message_json VARCHAR(1000000) NOT NULL)",
              "CREATE INDEX van_outbox_position ON van_outbox (position)",
              "CREATE TABLE van_consent ("
                  + " consent_id VARCHAR(100) PRIMARY KEY,"
                  + " version INT NOT NULL,"
                  + " withdrawn BOOLEAN NOT NULL)"),
          // 2: a message just under the 1 MiB limit makes a record over 1,000,000 characters.
          List.of(
              "ALTER TABLE van_attempt ALTER COLUMN record_json SET DATA TYPE " + UNBOUNDED_TEXT,
              "ALTER TABLE van_processed ALTER COLUMN reply_json SET DATA TYPE " + UNBOUNDED_TEXT,
              "ALTER TABLE van_outbox ALTER COLUMN message_json SET DATA TYPE " + UNBOUNDED_TEXT),
          // 3: message ids are unique per sender only. Rows from before keep an empty sender and
          // match any sender, as they did.
          List.of(
              "CREATE TABLE van_processed_v3 ("
                  + " sender VARCHAR(100) NOT NULL,"
                  + " message_id VARCHAR(200) NOT NULL,"
                  + " payload_sha256 CHAR(64) NOT NULL,"
                  + " reply_json "
                  + UNBOUNDED_TEXT
                  + " NOT NULL,"
                  + " PRIMARY KEY (sender, message_id))",
              "INSERT INTO van_processed_v3 (sender, message_id, payload_sha256, reply_json)"
                  + " SELECT '', message_id, payload_sha256, reply_json FROM van_processed",
              "DROP TABLE van_processed",
              "ALTER TABLE van_processed_v3 RENAME TO van_processed",
              "CREATE INDEX van_processed_message ON van_processed (message_id)"),
          // 4: when each was last written (epoch milliseconds on the node's clock), for retention.
          List.of(
              "ALTER TABLE van_processed ADD COLUMN processed_at BIGINT DEFAULT 0 NOT NULL",
              "ALTER TABLE van_inbound_seq ADD COLUMN updated_at BIGINT DEFAULT 0 NOT NULL",
              "CREATE INDEX van_processed_at ON van_processed (processed_at)",
              "CREATE INDEX van_inbound_seq_at ON van_inbound_seq (updated_at)"),
          // 5: the retry state of outbox entries, so that it survives a restart.
          List.of(
              "ALTER TABLE van_outbox ADD COLUMN attempts INT DEFAULT 0 NOT NULL",
              "ALTER TABLE van_outbox ADD COLUMN next_due BIGINT DEFAULT 0 NOT NULL"));

  private SchemaMigrations() {}

  /**
   * Brings the database to {@link #CURRENT}.
   *
   * @return the version found before migrating (0 for an empty database)
   * @throws ReferralStoreException if the database is newer than this code or a migration fails
   */
  static int migrate(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS van_referral_schema ("
              + " version INT PRIMARY KEY,"
              + " description VARCHAR(200) NOT NULL)");
    }
    int found = 0;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM van_referral_schema")) {
      rs.next();
      found = rs.getInt(1);
    }
    if (found > CURRENT) {
      throw new ReferralStoreException(
          "database schema version is "
              + found
              + "; this library reads versions up to "
              + CURRENT
              + "; upgrade the library");
    }
    String unbounded =
        c.getMetaData().getDatabaseProductName().equals("H2") ? "CHARACTER LARGE OBJECT" : "TEXT";
    c.setAutoCommit(false);
    try {
      for (int v = found + 1; v <= CURRENT; v++) {
        try (Statement s = c.createStatement()) {
          for (String sql : MIGRATIONS.get(v - 1)) {
            s.execute(sql.replace(UNBOUNDED_TEXT, unbounded));
          }
          s.execute(
              "INSERT INTO van_referral_schema (version, description) VALUES ("
                  + v
                  + ", 'referral store v"
                  + v
                  + "')");
        }
        c.commit();
      }
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
    return found;
  }
}
