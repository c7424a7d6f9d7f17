package org.vansdk.referral.store;

import static java.util.Collections.nCopies;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.id.AttemptId;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;

/**
 * What a transaction of {@link JdbcReferralStore} read ahead for the messages it is about to
 * receive ({@link ReferralStore#prefetch}): their processed-message records, attempts, inbound
 * sequences and audit heads, one query a table for them all where the node would ask once a message
 * and table (on PostgreSQL each a round trip made under the node's lock). An entry is dropped as
 * soon as a change of the transaction writes its row, so what is kept is what the database holds;
 * all is forgotten when the transaction ends. Not thread-safe: the store uses it under its lock.
 */
final class ReadAhead {

  /**
   * The most keys one query asks for; more take several. Each query's number of keys is rounded up
   * to a power of two (the last key repeated), so that a store prepares at most eight texts a
   * table.
   */
  static final int MAX_KEYS = 128;

  private final Map<String, Optional<ProcessedMessage>> processed = new HashMap<>();
  private final Map<AttemptId, Optional<AttemptRecord>> attempts = new HashMap<>();
  private final Map<String, Long> sequences = new HashMap<>();
  private final Map<String, Optional<AuditEntry>> heads = new HashMap<>();

  /**
   * Reads the records of the messages not already known: a processed-message record by sender and
   * id, the attempt, the sequence by attempt and sender key, the referral's last audit entry.
   */
  void fetch(Collection<Envelope> received, ChangeWriter.Statements statements)
      throws SQLException {
    // What is not known yet is marked absent here; the queries below replace what they find (and
    // only that: Map.replace leaves keys not asked for out).
    // Each look-up takes one key (PostgreSQL plans a look-up of two anew at each execution, which
    // costs more than the round trips it saves); rows of keys not asked for are left out.
    Set<String> messageIds = new LinkedHashSet<>();
    Set<String> attemptIds = new LinkedHashSet<>();
    Set<String> sequenceAttempts = new LinkedHashSet<>();
    Set<String> referralIds = new LinkedHashSet<>();
    for (Envelope e : received) {
      String attempt = e.attemptId().value();
      if (processed.putIfAbsent(
              processedKey(e.sender().organisation().value(), e.messageId()), Optional.empty())
          == null) {
        messageIds.add(e.messageId());
      }
      if (attempts.putIfAbsent(e.attemptId(), Optional.empty()) == null) {
        attemptIds.add(attempt);
      }
      if (sequences.putIfAbsent(sequenceKey(attempt, e.sender().senderKey()), 1L) == null) {
        sequenceAttempts.add(attempt);
      }
      if (heads.putIfAbsent(e.correlationId().value(), Optional.empty()) == null) {
        referralIds.add(e.correlationId().value());
      }
    }
    query(
        statements,
        "SELECT sender, message_id, payload_sha256, reply_json FROM van_processed"
            + " WHERE message_id = ?",
        messageIds,
        rs ->
            processed.replace(
                processedKey(rs.getString(1), rs.getString(2)),
                Optional.of(
                    new ProcessedMessage(
                        rs.getString(2),
                        rs.getString(3),
                        Message.fromJson(RecordJson.parse(rs.getString(4)))))));
    query(
        statements,
        "SELECT record_json FROM van_attempt WHERE attempt_id = ?",
        attemptIds,
        rs -> {
          AttemptRecord a = RecordJson.fromJson(RecordJson.parse(rs.getString(1)));
          attempts.put(a.attemptId(), Optional.of(a));
        });
    query(
        statements,
        "SELECT attempt_id, sender_key, next_seq FROM van_inbound_seq WHERE attempt_id = ?",
        sequenceAttempts,
        rs -> sequences.replace(sequenceKey(rs.getString(1), rs.getString(2)), rs.getLong(3)));
    query(
        statements,
        "SELECT a.entry_json FROM van_audit a WHERE a.referral_id = ?"
            + " AND a.seq = (SELECT h.seq FROM van_audit_head h WHERE h.referral_id = a.referral_id)",
        referralIds,
        rs -> {
          AuditEntry e = AuditEntry.fromJson(RecordJson.parse(rs.getString(1)));
          heads.put(e.referralId(), Optional.of(e));
        });
  }

  /** Reads one row of a look-up's result. */
  @FunctionalInterface
  interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs the look-up of one key ({@code sql}, one parameter) for every key, as one statement: the
   * look-ups joined by {@code UNION ALL}, at most {@link #MAX_KEYS} a statement. Each is a
   * primary-key look-up that every database plans as one; an {@code IN} list instead may be planned
   * as a scan, and PostgreSQL keeps the plan it made for a prepared statement while the table was
   * still empty.
   */
  static void query(
      ChangeWriter.Statements statements, String sql, Collection<String> keys, Row row)
      throws SQLException {
    List<String> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += MAX_KEYS) {
      List<String> part = all.subList(from, Math.min(all.size(), from + MAX_KEYS));
      int size = Integer.highestOneBit(part.size());
      size = size == part.size() ? size : size * 2;
      PreparedStatement ps = statements.prepare(String.join(" UNION ALL ", nCopies(size, sql)));
      for (int i = 0; i < size; i++) {
        ps.setString(i + 1, part.get(Math.min(i, part.size() - 1)));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    }
  }

  /** The processed-message record read ahead: empty if not read, else what the database holds. */
  Optional<Optional<ProcessedMessage>> processed(String sender, String messageId) {
    return Optional.ofNullable(processed.get(processedKey(sender, messageId)));
  }

  /** The attempt read ahead: empty if not read, else what the database holds. */
  Optional<Optional<AttemptRecord>> attempt(AttemptId attemptId) {
    return Optional.ofNullable(attempts.get(attemptId));
  }

  /** The next inbound sequence read ahead, if read. */
  Optional<Long> nextInboundSequence(String attemptId, String senderKey) {
    return Optional.ofNullable(sequences.get(sequenceKey(attemptId, senderKey)));
  }

  /**
   * The referral's last audit entry read ahead: empty if not read, else what the database holds.
   */
  Optional<Optional<AuditEntry>> lastAudit(String referralId) {
    return Optional.ofNullable(heads.get(referralId));
  }

  /** Drops what the change writes: from now on those rows are read from the database again. */
  void forget(Change c) {
    c.processed().ifPresent(p -> processed.remove(processedKey(p.sender().value(), p.messageId())));
    for (AttemptRecord a : c.attempts()) {
      attempts.remove(a.attemptId());
    }
    for (InboundSequence q : c.sequences()) {
      sequences.remove(sequenceKey(q.attemptId().value(), q.senderKey()));
    }
    for (AuditEntry e : c.audit()) {
      heads.remove(e.referralId());
    }
  }

  /** Forgets everything (the transaction ended). */
  void clear() {
    processed.clear();
    attempts.clear();
    sequences.clear();
    heads.clear();
  }

  private static String processedKey(String sender, String messageId) {
    return sender + '\n' + messageId;
  }

  private static String sequenceKey(String attemptId, String senderKey) {
    return attemptId + '\n' + senderKey;
  }
}
