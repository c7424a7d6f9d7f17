package org.vansdk.referral.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>Some changes are not written at once but held back, and the held statements of one text go
 * together in one JDBC batch before the next statement of the transaction and before the commit
 * ({@link #flush}): a change that only removes outbox entries (a received acknowledgement's;
 * removing a row cannot be refused, so holding it back changes no change's fate), and on PostgreSQL
 * a change the store says the database will take. A feed of a hundred acknowledgements, or the
 * changes of a hundred received referrals, is then one round trip rather than a hundred.
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

  /**
   * A statement written or held back: a change as one statement ({@link PostgresChange}), or an
   * outbox removal.
   *
   * @param sql its text
   * @param values its parameters
   * @param audit the audit entries it appends: its update count must be their number
   */
  record Statement(String sql, Object[] values, List<AuditEntry> audit) {

    /** An outbox removal: a statement of any update count. */
    static Statement removal(String messageId) {
      return new Statement(DELETE_OUTBOX, new Object[] {messageId}, List.of());
    }

    /** Whether the statement ran as it must have: with audit entries, all its heads moved. */
    boolean ran(int updateCount) {
      return audit.isEmpty() || updateCount == audit.size();
    }

    /** The refusal of a statement that did not move all its heads. */
    ReferralStoreException refusal() {
      return audit.size() == 1
          ? notExtending(audit.get(0))
          : new ReferralStoreException(
              "an audit entry of referrals "
                  + audit.stream().map(AuditEntry::referralId).toList()
                  + " does not extend its chain; nothing was applied");
    }
  }

  private final SqlDialect dialect;
  private final Statements statements;
  private final String upsertAttempt;
  private final String upsertSequence;
  private final String upsertOutbox;
  private final String upsertConsent;
  private final Map<AttemptId, AttemptRecord> attempts = new HashMap<>();
  private final Map<String, AuditEntry> heads = new HashMap<>();

  /** Statements of the current transaction not yet run, in order: see {@link #flush}. */
  private final List<Statement> held = new ArrayList<>();

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
    held.clear();
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
   * Writes the change inside the open transaction, or holds it back (see the class comment) if it
   * only removes outbox entries or, on PostgreSQL, if the caller says it {@code mayWait}: the store
   * knows that the database will take it. On failure part of it may be written: the caller rolls
   * back.
   *
   * @throws ReferralStoreException if an audit entry does not extend its chain
   */
  void write(Change change, boolean mayWait) throws SQLException {
    if (onlyRemoves(change)) {
      for (String id : change.outboxRemove()) {
        held.add(Statement.removal(id));
      }
      return;
    }
    if (dialect == SqlDialect.POSTGRESQL && PostgresChange.fits(change)) {
      Statement s = PostgresChange.of(change, position);
      if (mayWait) {
        held.add(s);
      } else {
        flush();
        run(List.of(s));
      }
      position += change.outboxAdd().size();
    } else {
      flush();
      writeEach(change);
    }
    for (AttemptRecord a : change.attempts()) {
      attempts.put(a.attemptId(), a);
    }
    for (AuditEntry e : change.audit()) {
      heads.put(e.referralId(), e);
    }
  }

  /**
   * Runs the statements held back, in order, those of one text together in one JDBC batch: the
   * store calls it before any other statement of the transaction (a read included) and before
   * committing.
   *
   * @throws ReferralStoreException if a held change does not extend its audit chain (the caller
   *     rolls the transaction back)
   */
  void flush() throws SQLException {
    if (held.isEmpty()) {
      return;
    }
    List<Statement> all = new ArrayList<>(held);
    held.clear();
    int from = 0;
    for (int i = 1; i <= all.size(); i++) {
      if (i == all.size() || !all.get(i).sql().equals(all.get(from).sql())) {
        run(all.subList(from, i));
        from = i;
      }
    }
  }

  /** Runs statements of one text (alone, or as one batch) and checks their update counts. */
  private void run(List<Statement> same) throws SQLException {
    PreparedStatement ps = statements.prepare(same.get(0).sql());
    int[] counts;
    if (same.size() == 1) {
      bind(ps, 0, same.get(0).values());
      counts = new int[] {ps.executeUpdate()};
    } else {
      ps.clearBatch(); // what a failed batch may have left in it
      for (Statement s : same) {
        bind(ps, 0, s.values());
        ps.addBatch();
      }
      counts = ps.executeBatch();
    }
    for (int i = 0; i < same.size(); i++) {
      if (!same.get(i).ran(counts[i])) {
        throw same.get(i).refusal();
      }
    }
  }

  /** Whether the change only removes outbox entries: such a change is always held back. */
  static boolean onlyRemoves(Change c) {
    return !c.outboxRemove().isEmpty()
        && c.attempts().isEmpty()
        && c.audit().isEmpty()
        && c.processed().isEmpty()
        && c.sequences().isEmpty()
        && c.outboxAdd().isEmpty()
        && c.outboxRetry().isEmpty()
        && c.consents().isEmpty();
  }

  /** Writes the change statement by statement (a batch for the rows of each table). */
  private void writeEach(Change change) throws SQLException {
    long at = change.at().orElse(Instant.EPOCH).toEpochMilli();
    for (AuditEntry e : change.audit()) {
      moveHead(e);
    }
    writeRows(INSERT_AUDIT, change.audit().stream().map(ChangeWriter::auditRow).toList());
    writeRows(upsertAttempt, change.attempts().stream().map(ChangeWriter::attemptRow).toList());
    writeRows(INSERT_PROCESSED, change.processed().stream().map(p -> processedRow(p, at)).toList());
    writeRows(upsertSequence, change.sequences().stream().map(q -> sequenceRow(q, at)).toList());
    writeRows(DELETE_OUTBOX, idRows(change.outboxRemove()));
    // Replacing an entry gives it a new position: a message added again is the newest.
    List<Object[]> added = new ArrayList<>(change.outboxAdd().size());
    for (OutboxEntry e : change.outboxAdd()) {
      added.add(outboxRow(e, ++position));
    }
    writeRows(upsertOutbox, added);
    writeRows(RETRY_OUTBOX, change.outboxRetry().stream().map(ChangeWriter::retryRow).toList());
    writeRows(upsertConsent, change.consents().stream().map(ChangeWriter::consentRow).toList());
  }

  /** Writes rows with one statement: alone, or as one JDBC batch for several. */
  private void writeRows(String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    PreparedStatement ps = statements.prepare(sql);
    if (rows.size() == 1) {
      bind(ps, 0, rows.get(0));
      ps.executeUpdate();
      return;
    }
    ps.clearBatch(); // what a failed batch may have left in it
    for (Object[] row : rows) {
      bind(ps, 0, row);
      ps.addBatch();
    }
    ps.executeBatch();
  }

  /**
   * Sets the values as the statement's parameters from {@code offset + 1} on, each by its type (the
   * row builders below give texts, {@code long}s, {@code int}s and booleans).
   *
   * @return the offset after the last value set
   */
  static int bind(PreparedStatement ps, int offset, Object... values) throws SQLException {
    int i = offset;
    for (Object v : values) {
      i++;
      if (v instanceof String text) {
        ps.setString(i, text);
      } else if (v instanceof Long number) {
        ps.setLong(i, number);
      } else if (v instanceof Integer number) {
        ps.setInt(i, number);
      } else {
        ps.setBoolean(i, (Boolean) v);
      }
    }
    return i;
  }

  // The parameters of each table's row, in the order of its statement: one place for both ways
  // of writing a change (here, and PostgresChange's single statement).

  static Object[] auditRow(AuditEntry e) {
    return new Object[] {e.referralId(), e.sequence(), e.hash(), MessageCodec.toText(e.toJson())};
  }

  static Object[] attemptRow(AttemptRecord a) {
    return new Object[] {
      a.attemptId().value(),
      a.referralId().value(),
      a.status().code(),
      a.version(),
      MessageCodec.toText(RecordJson.toJson(a))
    };
  }

  static Object[] processedRow(ProcessedMessage p, long at) {
    return new Object[] {
      p.sender().value(),
      p.messageId(),
      p.payloadSha256(),
      MessageCodec.toText(p.reply().toJson()),
      at
    };
  }

  static Object[] sequenceRow(InboundSequence q, long at) {
    return new Object[] {q.attemptId().value(), q.senderKey(), q.next(), at};
  }

  static Object[] outboxRow(OutboxEntry e, long position) {
    return new Object[] {
      e.message().envelope().messageId(),
      position,
      e.reliable(),
      MessageCodec.toText(e.message().toJson()),
      e.attempts(),
      e.nextDue().toEpochMilli()
    };
  }

  /** The rows of a statement whose one parameter is a message id. */
  private static List<Object[]> idRows(List<String> ids) {
    return ids.stream().map(id -> new Object[] {id}).toList();
  }

  static Object[] retryRow(OutboxEntry e) {
    return new Object[] {
      e.attempts(), e.nextDue().toEpochMilli(), e.message().envelope().messageId()
    };
  }

  static Object[] consentRow(ConsentState c) {
    return new Object[] {c.consentId().value(), c.version(), c.withdrawn()};
  }

  /**
   * Moves the referral's audit head to the entry, in one statement that matches only if the entry
   * extends the recorded head (the first entry: only if there is none).
   */
  private void moveHead(AuditEntry e) throws SQLException {
    int moved = 0;
    if (e.sequence() != 0) {
      PreparedStatement up = statements.prepare(EXTEND_CHAIN);
      bind(up, 0, e.sequence(), e.hash(), e.referralId(), e.sequence() - 1, e.previousHash());
      moved = up.executeUpdate();
    } else if (e.previousHash().equals(AuditChain.GENESIS)) {
      PreparedStatement in = statements.prepare(START_CHAIN);
      bind(in, 0, e.referralId(), 0L, e.hash(), e.referralId());
      moved = in.executeUpdate();
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
