package org.vansdk.indicators.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.person.Person;
import org.vansdk.core.submission.Submission;
import org.vansdk.core.time.DatePrecision;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * Cross-check against a second engine: the same generated records are loaded into an in-memory
 * DuckDB and the casualty indicators are computed in SQL; every count must be identical.
 */
class DuckDbCrossCheckTest {
  /** For each indicator: the row filter and the numerator, denominator and unknown expressions. */
  private static final Map<String, String[]> SQL = new TreeMap<>();

  static {
    String inP = "in_period";
    SQL.put("CAS-01", new String[] {inP, "1", "0", "0"});
    SQL.put(
        "CAS-02",
        new String[] {inP, "outcome = 'killed'", "outcome <> 'unknown'", "outcome = 'unknown'"});
    SQL.put(
        "CAS-03", new String[] {inP, "civ = 'civilian'", "civ <> 'unknown'", "civ = 'unknown'"});
    SQL.put(
        "CAS-04",
        new String[] {inP + " AND civ = 'civilian'", "age < 18", "age IS NOT NULL", "age IS NULL"});
    SQL.put("CAS-05", new String[] {inP, "sex = 'female'", "sex <> 'unknown'", "sex = 'unknown'"});
    SQL.put(
        "CAS-06",
        new String[] {
          inP + " AND civ IN ('deminer', 'unknown')", "civ = 'deminer'", "0", "civ = 'unknown'"
        });
    SQL.put("CAS-08", new String[] {inP + " AND outcome = 'injured'", "amputation", "1", "0"});
    SQL.put(
        "CAS-09",
        new String[] {inP, "risk_ed = 'yes'", "risk_ed <> 'unknown'", "risk_ed = 'unknown'"});
    SQL.put(
        "SUR-01",
        new String[] {
          "outcome = 'injured' AND day <= DATE '2023-12-31'"
              + " AND (died IS NULL OR died > DATE '2023-12-31')",
          "1",
          "0",
          "0"
        });
  }

  private static final Map<Dimension, String> DIMS =
      Map.of(
          Dimension.SEX, "sex",
          Dimension.AGE_GROUP,
              "CASE WHEN age IS NULL THEN 'unknown' WHEN age < 18 THEN 'child' ELSE 'adult' END",
          Dimension.DEVICE_CATEGORY, "device",
          Dimension.ADMIN1, "admin1",
          Dimension.YEAR, "CAST(year AS VARCHAR)",
          Dimension.MONTH, "month",
          Dimension.CIVILIAN_STATUS, "civ");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3, 11, 42})
  void casualtyIndicators_equalDuckDbSql(long seed) throws SQLException {
    Submission s = Population.generate(seed, 400);
    List<IndicatorRequest> reqs = new ArrayList<>();
    for (String code : SQL.keySet()) {
      reqs.add(IndicatorRequest.of(code));
      for (Dimension d : DIMS.keySet()) {
        reqs.add(IndicatorRequest.of(code, d));
      }
    }
    reqs.add(IndicatorRequest.of("CAS-10", Dimension.DEVICE_CATEGORY));
    reqs.add(IndicatorRequest.of("CAS-07", Dimension.YEAR));
    Accumulation acc =
        IndicatorEngine.builder().period(Population.PERIOD).build().accumulate(s, reqs);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      load(db, s);
      for (IndicatorRequest r : reqs) {
        String code = r.indicator().code();
        String dim = r.dimensions().isEmpty() ? null : DIMS.get(r.dimensions().get(0));
        String sql;
        if (code.equals("CAS-10")) {
          sql =
              query(
                  "incident_j2",
                  dim,
                  "in_period",
                  "marked = 'no'",
                  "marked <> 'unknown'",
                  "marked = 'unknown'");
        } else if (code.equals("CAS-07")) {
          sql =
              "SELECT k, sum(n), sum(d), 0 FROM ("
                  + " SELECT CAST(year AS VARCHAR) k, 1 n, 0 d FROM casualty_j WHERE in_period"
                  + " UNION ALL SELECT CAST(year AS VARCHAR), 0, 1 FROM incident_j2 WHERE in_period)"
                  + " GROUP BY k";
        } else {
          String[] q = SQL.get(code);
          sql = query("casualty_j", dim, q[0], q[1], q[2], q[3]);
        }
        Map<List<String>, List<Long>> expected = new TreeMap<>(CellOrder.INSTANCE);
        try (Statement st = db.createStatement();
            ResultSet rs = st.executeQuery(sql)) {
          while (rs.next()) {
            List<Long> v = List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4));
            if (!v.equals(List.of(0L, 0L, 0L))) {
              expected.put(dim == null ? List.of() : List.of(rs.getString(1)), v);
            }
          }
        }
        assertFalse(expected.isEmpty(), "seed " + seed + " " + r + " has rows");
        assertEquals(expected, acc.counts(r), "seed " + seed + " " + r + " SQL: " + sql);
      }
    }
  }

  private static String query(
      String from, String dim, String where, String num, String den, String unk) {
    return "SELECT "
        + (dim == null ? "'total'" : dim)
        + " k, sum(CAST(("
        + num
        + ") AS BIGINT)), sum(CAST(("
        + den
        + ") AS BIGINT)), sum(CAST(("
        + unk
        + ") AS BIGINT)) FROM "
        + from
        + " WHERE "
        + where
        + " GROUP BY k";
  }

  private static void load(Connection db, Submission s) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("CREATE TABLE person (id VARCHAR PRIMARY KEY, sex VARCHAR)");
      st.execute(
          "CREATE TABLE incident (id VARCHAR PRIMARY KEY, date_text VARCHAR, precision VARCHAR,"
              + " device VARCHAR, pcode VARCHAR, level INTEGER, country VARCHAR, marked VARCHAR)");
      st.execute(
          "CREATE TABLE casualty (id VARCHAR, person_id VARCHAR, incident_id VARCHAR,"
              + " outcome VARCHAR, civ VARCHAR, age INTEGER, risk_ed VARCHAR, amputation BOOLEAN,"
              + " died_text VARCHAR)");
    }
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO person VALUES (?, ?)")) {
      for (Person p : s.persons()) {
        ps.setString(1, p.id().value());
        ps.setString(2, p.sex().code());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        db.prepareStatement("INSERT INTO incident VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Incident i : s.incidents()) {
        ps.setString(1, i.id().value());
        ps.setString(2, i.date().toString());
        ps.setString(3, i.date().precision() == DatePrecision.YEAR ? "year" : "other");
        ps.setString(4, i.deviceCategory().code());
        if (i.location().adminArea().isPresent()) {
          ps.setString(5, i.location().adminArea().get().pCode());
          ps.setInt(6, i.location().adminArea().get().level());
        } else {
          ps.setNull(5, Types.VARCHAR);
          ps.setNull(6, Types.INTEGER);
        }
        ps.setString(7, i.location().country().code());
        ps.setString(8, i.areaMarkedBefore().orElse(YesNoUnknown.UNKNOWN).code());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        db.prepareStatement("INSERT INTO casualty VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Casualty c : s.casualties()) {
        ps.setString(1, c.id().value());
        ps.setString(2, c.personId().value());
        ps.setString(3, c.incidentId().value());
        ps.setString(4, c.outcome().code());
        ps.setString(5, c.civilianStatus().code());
        if (c.ageAtIncident().isPresent()) {
          ps.setInt(6, c.ageAtIncident().get());
        } else {
          ps.setNull(6, Types.INTEGER);
        }
        ps.setString(7, c.priorRiskEducation().orElse(YesNoUnknown.UNKNOWN).code());
        ps.setBoolean(8, !c.amputations().isEmpty());
        ps.setString(9, c.diedOn().map(Object::toString).orElse(null));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (Statement st = db.createStatement()) {
      // A partial date counts at its earliest day: pad "2021" and "2021-05" to a full date.
      st.execute(
          "CREATE VIEW incident_j AS SELECT *,"
              + " CAST(CASE length(date_text) WHEN 4 THEN date_text || '-01-01'"
              + " WHEN 7 THEN date_text || '-01' ELSE date_text END AS DATE) AS day,"
              + " CAST(substr(date_text, 1, 4) AS INTEGER) AS year,"
              + " CASE WHEN precision = 'year' THEN 'unknown' ELSE substr(date_text, 1, 7) END"
              + " AS month,"
              + " CASE WHEN pcode IS NULL THEN 'unknown' WHEN level = 1 THEN pcode"
              + " ELSE regexp_extract(pcode, '^([A-Z]+..)', 1) END AS admin1"
              + " FROM incident");
      st.execute(
          "CREATE VIEW incident_j2 AS SELECT *, day BETWEEN DATE '2022-01-01' AND DATE"
              + " '2023-12-31' AS in_period FROM incident_j");
      st.execute(
          "CREATE VIEW casualty_j AS SELECT c.*, coalesce(p.sex, 'unknown') AS sex, i.day,"
              + " i.year, i.month, i.device, i.admin1, i.in_period,"
              + " CAST(CASE length(c.died_text) WHEN 4 THEN c.died_text || '-01-01'"
              + " WHEN 7 THEN c.died_text || '-01' ELSE c.died_text END AS DATE) AS died"
              + " FROM casualty c JOIN incident_j2 i ON i.id = c.incident_id"
              + " LEFT JOIN person p ON p.id = c.person_id");
    }
  }
}
