package org.vansdk.referral.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vansdk.core.id.AttemptId;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.message.MessageCodec;

/**
 * Writes a {@link Change} into the tables of {@link JdbcReferralStore} with as few statements as
 * the change allows. On PostgreSQL each statement is a round trip made while the node holds its
 * lock, so their number bounds a node's commits per second as much as the write-ahead-log flush
 * does: there a small change is one statement ({@link PostgresChange}). Otherwise, and on H2, each
 * table written takes one statement: an upsert where a row may or may not exist, one JDBC batch for
 * several rows, and the audit chain checked by the statement that moves its head (no read first).
 *
 * <p>It also remembers the attempts and audit heads written in the current transaction, so that the
 * store answers the node's reads of what it has just written without asking the database. Not
 * thread-safe: the store calls it under its own lock.
 */
final class ChangeWriter {

  /** Prepares (once) the statement of a SQL text on the store's connection. */
  @FunctionalInterface
  interface Statements {
    PreparedStatement prepare(String sql) throws SQLException;
  }

  static final List<String> ATTEMPT_KEY = List.of("attempt_id");
  static final List<String> ATTEMPT_COLUMNS =
      List.of("attempt_id", "referral_id", "status", "version", "record_json");
  static final List<String> SEQUENCE_KEY = List.of("attempt_id", "sender_key");
  static final List<String> SEQUENCE_COLUMNS =
      List.of("attempt_id", "sender_key", "next_seq", "updated_at");
  static final List<String> OUTBOX_KEY = List.of("message_id");
  static final List<String> OUTBOX_COLUMNS =
      List.of("message_id", "position", "reliable", "message_json", "attempts", "next_due");
  static final List<String> CONSENT_KEY = List.of("consent_id");
  static final List<String> CONSENT_COLUMNS = List.of("consent_id", "version", "withdrawn");

  /** The first entry of a chain: inserts the head unless the referral has one. */
  static final String START_CHAIN =
      "INSERT INTO van_audit_head (referral_id, seq, hash) SELECT ?, ?, ?"
          + " WHERE NOT EXISTS (SELECT 1 FROM van_audit_head WHERE referral_id = ?)";

  /** A later entry: moves the head only from the entry it extends. */
  static final String EXTEND_CHAIN =
      "UPDATE van_audit_head SET seq = ?, hash = ? WHERE referral_id = ? AND seq = ? AND hash = ?";

  static final String INSERT_AUDIT =
      "INSERT INTO van_audit (referral_id, seq, hash, entry_json) VALUES (?, ?, ?, ?)";
  static final String INSERT_PROCESSED =
      "INSERT INTO van_processed (sender, message_id, payload_sha256, reply_json, processed_at)"
          + " VALUES (?, ?, ?, ?, ?)";
  static final String DELETE_OUTBOX = "DELETE FROM van_outbox WHERE message_id = ?";
  static final String RETRY_OUTBOX =
      "UPDATE van_outbox SET attempts = ?, next_due = ? WHERE message_id = ?";

  private final SqlDialect dialect;
  private final Statements statements;
  private final String upsertAttempt;
  private final String upsertSequence;
  private final String upsertOutbox;
  private final String upsertConsent;
  private final Map<AttemptId, AttemptRecord> attempts = new HashMap<>();
  private final Map<String, AuditEntry> heads = new HashMap<>();
  private long position;

  ChangeWriter(SqlDialect dialect, Statements statements, long position) {
    this.dialect = dialect;
    this.statements = statements;
    this.upsertAttempt = dialect.upsert("van_attempt", ATTEMPT_KEY, ATTEMPT_COLUMNS);
    this.upsertSequence = dialect.upsert("van_inbound_seq", SEQUENCE_KEY, SEQUENCE_COLUMNS);
    this.upsertOutbox = dialect.upsert("van_outbox", OUTBOX_KEY, OUTBOX_COLUMNS);
    this.upsertConsent = dialect.upsert("van_consent", CONSENT_KEY, CONSENT_COLUMNS);
    this.position = position;
  }

  /** The outbox position of the newest entry written. */
  long position() {
    return position;
  }

  /**
   * Forgets what the current transaction wrote (it ended) and sets the outbox position back to the
   * one it had when the transaction began if that rolled back.
   */
  void endTransaction(long positionAfter) {
    attempts.clear();
    heads.clear();
    position = positionAfter;
  }

  /** The attempt as the current transaction last wrote it, if it wrote it. */
  Optional<AttemptRecord> written(AttemptId attemptId) {
    return Optional.ofNullable(attempts.get(attemptId));
  }

  /** The audit entry the current transaction last appended to a referral, if it appended one. */
  Optional<AuditEntry> writtenHead(String referralId) {
    return Optional.ofNullable(heads.get(referralId));
  }

  /**
   * Writes the change inside the open transaction. On failure part of it may be written: the caller
   * rolls back.
   *
   * @throws ReferralStoreException if an audit entry does not extend its chain
   */
  void write(Change change) throws SQLException {
    if (dialect == SqlDialect.POSTGRESQL && PostgresChange.fits(change)) {
      position = PostgresChange.write(change, statements, position);
    } else {
      writeEach(change);
    }
    for (AttemptRecord a : change.attempts()) {
      attempts.put(a.attemptId(), a);
    }
    for (AuditEntry e : change.audit()) {
      heads.put(e.referralId(), e);
    }
  }

  /** Writes the change statement by statement (a batch for the rows of each table). */
  private void writeEach(Change change) throws SQLException {
    long at = change.at().orElse(Instant.EPOCH).toEpochMilli();
    for (AuditEntry e : change.audit()) {
      moveHead(e);
    }
    if (!change.audit().isEmpty()) {
      PreparedStatement in = batch(INSERT_AUDIT);
      for (AuditEntry e : change.audit()) {
        in.setString(1, e.referralId());
        in.setLong(2, e.sequence());
        in.setString(3, e.hash());
        in.setString(4, MessageCodec.toText(e.toJson()));
        in.addBatch();
      }
      in.executeBatch();
    }
    if (!change.attempts().isEmpty()) {
      PreparedStatement up = batch(upsertAttempt);
      for (AttemptRecord a : change.attempts()) {
        up.setString(1, a.attemptId().value());
        up.setString(2, a.referralId().value());
        up.setString(3, a.status().code());
        up.setLong(4, a.version());
        up.setString(5, MessageCodec.toText(RecordJson.toJson(a)));
        up.addBatch();
      }
      up.executeBatch();
    }
    if (change.processed().isPresent()) {
      ProcessedMessage p = change.processed().get();
      PreparedStatement in = statements.prepare(INSERT_PROCESSED);
      in.setString(1, p.sender().value());
      in.setString(2, p.messageId());
      in.setString(3, p.payloadSha256());
      in.setString(4, MessageCodec.toText(p.reply().toJson()));
      in.setLong(5, at);
      in.executeUpdate();
    }
    if (!change.sequences().isEmpty()) {
      PreparedStatement up = batch(upsertSequence);
      for (InboundSequence s : change.sequences()) {
        up.setString(1, s.attemptId().value());
        up.setString(2, s.senderKey());
        up.setLong(3, s.next());
        up.setLong(4, at);
        up.addBatch();
      }
      up.executeBatch();
    }
    if (!change.outboxRemove().isEmpty()) {
      PreparedStatement del = batch(DELETE_OUTBOX);
      for (String id : change.outboxRemove()) {
        del.setString(1, id);
        del.addBatch();
      }
      del.executeBatch();
    }
    if (!change.outboxAdd().isEmpty()) {
      // Replacing an entry gives it a new position: a message added again is the newest.
      PreparedStatement up = batch(upsertOutbox);
      for (OutboxEntry e : change.outboxAdd()) {
        up.setString(1, e.message().envelope().messageId());
        up.setLong(2, ++position);
        up.setBoolean(3, e.reliable());
        up.setString(4, MessageCodec.toText(e.message().toJson()));
        up.setInt(5, e.attempts());
        up.setLong(6, e.nextDue().toEpochMilli());
        up.addBatch();
      }
      up.executeBatch();
    }
    if (!change.outboxRetry().isEmpty()) {
      PreparedStatement up = batch(RETRY_OUTBOX);
      for (OutboxEntry e : change.outboxRetry()) {
        up.setInt(1, e.attempts());
        up.setLong(2, e.nextDue().toEpochMilli());
        up.setString(3, e.message().envelope().messageId());
        up.addBatch();
      }
      up.executeBatch();
    }
    if (!change.consents().isEmpty()) {
      PreparedStatement up = batch(upsertConsent);
      for (ConsentState c : change.consents()) {
        up.setString(1, c.consentId().value());
        up.setInt(2, c.version());
        up.setBoolean(3, c.withdrawn());
        up.addBatch();
      }
      up.executeBatch();
    }
  }

  /** The prepared statement of the SQL, without what a failed batch may have left in it. */
  private PreparedStatement batch(String sql) throws SQLException {
    PreparedStatement ps = statements.prepare(sql);
    ps.clearBatch();
    return ps;
  }

  /**
   * Moves the referral's audit head to the entry, in one statement that matches only if the entry
   * extends the recorded head (the first entry: only if there is none).
   */
  private void moveHead(AuditEntry e) throws SQLException {
    int moved;
    if (e.sequence() == 0) {
      moved = 0;
      if (e.previousHash().equals(AuditChain.GENESIS)) {
        PreparedStatement in = statements.prepare(START_CHAIN);
        in.setString(1, e.referralId());
        in.setLong(2, 0);
        in.setString(3, e.hash());
        in.setString(4, e.referralId());
        moved = in.executeUpdate();
      }
    } else {
      PreparedStatement up = statements.prepare(EXTEND_CHAIN);
      up.setLong(1, e.sequence());
      up.setString(2, e.hash());
      up.setString(3, e.referralId());
      up.setLong(4, e.sequence() - 1);
      up.setString(5, e.previousHash());
      moved = up.executeUpdate();
    }
    if (moved != 1) {
      throw notExtending(e);
    }
  }

  /** The refusal of an audit entry that does not extend the recorded chain. */
  static ReferralStoreException notExtending(AuditEntry e) {
    return new ReferralStoreException(
        "audit entry "
            + e.sequence()
            + " of referral "
            + e.referralId()
            + " does not extend the chain; nothing was applied");
  }
}
