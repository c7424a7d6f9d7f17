package org.vansdk.hub.figures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.engine.IndicatorRequest;
import org.vansdk.indicators.export.IndicatorCsv;
import org.vansdk.indicators.table.IndicatorTable;

/**
 * Computes the regional figures from the regional dataset (each country's latest approved release)
 * with the indicators module, and stores them (migration V11) in the transaction of the approval
 * that changed the dataset. The table holds, for each of {@link #INDICATORS}, the regional total
 * and the figures by country, by year and by country and year, computed together so that small
 * cells are protected across the whole regional table: a cell under the threshold is suppressed,
 * and so is every cell that would let a reader recover it by subtracting from a total beside it.
 * The reporting period runs from the first to the last incident year in the dataset. Immutable and
 * thread-safe.
 *
 * @since 1.0
 */
public final class RegionalFigures {
  /**
   * The indicators published: those a de-identified release answers (casualties, case-fatality,
   * civilian and female shares, deminers, amputations among the injured).
   */
  public static final List<String> INDICATORS =
      List.of("CAS-01", "CAS-02", "CAS-03", "CAS-05", "CAS-06", "CAS-08");

  /** The row the figures are stored in. */
  static final int ROW = 1;

  private final Clock clock;
  private final int threshold;
  private final VanJson json = VanJson.strict();

  /**
   * Figures with the indicators module's default small-cell threshold.
   *
   * @param clock the clock stamped on each computation
   */
  public RegionalFigures(Clock clock) {
    this(clock, IndicatorEngine.DEFAULT_THRESHOLD);
  }

  /**
   * Figures with a small-cell threshold of their own.
   *
   * @param clock the clock stamped on each computation
   * @param threshold cells with a count from 1 to threshold - 1 are suppressed
   */
  public RegionalFigures(Clock clock, int threshold) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.threshold = threshold;
  }

  /** The requests of the regional table: each indicator in total, by country, year and both. */
  public static List<IndicatorRequest> requests() {
    List<IndicatorRequest> requests = new ArrayList<>();
    for (String code : INDICATORS) {
      requests.add(IndicatorRequest.of(code));
      requests.add(IndicatorRequest.of(code, Dimension.COUNTRY));
      requests.add(IndicatorRequest.of(code, Dimension.YEAR));
      requests.add(IndicatorRequest.of(code, Dimension.COUNTRY, Dimension.YEAR));
    }
    return List.copyOf(requests);
  }

  /**
   * The engine the figures are computed with for a period; a test computing the figures directly
   * uses the same one.
   */
  public IndicatorEngine engine(ReportingPeriod period) {
    return IndicatorEngine.builder().period(period).threshold(threshold).build();
  }

  /**
   * Recomputes the figures from the regional dataset as the connection sees it and stores them, in
   * the connection's transaction (which the caller commits).
   *
   * @throws SQLException if the store fails
   */
  public void recompute(Connection c) throws SQLException {
    IndicatorTable table = compute(c);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE hub_regional_figures SET version = version + 1, computed_at = ?,"
                + " table_csv = ? WHERE figures_id = ?")) {
      s.setString(1, Instant.now(clock).toString());
      s.setString(2, IndicatorCsv.toCsv(table));
      s.setInt(3, ROW);
      if (s.executeUpdate() != 1) {
        throw new SQLException("the regional figures row is missing (migration V11)", "55000");
      }
    }
  }

  /**
   * Locks the figures row in the connection's transaction, so that approvals changing the regional
   * dataset recompute one after another and each sees the dataset the one before it committed. Call
   * it before reading the dataset.
   *
   * @throws SQLException if the store fails
   */
  public void lock(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE hub_regional_figures SET version = version WHERE figures_id = ?")) {
      s.setInt(1, ROW);
      s.executeUpdate();
    }
  }

  /** Computes the figures of the regional dataset as the connection sees it. */
  IndicatorTable compute(Connection c) throws SQLException {
    int first;
    int last;
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT MIN(l.incident_year), MAX(l.incident_year) FROM hub_regional_release r"
                    + " JOIN hub_submission_line l ON l.submission_id = r.submission_id");
        ResultSet r = s.executeQuery()) {
      r.next();
      first = r.getInt(1);
      if (r.wasNull()) {
        return IndicatorTable.of(emptyPeriod(), List.of());
      }
      last = r.getInt(2);
    }
    ReportingPeriod period =
        ReportingPeriod.of(LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31));
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT l.content FROM hub_regional_release r"
                + " JOIN hub_submission_line l ON l.submission_id = r.submission_id"
                + " ORDER BY r.country, l.line_number")) {
      s.setFetchSize(1000);
      try (ResultSet r = s.executeQuery()) {
        return engine(period).compute(new Rows(r), requests());
      } catch (Rows.Failure e) {
        throw e.cause;
      }
    }
  }

  /** The period of the figures before any release is approved: the current year. */
  ReportingPeriod emptyPeriod() {
    int year = LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear();
    return ReportingPeriod.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** The stored lines, decoded one at a time as the engine reads them once. */
  private final class Rows implements Iterable<Object> {
    /** Carries a store failure out of the iterator. */
    private static final class Failure extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final SQLException cause;

      Failure(SQLException cause) {
        super(cause);
        this.cause = cause;
      }
    }

    private final ResultSet rows;

    Rows(ResultSet rows) {
      this.rows = rows;
    }

    @Override
    public Iterator<Object> iterator() {
      return new Iterator<>() {
        private int ahead; // 0: not yet looked, 1: a row is ahead, 2: no more rows

        @Override
        public boolean hasNext() {
          if (ahead == 0) {
            try {
              ahead = rows.next() ? 1 : 2;
            } catch (SQLException e) {
              throw new Failure(e);
            }
          }
          return ahead == 1;
        }

        @Override
        public Object next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          ahead = 0;
          try {
            return json.read(rows.getString(1), DeidentifiedCasualty.class);
          } catch (SQLException e) {
            throw new Failure(e);
          }
        }
      };
    }
  }
}
