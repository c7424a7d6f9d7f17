package org.vansdk.referral.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;

/**
 * A whole {@link Change} as one PostgreSQL statement: each write a data-modifying {@code WITH}
 * clause, and the statement's update count the number of audit heads it moved. One round trip to
 * the server instead of one per table; several changes of one shape can go in one JDBC batch.
 * PostgreSQL runs every clause of a statement on the same snapshot and leaves undefined which of
 * two writes to one row wins, so only a change that touches each row once {@link #fits}; the others
 * are written statement by statement. The audit entry of a clause whose head did not move is not
 * inserted, so a change that does not extend its chain fails on the count, with the store's own
 * message, and the caller rolls it back.
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

  /** The {@code WITH} clauses ({@code name AS (statement)}), then their statements alone. */
  private final List<String> clauses = new ArrayList<>();

  private final List<String> statements = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();
  private final List<String> heads = new ArrayList<>();

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
   * The change (which {@link #fits}) as one statement; the caller runs it, alone or in a batch with
   * others of the same text.
   *
   * @param position the outbox position of the newest entry (those added take the next ones)
   * @throws ReferralStoreException if a first audit entry does not start from the genesis hash
   */
  static ChangeWriter.Statement of(Change c, long position) {
    for (AuditEntry e : c.audit()) {
      if (e.sequence() == 0 && !e.previousHash().equals(AuditChain.GENESIS)) {
        throw ChangeWriter.notExtending(e);
      }
    }
    PostgresChange s = new PostgresChange();
    long at = c.at().orElse(Instant.EPOCH).toEpochMilli();
    for (AuditEntry e : c.audit()) {
      s.moveHead(e);
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
    return new ChangeWriter.Statement(s.text(c.audit()), s.values.toArray(), c.audit());
  }

  /** The clause that moves the entry's head; returns a row only if it moved. */
  private void moveHead(AuditEntry e) {
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
  }

  /**
   * The statement's text, whose main part inserts the audit entries, each only if its head moved,
   * so that its update count is the number of heads moved; without audit entries, the last clause
   * is the main part.
   */
  private String text(List<AuditEntry> entries) {
    String main;
    if (entries.isEmpty()) {
      clauses.remove(clauses.size() - 1);
      main = statements.get(statements.size() - 1);
    } else {
      StringBuilder insert =
          new StringBuilder("INSERT INTO van_audit (referral_id, seq, hash, entry_json) ");
      for (int i = 0; i < entries.size(); i++) {
        insert
            .append(i == 0 ? "" : " UNION ALL ")
            .append("SELECT ?, ?, ?, ? FROM ")
            .append(heads.get(i));
        values.addAll(List.of(ChangeWriter.auditRow(entries.get(i))));
      }
      main = insert.toString();
    }
    return clauses.isEmpty() ? main : "WITH " + String.join(", ", clauses) + " " + main;
  }

  private void clause(String statement, Object... parameters) {
    named("w" + clauses.size(), statement, parameters);
  }

  private void named(String name, String statement, Object... parameters) {
    clauses.add(name + " AS (" + statement + ")");
    statements.add(statement);
    values.addAll(List.of(parameters));
  }
}
