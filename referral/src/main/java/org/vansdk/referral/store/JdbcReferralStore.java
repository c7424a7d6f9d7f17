package org.vansdk.referral.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;

/**
 * A {@link ReferralStore} over JDBC, tested on H2 2.x (embedded, the default: give a file path) and
 * PostgreSQL 12+. Every {@link #commit} is one database transaction holding the attempt state, the
 * audit entries, the processed-message record and the outbox changes, so a crash at any point
 * neither loses a message nor sends one twice. The schema is created and migrated on open
 * (versioned, see {@code van_referral_schema}). On H2 the store sets {@code WRITE_DELAY 0}, so a
 * commit is written to the file before {@code commit} returns and survives the process being killed
 * (tested by killing a writing process); whether it survives power loss also depends on the
 * operating system's and the disk's write caches. It also sets {@code MAX_LENGTH_INPLACE_LOB} to
 * 16,384 (a setting the database file keeps), so that stored JSON up to that length stays in its
 * row; values written before stay readable where they are.
 *
 * <p>A commit costs few requests to the database: on PostgreSQL, where each is a round trip made
 * while the node waits, a change of a referral is one statement, and a commit inside {@link
 * #atomically} sets no savepoint (a change the database refuses there is undone by rolling back and
 * writing again the changes before it), and the changes of a received batch are written together
 * (see {@link #commit}). Reads of what the open transaction wrote are answered without asking the
 * database.
 *
 * <p>One store object owns one connection and serialises its use; one node writes to a database.
 * Thread-safe.
 *
 * @since 1.0
 */
public final class JdbcReferralStore implements ReferralStore {

  /** The longest stored text H2 keeps in its row (characters); see the constructor. */
  static final int H2_INPLACE_LOB = 16_384;

  /** The page size the store asks H2 for (bytes), unless the URL chooses one. */
  static final int H2_PAGE_SIZE = 4096;

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final ChangeWriter writer;

  /** When each outbox entry is next due, as committed: see {@link #outboxDue}. */
  private final DueIndex dueIndex = new DueIndex();

  /** What the open transaction read ahead ({@link #prefetch}). */
  private final ReadAhead ahead = new ReadAhead();

  /**
   * The most message ids kept of batches whose held-back changes the database refused: when one of
   * them is received again, its transaction writes each change at once (see {@link #commit}).
   */
  static final int MAX_SUSPECTS = 4096;

  private final Set<String> suspects = new LinkedHashSet<>();

  /** The message ids the open transaction read ahead for ({@link #prefetch}). */
  private final List<String> batch = new ArrayList<>();

  /** Whether the open transaction may hold changes back: see {@link #commit}. */
  private boolean holding;

  /** The changes committed in the open transaction, in order: see {@link #commit}. */
  private final List<Change> written = new ArrayList<>();

  private boolean inTransaction;

  /** The outbox position when the open transaction began. */
  private long positionBefore;

  /**
   * Set when the open transaction could not be brought back to its state before a refused change:
   * nothing more is written and the transaction rolls back.
   */
  private @Nullable ReferralStoreException broken;

  /**
   * Whether processed-message records from before schema version 3 (no sender) may remain: only
   * then does {@link #processed(OrganisationId, String)} look for one. No new one is ever written.
   */
  private boolean legacyProcessed;

  private JdbcReferralStore(Connection connection) throws SQLException {
    this.connection = connection;
    SqlDialect dialect = SqlDialect.of(connection);
    if (dialect == SqlDialect.H2) {
      // H2 otherwise writes committed changes to its file up to 500 ms later: a process killed in
      // that window loses transactions the node already answered for.
      try (Statement s = connection.createStatement()) {
        s.execute("SET WRITE_DELAY 0");
        // Stored JSON (records, messages, replies: a few KiB) is kept in its row rather than in
        // H2's separate LOB maps, which every commit would rewrite as well (three more maps a
        // commit: a quarter of a referral's CPU in the end-to-end benchmark); larger ones go there.
        s.execute("SET MAX_LENGTH_INPLACE_LOB " + H2_INPLACE_LOB);
      } catch (SQLException e) {
        throw new ReferralStoreException(
            "the H2 user cannot set WRITE_DELAY 0 (it needs admin rights); without it a killed"
                + " process loses its last commits, so the store refuses to open (SQL state "
                + e.getSQLState()
                + ")",
            e);
      }
    }
    SchemaMigrations.migrate(connection);
    // Reads run in auto-commit mode; commit() opens one transaction per change.
    connection.setAutoCommit(true);
    long position;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(position), 0) FROM van_outbox")) {
      rs.next();
      position = rs.getLong(1);
    }
    writer = new ChangeWriter(dialect, this::prepare, position);
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT message_id, next_due FROM van_outbox ORDER BY position")) {
      while (rs.next()) {
        dueIndex.load(rs.getString(1), rs.getLong(2));
      }
    }
    legacyProcessed = findLegacyProcessed();
  }

  private boolean findLegacyProcessed() {
    return !read(
            "processed messages",
            "SELECT 1 FROM van_processed WHERE sender = '' FETCH FIRST 1 ROWS ONLY",
            ps -> {},
            rs -> Boolean.TRUE)
        .isEmpty();
  }

  /**
   * Opens (creating or migrating if needed) an embedded H2 database in a file.
   *
   * @param file the database file path without the {@code .mv.db} suffix
   * @throws ReferralStoreException if the database cannot be opened or migrated
   */
  public static JdbcReferralStore h2File(Path file) {
    return open("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  /**
   * Opens a store on a JDBC URL (H2 or PostgreSQL), creating or migrating its tables. On H2 it asks
   * for pages of {@value #H2_PAGE_SIZE} bytes unless the URL sets {@code PAGE_SIZE} itself: each
   * commit rewrites every page it touched, and the store's rows hold JSON of a few KiB, so H2's
   * default of 16 KiB makes a commit write about four times what it changed (the smaller pages cut
   * the receiver's CPU time for a message received alone by about an eighth).
   *
   * @throws ReferralStoreException if the database cannot be opened or migrated
   */
  public static JdbcReferralStore open(String jdbcUrl) {
    Connection connection;
    try {
      connection = DriverManager.getConnection(withH2PageSize(jdbcUrl));
    } catch (SQLException e) {
      throw new ReferralStoreException(
          "cannot open the referral store (SQL state " + e.getSQLState() + ")", e);
    }
    return using(connection);
  }

  /** The URL with {@code PAGE_SIZE} set to {@link #H2_PAGE_SIZE} if it is H2's and sets none. */
  static String withH2PageSize(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:h2:")
        || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";PAGE_SIZE=")) {
      return jdbcUrl;
    }
    return jdbcUrl + ";PAGE_SIZE=" + H2_PAGE_SIZE;
  }

  /**
   * Uses an open connection (the store takes ownership and closes it, also when this fails),
   * creating or migrating its tables. On H2 it sets the database's WRITE_DELAY to 0 (for as long as
   * the database is open: H2 2.x does not keep it in the file) and MAX_LENGTH_INPLACE_LOB to 16,384
   * (kept in the file); both need admin rights and apply to every connection to that database.
   *
   * @throws ReferralStoreException if the tables cannot be created or migrated, or an H2 user
   *     without admin rights cannot make commits durable
   */
  public static JdbcReferralStore using(Connection connection) {
    try {
      return new JdbcReferralStore(connection);
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException close) {
        e.addSuppressed(close);
      }
      if (e instanceof ReferralStoreException) {
        throw (ReferralStoreException) e;
      }
      throw new ReferralStoreException(
          "cannot prepare the referral store"
              + (e instanceof SQLException
                  ? " (SQL state " + ((SQLException) e).getSQLState() + ")"
                  : ""),
          e);
    }
  }

  /** The schema version of the database (after migration, the current one). */
  public synchronized int schemaVersion() {
    return read(
            "schema version",
            "SELECT MAX(version) FROM van_referral_schema",
            ps -> {},
            rs -> rs.getInt(1))
        .get(0);
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> read(String what, String sql, Binder binder, RowReader<T> reader) {
    flushHeld();
    try {
      PreparedStatement ps = prepare(sql);
      binder.bind(ps);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(reader.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new ReferralStoreException(
          "cannot read " + what + " (SQL state " + e.getSQLState() + ")", e);
    }
  }

  /**
   * Writes the changes the writer holds back, before a statement that might see them; if that
   * fails, the transaction cannot be kept and rolls back at its end, and the messages it received
   * are remembered so that, received again, their changes are written one by one.
   */
  private void flushHeld() {
    try {
      writer.flush();
    } catch (SQLException | RuntimeException e) {
      suspect();
      broken = failure("cannot write the changes held back for this transaction", e);
      throw broken;
    }
  }

  /** Remembers the open transaction's batch as one whose held-back changes were refused. */
  private void suspect() {
    for (String id : batch) {
      suspects.remove(id);
      suspects.add(id);
    }
    Iterator<String> oldest = suspects.iterator();
    while (suspects.size() > MAX_SUSPECTS) {
      oldest.next();
      oldest.remove();
    }
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static Message message(String json) {
    return Message.fromJson(RecordJson.parse(json));
  }

  @Override
  public synchronized Optional<AttemptRecord> attempt(AttemptId attemptId) {
    Optional<AttemptRecord> written = writer.written(attemptId);
    if (written.isPresent()) {
      return written;
    }
    Optional<Optional<AttemptRecord>> readAhead = ahead.attempt(attemptId);
    if (readAhead.isPresent()) {
      return readAhead.get();
    }
    return first(
        read(
            "attempt",
            "SELECT record_json FROM van_attempt WHERE attempt_id = ?",
            ps -> ps.setString(1, attemptId.value()),
            rs -> RecordJson.fromJson(RecordJson.parse(rs.getString(1)))));
  }

  @Override
  public synchronized List<AttemptRecord> attempts() {
    return read(
        "attempts",
        "SELECT record_json FROM van_attempt ORDER BY attempt_id",
        ps -> {},
        rs -> RecordJson.fromJson(RecordJson.parse(rs.getString(1))));
  }

  /** {@inheritDoc} */
  @Deprecated
  @Override
  public synchronized Optional<ProcessedMessage> processed(String messageId) {
    return first(
        read(
            "processed message",
            "SELECT payload_sha256, reply_json FROM van_processed WHERE message_id = ?"
                + " ORDER BY sender",
            ps -> ps.setString(1, messageId),
            rs -> new ProcessedMessage(messageId, rs.getString(1), message(rs.getString(2)))));
  }

  /**
   * {@inheritDoc} Records written before schema version 3 have no sender (the empty string) and
   * match any sender, as they did then; the sender's own record comes first.
   */
  @Override
  public synchronized Optional<ProcessedMessage> processed(
      OrganisationId sender, String messageId) {
    // Two primary-key look-ups: "sender IN (?, '')" makes H2 scan every record of the sender.
    Optional<ProcessedMessage> own =
        ahead
            .processed(sender.value(), messageId)
            .orElseGet(() -> processedFrom(sender.value(), messageId));
    return own.isPresent() || !legacyProcessed ? own : processedFrom("", messageId);
  }

  private Optional<ProcessedMessage> processedFrom(String sender, String messageId) {
    return first(
        read(
            "processed message",
            "SELECT payload_sha256, reply_json FROM van_processed"
                + " WHERE sender = ? AND message_id = ?",
            ps -> {
              ps.setString(1, sender);
              ps.setString(2, messageId);
            },
            rs -> new ProcessedMessage(messageId, rs.getString(1), message(rs.getString(2)))));
  }

  @Override
  public synchronized long nextInboundSequence(AttemptId attemptId, String senderKey) {
    Optional<Long> readAhead = ahead.nextInboundSequence(attemptId.value(), senderKey);
    if (readAhead.isPresent()) {
      return readAhead.get();
    }
    return first(
            read(
                "inbound sequence",
                "SELECT next_seq FROM van_inbound_seq WHERE attempt_id = ? AND sender_key = ?",
                ps -> {
                  ps.setString(1, attemptId.value());
                  ps.setString(2, senderKey);
                },
                rs -> rs.getLong(1)))
        .orElse(1L);
  }

  @Override
  public synchronized List<AuditEntry> audit(ReferralId referralId) {
    return read(
        "audit log",
        "SELECT entry_json FROM van_audit WHERE referral_id = ? ORDER BY seq",
        ps -> ps.setString(1, referralId.value()),
        rs -> AuditEntry.fromJson(RecordJson.parse(rs.getString(1))));
  }

  @Override
  public synchronized Optional<AuditEntry> lastAudit(ReferralId referralId) {
    Optional<Optional<AuditEntry>> known = knownHead(referralId);
    if (known.isPresent()) {
      return known.get();
    }
    return first(
        read(
            "audit log",
            "SELECT a.entry_json FROM van_audit a JOIN van_audit_head h"
                + " ON a.referral_id = h.referral_id AND a.seq = h.seq WHERE h.referral_id = ?",
            ps -> ps.setString(1, referralId.value()),
            rs -> AuditEntry.fromJson(RecordJson.parse(rs.getString(1)))));
  }

  @Override
  public synchronized String auditHead(ReferralId referralId) {
    Optional<Optional<AuditEntry>> known = knownHead(referralId);
    if (known.isPresent()) {
      return known.get().map(AuditEntry::hash).orElse(AuditChain.GENESIS);
    }
    return first(
            read(
                "audit head",
                "SELECT hash FROM van_audit_head WHERE referral_id = ?",
                ps -> ps.setString(1, referralId.value()),
                rs -> rs.getString(1)))
        .orElse(AuditChain.GENESIS);
  }

  /**
   * The referral's last audit entry if known without the database (this transaction appended it, or
   * read it ahead): empty if not known, else the entry or its absence.
   */
  private Optional<Optional<AuditEntry>> knownHead(ReferralId referralId) {
    return knownHead(referralId.value());
  }

  private Optional<Optional<AuditEntry>> knownHead(String referralId) {
    Optional<AuditEntry> written = writer.writtenHead(referralId);
    return written.isPresent() ? Optional.of(written) : ahead.lastAudit(referralId);
  }

  @Override
  public synchronized List<ReferralId> referrals() {
    return read(
        "referrals",
        "SELECT referral_id FROM van_audit_head ORDER BY referral_id",
        ps -> {},
        rs -> ReferralId.parse(rs.getString(1)));
  }

  @Override
  public synchronized List<OutboxEntry> outbox() {
    return read(
        "outbox",
        "SELECT message_json, reliable, attempts, next_due FROM van_outbox ORDER BY position",
        ps -> {},
        rs -> outboxEntry(rs, 1));
  }

  /**
   * {@inheritDoc} Reads and decodes only the due rows: the store knows when each entry is due
   * without reading the table (it keeps that in memory, about a hundred bytes an entry, and nothing
   * but this store writes its database), and reads the due ones by message id. Inside {@link
   * #atomically}, after the work's own commits, it asks the database.
   */
  @Override
  public synchronized List<OutboxEntry> outboxDue(Instant now) {
    if (inTransaction && !written.isEmpty()) {
      return outboxDueFromTable(now);
    }
    List<String> ids = dueIndex.dueAt(now.toEpochMilli());
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, OutboxEntry> rows = new HashMap<>();
    try {
      ReadAhead.query(
          this::prepare,
          "SELECT message_id, message_json, reliable, attempts, next_due FROM van_outbox"
              + " WHERE message_id = ?",
          ids,
          rs -> rows.put(rs.getString(1), outboxEntry(rs, 2)));
    } catch (SQLException e) {
      throw new ReferralStoreException("cannot read outbox (SQL state " + e.getSQLState() + ")", e);
    }
    List<OutboxEntry> due = new ArrayList<>(ids.size());
    for (String id : ids) {
      OutboxEntry e = rows.get(id);
      if (e != null && e.isDue(now)) {
        due.add(e);
      }
    }
    return due;
  }

  private List<OutboxEntry> outboxDueFromTable(Instant now) {
    return read(
        "outbox",
        "SELECT message_json, reliable, attempts, next_due FROM van_outbox WHERE next_due <= ?"
            + " ORDER BY position",
        ps -> ps.setLong(1, now.toEpochMilli()),
        rs -> outboxEntry(rs, 1));
  }

  /** The entry whose message JSON, reliability, attempts and next due time start at column. */
  private static OutboxEntry outboxEntry(ResultSet rs, int column) throws SQLException {
    return new OutboxEntry(
        message(rs.getString(column)),
        rs.getBoolean(column + 1),
        rs.getInt(column + 2),
        Instant.ofEpochMilli(rs.getLong(column + 3)));
  }

  @Override
  public synchronized Optional<ConsentState> consent(ConsentId consentId) {
    return first(
        read(
            "consent",
            "SELECT version, withdrawn FROM van_consent WHERE consent_id = ?",
            ps -> ps.setString(1, consentId.value()),
            rs -> new ConsentState(consentId, rs.getInt(1), rs.getBoolean(2))));
  }

  /**
   * {@inheritDoc} Inside {@link #atomically} it reads each of the four tables once for all the
   * messages (in queries of up to 128 keys) and answers the reads that follow from what it read,
   * until a change of the transaction writes the row; outside a transaction it does nothing.
   *
   * @throws ReferralStoreException if the database cannot be read
   */
  @Override
  public synchronized void prefetch(Collection<Envelope> received) {
    if (!inTransaction || received.isEmpty()) {
      return;
    }
    flushHeld();
    boolean first = batch.isEmpty();
    boolean suspected = false;
    for (Envelope e : received) {
      batch.add(e.messageId());
      suspected |= suspects.contains(e.messageId());
    }
    holding = (first || holding) && !suspected;
    try {
      ahead.fetch(received, this::prepare);
    } catch (SQLException | RuntimeException e) {
      ahead.clear();
      throw new ReferralStoreException(
          "cannot read ahead the records of received messages"
              + (e instanceof SQLException s ? " (SQL state " + s.getSQLState() + ")" : ""),
          e);
    }
  }

  /**
   * {@inheritDoc} Inside {@link #atomically}, a change the database refuses is undone alone and the
   * work goes on (a node refuses that one message of a batch): the store rolls the transaction back
   * and writes again the changes committed in it before, which costs nothing while no change fails,
   * where a savepoint around each change would cost two more round trips to the database.
   *
   * <p>On PostgreSQL, in a transaction that read ahead ({@link #prefetch}), a change the store can
   * tell the database will take (its audit entries extend the heads this transaction read ahead or
   * wrote, its processed-message record was read ahead as absent) is held back and written before
   * the next read or the commit, together with the others of its shape in one JDBC batch: a
   * received batch's changes cost one round trip instead of one each. If the database refuses a
   * held change after all (a value too long for its column), the whole transaction fails and
   * nothing of it is applied; the store remembers the ids of the messages it read ahead for (the
   * last {@value #MAX_SUSPECTS}), and a transaction that reads ahead for one of them again writes
   * each change at once, so that the refused change is refused alone when its sender resends.
   */
  @Override
  public synchronized void commit(Change change) {
    if (change.isEmpty()) {
      return;
    }
    if (!inTransaction) {
      atomically(
          () -> {
            commit(change);
            return null;
          });
      return;
    }
    if (broken != null) {
      throw new ReferralStoreException(
          "cannot commit the change: an earlier one of this transaction failed and the"
              + " transaction could not be restored; nothing of it will be applied",
          broken);
    }
    boolean mayWait = holding && taken(change);
    if (!mayWait && !ChangeWriter.onlyRemoves(change)) {
      flushHeld(); // a failure of what was held is not this change's
    }
    ahead.forget(change);
    try {
      writer.write(change, mayWait);
      written.add(change);
    } catch (SQLException | RuntimeException e) {
      restore(e);
      throw failure("cannot commit the change", e);
    }
  }

  /**
   * Whether the database will take the change as far as the store can tell without asking it: each
   * audit entry extends the head this transaction wrote or read ahead, and a processed-message
   * record is one the read-ahead found absent. (What else the database could refuse, a value too
   * long for its column, is caught by the fallback described at {@link #commit}.)
   */
  private boolean taken(Change change) {
    for (AuditEntry e : change.audit()) {
      Optional<Optional<AuditEntry>> known = knownHead(e.referralId());
      if (known.isEmpty()) {
        return false;
      }
      Optional<AuditEntry> head = known.get();
      boolean extending =
          e.sequence() == 0
              ? head.isEmpty() && e.previousHash().equals(AuditChain.GENESIS)
              : head.isPresent()
                  && head.get().sequence() == e.sequence() - 1
                  && head.get().hash().equals(e.previousHash());
      if (!extending) {
        return false;
      }
    }
    return change
        .processed()
        .map(
            p ->
                ahead
                    .processed(p.sender().value(), p.messageId())
                    .map(Optional::isEmpty)
                    .orElse(false))
        .orElse(true);
  }

  /**
   * Brings the open transaction back to where it was before the change that failed with {@code e}.
   */
  private void restore(Exception e) {
    try {
      connection.rollback();
      writer.endTransaction(positionBefore);
      for (Change c : written) {
        writer.write(c, false);
      }
    } catch (SQLException | RuntimeException again) {
      e.addSuppressed(again);
      broken = failure("cannot restore the transaction", again);
    }
  }

  /**
   * Runs the work in one database transaction: every {@link #commit} it makes is written at once
   * and reads inside it see them; at the end they are committed together (group commit), or, if the
   * work or the database fails, none of them is.
   */
  @Override
  public synchronized <T> T atomically(Supplier<T> work) {
    if (inTransaction) {
      return work.get();
    }
    positionBefore = writer.position();
    boolean committed = false;
    try {
      connection.setAutoCommit(false);
      inTransaction = true;
      T result = work.get();
      if (broken != null) {
        throw broken;
      }
      flushHeld();
      connection.commit();
      committed = true;
      batch.forEach(suspects::remove);
      for (Change c : written) {
        dueIndex.apply(c);
      }
      return result;
    } catch (SQLException | RuntimeException e) {
      if (e instanceof RuntimeException && !(e instanceof ReferralStoreException)) {
        throw (RuntimeException) e;
      }
      throw failure("cannot commit the change", e);
    } finally {
      inTransaction = false;
      broken = null;
      holding = false;
      batch.clear();
      written.clear();
      ahead.clear();
      // Also on an Error: turning auto-commit back on would commit the open transaction.
      writer.endTransaction(committed ? writer.position() : positionBefore);
      if (!committed) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          // The connection is broken; nothing of the work was committed.
        }
      }
      try {
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        // The connection is broken; the next use reports it.
      }
    }
  }

  @Override
  public synchronized int pruneReceived(Instant before) {
    boolean outermost = !inTransaction;
    int removed = prune(before);
    if (outermost) {
      // Only once the pruning is committed: a rolled-back one leaves the old records in place.
      legacyProcessed = legacyProcessed && findLegacyProcessed();
    }
    return removed;
  }

  private int prune(Instant before) {
    return atomically(
        () -> {
          flushHeld();
          try {
            PreparedStatement processed =
                prepare("DELETE FROM van_processed WHERE processed_at < ?");
            processed.setLong(1, before.toEpochMilli());
            int removed = processed.executeUpdate();
            PreparedStatement sequences =
                prepare(
                    "DELETE FROM van_inbound_seq WHERE updated_at < ?"
                        + " AND attempt_id NOT IN (SELECT attempt_id FROM van_attempt)");
            sequences.setLong(1, before.toEpochMilli());
            return removed + sequences.executeUpdate();
          } catch (SQLException e) {
            throw failure("cannot prune received-message records", e);
          }
        });
  }

  private static ReferralStoreException failure(String what, Exception e) {
    if (e instanceof ReferralStoreException) {
      return (ReferralStoreException) e;
    }
    return new ReferralStoreException(
        what
            + "; nothing of it was applied"
            + (e instanceof SQLException
                ? " (SQL state " + ((SQLException) e).getSQLState() + ")"
                : ""),
        e);
  }

  @Override
  public synchronized void close() {
    try {
      for (PreparedStatement ps : statements.values()) {
        ps.close();
      }
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw new ReferralStoreException(
          "cannot close the referral store (SQL state " + e.getSQLState() + ")", e);
    }
  }
}
