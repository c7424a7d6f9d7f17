package org.vansdk.referral.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;

/**
 * A whole {@link Change} as one PostgreSQL statement: each write a data-modifying {@code WITH}
 * clause, and the statement's one row the number of audit heads it moved. One round trip to the
 * server instead of one per table. PostgreSQL runs every clause of a statement on the same snapshot
 * and leaves undefined which of two writes to one row wins, so only a change that touches each row
 * once {@link #fits}; the others are written statement by statement. The audit entry of a clause
 * whose head did not move is not inserted, so a change that does not extend its chain fails on the
 * count, with the store's own message, and the caller rolls it back.
 */
final class PostgresChange {

  /**
   * The most rows a change written as one statement may have: each shape of change is a statement
   * text of its own, prepared once and kept, and the changes of a node have few shapes this small
   * (larger ones, a dispatcher's round of acknowledgements, are batched per table instead).
   */
  static final int MAX_ROWS = 8;

  private static final String UPSERT_ATTEMPT =
      upsert("van_attempt", ChangeWriter.ATTEMPT_KEY, ChangeWriter.ATTEMPT_COLUMNS);
  private static final String UPSERT_SEQUENCE =
      upsert("van_inbound_seq", ChangeWriter.SEQUENCE_KEY, ChangeWriter.SEQUENCE_COLUMNS);
  private static final String UPSERT_OUTBOX =
      upsert("van_outbox", ChangeWriter.OUTBOX_KEY, ChangeWriter.OUTBOX_COLUMNS);
  private static final String UPSERT_CONSENT =
      upsert("van_consent", ChangeWriter.CONSENT_KEY, ChangeWriter.CONSENT_COLUMNS);

  private final StringBuilder sql = new StringBuilder("WITH ");
  private final List<Object> values = new ArrayList<>();
  private final List<String> heads = new ArrayList<>();
  private int clauses;

  private PostgresChange() {}

  private static String upsert(String table, List<String> key, List<String> columns) {
    return SqlDialect.POSTGRESQL.upsert(table, key, columns);
  }

  /** True if the change is small and writes each row once. */
  static boolean fits(Change c) {
    int rows =
        c.attempts().size()
            + c.audit().size()
            + (c.processed().isPresent() ? 1 : 0)
            + c.sequences().size()
            + c.outboxAdd().size()
            + c.outboxRetry().size()
            + c.outboxRemove().size()
            + c.consents().size();
    if (rows > MAX_ROWS) {
      return false;
    }
    Set<String> outbox = new HashSet<>(c.outboxRemove());
    return outbox.size() == c.outboxRemove().size()
        && distinct(c.attempts().stream().map(a -> a.attemptId().value()).toList())
        && distinct(c.audit().stream().map(AuditEntry::referralId).toList())
        && distinct(
            c.sequences().stream().map(s -> s.attemptId().value() + "|" + s.senderKey()).toList())
        && distinct(c.consents().stream().map(s -> s.consentId().value()).toList())
        && c.outboxAdd().stream().allMatch(e -> outbox.add(e.message().envelope().messageId()))
        && c.outboxRetry().stream().allMatch(e -> outbox.add(e.message().envelope().messageId()));
  }

  private static boolean distinct(List<String> keys) {
    return new HashSet<>(keys).size() == keys.size();
  }

  /**
   * Writes the change (which {@link #fits}) in one statement.
   *
   * @param position the outbox position of the newest entry; returned moved past those added
   * @throws ReferralStoreException if an audit entry does not extend its chain (the caller rolls
   *     back what the statement wrote)
   */
  static long write(Change c, ChangeWriter.Statements statements, long position)
      throws SQLException {
    for (AuditEntry e : c.audit()) {
      if (e.sequence() == 0 && !e.previousHash().equals(AuditChain.GENESIS)) {
        throw ChangeWriter.notExtending(e);
      }
    }
    PostgresChange s = new PostgresChange();
    long at = c.at().orElse(Instant.EPOCH).toEpochMilli();
    for (AuditEntry e : c.audit()) {
      s.audit(e);
    }
    for (AttemptRecord a : c.attempts()) {
      s.clause(UPSERT_ATTEMPT, ChangeWriter.attemptRow(a));
    }
    if (c.processed().isPresent()) {
      s.clause(ChangeWriter.INSERT_PROCESSED, ChangeWriter.processedRow(c.processed().get(), at));
    }
    for (InboundSequence q : c.sequences()) {
      s.clause(UPSERT_SEQUENCE, ChangeWriter.sequenceRow(q, at));
    }
    for (String id : c.outboxRemove()) {
      s.clause(ChangeWriter.DELETE_OUTBOX, id);
    }
    long next = position;
    for (OutboxEntry e : c.outboxAdd()) {
      s.clause(UPSERT_OUTBOX, ChangeWriter.outboxRow(e, ++next));
    }
    for (OutboxEntry e : c.outboxRetry()) {
      s.clause(ChangeWriter.RETRY_OUTBOX, ChangeWriter.retryRow(e));
    }
    for (ConsentState k : c.consents()) {
      s.clause(UPSERT_CONSENT, ChangeWriter.consentRow(k));
    }
    int moved = s.run(statements);
    if (moved != c.audit().size()) {
      throw c.audit().size() == 1
          ? ChangeWriter.notExtending(c.audit().get(0))
          : new ReferralStoreException(
              "an audit entry of referrals "
                  + c.audit().stream().map(AuditEntry::referralId).toList()
                  + " does not extend its chain; nothing was applied");
    }
    return next;
  }

  /** Moves the head in one clause and appends the entry in another, only if the head moved. */
  private void audit(AuditEntry e) {
    String head = "h" + heads.size();
    if (e.sequence() == 0) {
      named(
          head,
          ChangeWriter.START_CHAIN + " RETURNING 1",
          e.referralId(),
          0L,
          e.hash(),
          e.referralId());
    } else {
      named(
          head,
          ChangeWriter.EXTEND_CHAIN + " RETURNING 1",
          e.sequence(),
          e.hash(),
          e.referralId(),
          e.sequence() - 1,
          e.previousHash());
    }
    heads.add(head);
    clause(
        "INSERT INTO van_audit (referral_id, seq, hash, entry_json) SELECT ?, ?, ?, ? FROM " + head,
        ChangeWriter.auditRow(e));
  }

  private void clause(String statement, Object... parameters) {
    named("w" + clauses, statement, parameters);
  }

  private void named(String name, String statement, Object... parameters) {
    if (clauses++ > 0) {
      sql.append(", ");
    }
    sql.append(name).append(" AS (").append(statement).append(')');
    values.addAll(List.of(parameters));
  }

  /** Runs the statement; returns how many audit heads it moved. */
  private int run(ChangeWriter.Statements statements) throws SQLException {
    sql.append(" SELECT 0");
    for (String head : heads) {
      sql.append(" + (SELECT COUNT(*) FROM ").append(head).append(')');
    }
    PreparedStatement ps = statements.prepare(sql.toString());
    ChangeWriter.bind(ps, 0, values.toArray());
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
