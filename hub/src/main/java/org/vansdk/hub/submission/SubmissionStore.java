package org.vansdk.hub.submission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.json.VanJson;
import org.vansdk.hub.figures.RegionalFigures;
import org.vansdk.hub.web.HubException;

/**
 * The submissions in the hub's database: a submission row with its receipt, its lines, its approval
 * and each country's regional release (migration V10). A new submission is written in one
 * transaction that is committed only with an accepted receipt, so nothing of a refused or broken
 * upload stays. Thread-safe (each call takes its own connection).
 */
final class SubmissionStore {
  /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
  private static final String DUPLICATE_KEY = "23505";

  private static final int BATCH = 500;

  private static final VanJson JSON = VanJson.strict();

  /**
   * A stored submission.
   *
   * @param country the country it is for
   * @param kind what it holds
   * @param contentHash the content hash of its body
   * @param receipt its receipt, as JSON text
   * @param approvedAt when it was approved (ISO-8601 instant), if it was
   */
  record Stored(
      String country,
      Receipt.Kind kind,
      String contentHash,
      String receipt,
      Optional<String> approvedAt) {}

  /** Thrown by {@link #begin} when the id is taken (by a submission committed meanwhile). */
  static final class Taken extends Exception {
    private static final long serialVersionUID = 1L;

    Taken() {
      super("the submission id is taken", null, false, false);
    }
  }

  private final DataSource dataSource;

  SubmissionStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The submission with this id, if stored. */
  Optional<Stored> find(String id) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, id);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private static Optional<Stored> find(Connection c, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT s.country, s.kind, s.content_hash, s.receipt, a.approved_at"
                + " FROM hub_submission s LEFT JOIN hub_approval a"
                + " ON a.submission_id = s.submission_id WHERE s.submission_id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Stored(
                r.getString(1),
                Receipt.Kind.fromCode(r.getString(2)),
                r.getString(3),
                r.getString(4),
                Optional.ofNullable(r.getString(5))));
      }
    }
  }

  /** The pseudonyms of a country's current regional release (empty if none is approved). */
  Set<String> regionalPseudonyms(String country) {
    Set<String> pseudonyms = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT l.pseudonym FROM hub_regional_release r JOIN hub_submission_line l"
                    + " ON l.submission_id = r.submission_id"
                    + " WHERE r.country = ? AND l.pseudonym IS NOT NULL")) {
      s.setString(1, country);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          pseudonyms.add(r.getString(1));
        }
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
    return pseudonyms;
  }

  /**
   * Opens the transaction of a new submission, holding its id.
   *
   * @throws Taken if a submission with this id is stored
   */
  Upload begin(String id, String country, Receipt.Kind kind) throws Taken {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO hub_submission (submission_id, country, kind, content_hash, receipt)"
                  + " VALUES (?, ?, ?, '', '')")) {
        s.setString(1, id);
        s.setString(2, country);
        s.setString(3, kind.code);
        s.executeUpdate();
      }
      return new Upload(c, id);
    } catch (SQLException e) {
      boolean taken = DUPLICATE_KEY.equals(e.getSQLState());
      close(c);
      if (taken) {
        throw new Taken();
      }
      throw unavailable(e);
    }
  }

  /**
   * Approves a submission and, for a release, makes it its country's regional release and has the
   * regional figures recomputed, in one transaction. Approving again changes nothing.
   *
   * @return the submission as stored after the approval
   * @throws HubException {@code VAN-H-0107} if no submission has this id
   */
  Stored approve(String id, String approvedAt, RegionalFigures figures) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        figures.lock(c);
        Stored stored = find(c, id).orElseThrow(() -> notFound());
        if (stored.approvedAt().isPresent()) {
          c.rollback();
          return stored;
        }
        update(
            c,
            "INSERT INTO hub_approval (submission_id, approved_at) VALUES (?, ?)",
            id,
            approvedAt);
        if (stored.kind() == Receipt.Kind.RELEASE) {
          update(c, "DELETE FROM hub_regional_release WHERE country = ?", stored.country());
          update(
              c,
              "INSERT INTO hub_regional_release (country, submission_id) VALUES (?, ?)",
              stored.country(),
              id);
          figures.recompute(c);
        }
        c.commit();
        return new Stored(
            stored.country(),
            stored.kind(),
            stored.contentHash(),
            stored.receipt(),
            Optional.of(approvedAt));
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        if (e instanceof SQLException s && DUPLICATE_KEY.equals(s.getSQLState())) {
          // approved by a concurrent call: answer what it stored
          return find(id).orElseThrow(() -> notFound());
        }
        throw e;
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private static void update(Connection c, String sql, String... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setString(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  static HubException notFound() {
    return new HubException(404, SubmissionErrors.NOT_FOUND, "no submission has this id");
  }

  static HubException unavailable(SQLException e) {
    return new HubException(
        503,
        SubmissionErrors.UNAVAILABLE,
        "the hub's store failed (SQLSTATE "
            + e.getSQLState()
            + "); nothing was changed, send again later");
  }

  private static void close(@Nullable Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.rollback();
    } catch (SQLException e) {
      // the connection is going back to the pool; its transaction ends with it
    }
    try {
      c.close();
    } catch (SQLException e) {
      // nothing more can be done with a connection that cannot close
    }
  }

  /**
   * The open transaction of one new submission: lines are written in batches as they are accepted;
   * {@link #commit} stores the receipt and commits; {@link #close} without a commit rolls back. Not
   * thread-safe.
   */
  static final class Upload implements ReleaseReader.Sink, AutoCloseable {
    private final Connection connection;
    private final String id;
    private final PreparedStatement lines;
    private int pending;
    private boolean done;

    private Upload(Connection connection, String id) throws SQLException {
      this.connection = connection;
      this.id = id;
      this.lines =
          connection.prepareStatement(
              "INSERT INTO hub_submission_line"
                  + " (submission_id, line_number, pseudonym, incident_year, content)"
                  + " VALUES (?, ?, ?, ?, ?)");
    }

    /** Stores the record in its canonical form (compact JSON of the strict codec). */
    @Override
    public void accept(long line, DeidentifiedCasualty casualty, byte[] content) {
      write(
          line,
          Optional.of(casualty.pseudonym()),
          casualty.incidentPeriod().map(p -> p.year()),
          JSON.write(casualty));
    }

    /** Writes one line: a record of a release, or a whole indicator table as line 0. */
    void write(long line, Optional<String> pseudonym, Optional<Integer> year, String content) {
      try {
        lines.setString(1, id);
        lines.setLong(2, line);
        lines.setString(3, pseudonym.orElse(null));
        if (year.isPresent()) {
          lines.setInt(4, year.get());
        } else {
          lines.setNull(4, Types.INTEGER);
        }
        lines.setString(5, content);
        lines.addBatch();
        if (++pending == BATCH) {
          lines.executeBatch();
          pending = 0;
        }
      } catch (SQLException e) {
        throw unavailable(e);
      }
    }

    /** Stores the receipt and commits the submission. */
    void commit(Receipt receipt) {
      try {
        if (pending > 0) {
          lines.executeBatch();
          pending = 0;
        }
        try (PreparedStatement s =
            connection.prepareStatement(
                "UPDATE hub_submission SET content_hash = ?, receipt = ?"
                    + " WHERE submission_id = ?")) {
          s.setString(1, receipt.contentHash());
          s.setString(2, receipt.toJson());
          s.setString(3, id);
          s.executeUpdate();
        }
        connection.commit();
        done = true;
      } catch (SQLException e) {
        throw unavailable(e);
      }
    }

    /** Rolls back unless committed, and gives the connection back. */
    @Override
    public void close() {
      try {
        lines.close();
      } catch (SQLException e) {
        // closing the connection closes the statement too
      }
      if (done) {
        try {
          connection.close();
        } catch (SQLException e) {
          // committed already; nothing is lost
        }
      } else {
        SubmissionStore.close(connection);
      }
    }
  }
}
