package org.vansdk.hub.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.hub.HubErrors;
import org.vansdk.hub.web.HubException;

/**
 * The relay's mailboxes in the hub's database (tables of migration V1). A deposit takes the
 * recipient's head row first (an update, so a row lock in both H2 and PostgreSQL) and holds it to
 * the commit: cursors of one mailbox are given out and committed in order, so a reader that has
 * seen cursor {@code n} never later finds a smaller one. Deposits to different mailboxes run in
 * parallel. A message is stored once per sender and message id, recorded in the relay's audit
 * (identifiers and the digest of the bytes, never the payload); acknowledging a cursor deletes the
 * messages up to it and audits their delivery. Thread-safe.
 */
final class JdbcMailboxes {
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource db;
  private final Clock clock;

  JdbcMailboxes(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Stores a message in its recipient's mailbox, once.
   *
   * @throws HubException 503 {@link HubErrors#STORE_UNAVAILABLE} if the database fails; nothing is
   *     stored then
   */
  Deposit deposit(RelayedMessage m) {
    for (int attempt = 0; ; attempt++) {
      try (Connection c = db.getConnection()) {
        c.setAutoCommit(false);
        try {
          Deposit d = deposit(c, m);
          c.commit();
          return d;
        } catch (SQLException e) {
          c.rollback();
          // two first deposits to a new mailbox, or the same message twice at once: look again
          if (UNIQUE_VIOLATION.equals(e.getSQLState()) && attempt < 3) {
            continue;
          }
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw unavailable();
      }
    }
  }

  private Deposit deposit(Connection c, RelayedMessage m) throws SQLException {
    Optional<Long> earlier = receivedAt(c, m.sender(), m.messageId());
    if (earlier.isPresent()) {
      return new Deposit(earlier.get(), true);
    }
    String recipient = m.recipient().value();
    long cursor;
    try (PreparedStatement up =
        c.prepareStatement(
            "UPDATE hub_mailbox_head SET last_cursor = last_cursor + 1 WHERE recipient = ?")) {
      up.setString(1, recipient);
      if (up.executeUpdate() == 0) {
        try (PreparedStatement in =
            c.prepareStatement(
                "INSERT INTO hub_mailbox_head (recipient, last_cursor, acknowledged)"
                    + " VALUES (?, 1, 0)")) {
          in.setString(1, recipient);
          in.executeUpdate();
        }
      }
    }
    // under the head's lock: a concurrent deposit of the same message has committed or waits
    earlier = receivedAt(c, m.sender(), m.messageId());
    if (earlier.isPresent()) {
      c.rollback();
      return new Deposit(earlier.get(), true);
    }
    cursor = lastCursor(c, recipient);
    Instant now = clock.instant();
    try (PreparedStatement in =
        c.prepareStatement(
            "INSERT INTO hub_mailbox_message"
                + " (recipient, cursor_pos, sender, message_id, received_at, sha256, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      in.setString(1, recipient);
      in.setLong(2, cursor);
      in.setString(3, m.sender().value());
      in.setString(4, m.messageId());
      in.setTimestamp(5, Timestamp.from(now));
      in.setString(6, m.sha256());
      in.setBytes(7, m.bytes());
      in.executeUpdate();
    }
    audit(c, now, "received", m.sender().value(), recipient, m.messageId(), m.sha256(), cursor);
    return new Deposit(cursor, false);
  }

  private static Optional<Long> receivedAt(Connection c, OrganisationId sender, String messageId)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT cursor_pos FROM hub_relay_audit"
                + " WHERE sender = ? AND message_id = ? AND event = 'received'")) {
      q.setString(1, sender.value());
      q.setString(2, messageId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private static long lastCursor(Connection c, String recipient) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("SELECT last_cursor FROM hub_mailbox_head WHERE recipient = ?")) {
      q.setString(1, recipient);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static void audit(
      Connection c,
      Instant at,
      String event,
      String sender,
      String recipient,
      String messageId,
      String sha256,
      long cursor)
      throws SQLException {
    try (PreparedStatement in =
        c.prepareStatement(
            "INSERT INTO hub_relay_audit"
                + " (at_time, event, sender, recipient, message_id, sha256, cursor_pos)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      in.setTimestamp(1, Timestamp.from(at));
      in.setString(2, event);
      in.setString(3, sender);
      in.setString(4, recipient);
      in.setString(5, messageId);
      in.setString(6, sha256);
      in.setLong(7, cursor);
      in.executeUpdate();
    }
  }

  /**
   * The messages of a mailbox after a cursor, oldest first.
   *
   * @param limit the most returned
   * @throws HubException 503 {@link HubErrors#STORE_UNAVAILABLE} if the database fails
   */
  List<MailboxEntry> after(OrganisationId recipient, long after, int limit) {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT cursor_pos, sender, message_id, received_at, body"
                    + " FROM hub_mailbox_message WHERE recipient = ? AND cursor_pos > ?"
                    + " ORDER BY cursor_pos LIMIT ?")) {
      q.setString(1, recipient.value());
      q.setLong(2, after);
      q.setInt(3, limit);
      List<MailboxEntry> out = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(
              new MailboxEntry(
                  rs.getLong(1),
                  OrganisationId.parse(rs.getString(2)),
                  rs.getString(3),
                  rs.getTimestamp(4).toInstant(),
                  rs.getBytes(5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw unavailable();
    }
  }

  /**
   * Acknowledges a mailbox up to a cursor: the messages up to it are deleted and their delivery
   * audited. Acknowledging a cursor at or below the last acknowledged one changes nothing.
   *
   * @return how many messages were delivered by this acknowledgement
   * @throws HubException 409 {@link HubErrors#BAD_ACKNOWLEDGEMENT} if the mailbox never reached the
   *     cursor; 503 {@link HubErrors#STORE_UNAVAILABLE} if the database fails
   */
  int acknowledge(OrganisationId recipient, long cursor) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        int n = acknowledge(c, recipient.value(), cursor);
        c.commit();
        return n;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw unavailable();
    }
  }

  private int acknowledge(Connection c, String recipient, long cursor) throws SQLException {
    long last;
    long acknowledged;
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT last_cursor, acknowledged FROM hub_mailbox_head WHERE recipient = ?"
                + " FOR UPDATE")) {
      q.setString(1, recipient);
      try (ResultSet rs = q.executeQuery()) {
        last = rs.next() ? rs.getLong(1) : 0;
        acknowledged = last == 0 ? 0 : rs.getLong(2);
      }
    }
    if (cursor > last) {
      throw new HubException(
          409,
          HubErrors.BAD_ACKNOWLEDGEMENT,
          "/cursor is beyond the mailbox's last message (" + last + ")");
    }
    if (cursor <= acknowledged) {
      return 0;
    }
    Instant now = clock.instant();
    List<String[]> delivered = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT cursor_pos, sender, message_id, sha256 FROM hub_mailbox_message"
                + " WHERE recipient = ? AND cursor_pos <= ? ORDER BY cursor_pos")) {
      q.setString(1, recipient);
      q.setLong(2, cursor);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          delivered.add(
              new String[] {
                Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4)
              });
        }
      }
    }
    for (String[] d : delivered) {
      audit(c, now, "delivered", d[1], recipient, d[2], d[3], Long.parseLong(d[0]));
    }
    try (PreparedStatement del =
            c.prepareStatement(
                "DELETE FROM hub_mailbox_message WHERE recipient = ? AND cursor_pos <= ?");
        PreparedStatement up =
            c.prepareStatement(
                "UPDATE hub_mailbox_head SET acknowledged = ? WHERE recipient = ?")) {
      del.setString(1, recipient);
      del.setLong(2, cursor);
      del.executeUpdate();
      up.setLong(1, cursor);
      up.setString(2, recipient);
      up.executeUpdate();
    }
    return delivered.size();
  }

  /** The mailbox's last acknowledged cursor (0 if none). */
  long acknowledged(OrganisationId recipient) {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT acknowledged FROM hub_mailbox_head WHERE recipient = ?")) {
      q.setString(1, recipient.value());
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw unavailable();
    }
  }

  /** How many messages wait in all mailboxes (a gauge: the relay's queue depth). */
  long waiting() {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM hub_mailbox_message");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return -1;
    }
  }

  /** How many times the relay audited an event for a sender's message (0 or 1). */
  int audited(OrganisationId sender, String messageId, String event) {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT COUNT(*) FROM hub_relay_audit"
                    + " WHERE sender = ? AND message_id = ? AND event = ?")) {
      q.setString(1, sender.value());
      q.setString(2, messageId);
      q.setString(3, event);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw unavailable();
    }
  }

  private static HubException unavailable() {
    return new HubException(
        503, HubErrors.STORE_UNAVAILABLE, "the hub's database failed; resend the request later");
  }
}
