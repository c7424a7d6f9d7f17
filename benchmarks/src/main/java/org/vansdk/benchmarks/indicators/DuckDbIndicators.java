package org.vansdk.benchmarks.indicators;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.infra.Blackhole;

/** The benchmark's indicator set in DuckDB SQL, over tables loaded from the VAN NDJSON file. */
final class DuckDbIndicators {
  private static final String GROUPS =
      " GROUP BY GROUPING SETS ((), (sex), (age_group), (device), (admin1), (year), (civ))";

  private static final String[][] CASUALTY = {
    {"in_period", "1", "0", "0"},
    {"in_period", "outcome = 'killed'", "outcome <> 'unknown'", "outcome = 'unknown'"},
    {"in_period", "civ = 'civilian'", "civ <> 'unknown'", "civ = 'unknown'"},
    {"in_period AND civ = 'civilian'", "age < 18", "age IS NOT NULL", "age IS NULL"},
    {"in_period", "sex = 'female'", "sex <> 'unknown'", "sex = 'unknown'"},
    {"in_period AND civ IN ('deminer', 'unknown')", "civ = 'deminer'", "0", "civ = 'unknown'"},
    {"in_period AND outcome = 'injured'", "amputation", "1", "0"},
    {"in_period", "risk_ed = 'yes'", "risk_ed <> 'unknown'", "risk_ed = 'unknown'"},
    {
      "outcome = 'injured' AND day <= DATE '2023-12-31' AND (died IS NULL OR died > DATE"
          + " '2023-12-31')",
      "1",
      "0",
      "0"
    }
  };

  private DuckDbIndicators() {}

  /** Loads persons, incidents and casualties from the NDJSON file and defines the joined views. */
  static void load(Connection db, Path file) throws SQLException {
    String f = file.toAbsolutePath().toString().replace("'", "''");
    IndicatorsBenchmark.exec(
        db,
        "CREATE TABLE raw AS SELECT type, record FROM read_json('"
            + f
            + "', format = 'newline_delimited', columns = {type: 'VARCHAR', record: 'JSON'})");
    IndicatorsBenchmark.exec(
        db,
        "CREATE TABLE person AS SELECT record->>'id' AS id, record->>'sex' AS sex FROM raw"
            + " WHERE type = 'person'");
    IndicatorsBenchmark.exec(
        db,
        "CREATE TABLE incident AS SELECT record->>'id' AS id, record->>'date' AS date_text,"
            + " record->>'deviceCategory' AS device,"
            + " record->'location'->'adminArea'->>'pCode' AS pcode,"
            + " CAST(record->'location'->'adminArea'->>'level' AS INTEGER) AS level,"
            + " record->'location'->>'country' AS country,"
            + " coalesce(record->>'areaMarkedBefore', 'unknown') AS marked"
            + " FROM raw WHERE type = 'incident'");
    IndicatorsBenchmark.exec(
        db,
        "CREATE TABLE casualty AS SELECT record->>'id' AS id, record->>'personId' AS person_id,"
            + " record->>'incidentId' AS incident_id, record->>'outcome' AS outcome,"
            + " record->>'civilianStatus' AS civ, CAST(record->>'ageAtIncident' AS INTEGER) AS age,"
            + " coalesce(record->>'priorRiskEducation', 'unknown') AS risk_ed,"
            + " coalesce(json_array_length(record->'amputations'), 0) > 0 AS amputation,"
            + " record->>'diedOn' AS died_text FROM raw WHERE type = 'casualty'");
    IndicatorsBenchmark.exec(db, "DROP TABLE raw");
    IndicatorsBenchmark.exec(
        db,
        "CREATE VIEW incident_j AS SELECT *,"
            + " CAST(CASE length(date_text) WHEN 4 THEN date_text || '-01-01'"
            + " WHEN 7 THEN date_text || '-01' ELSE date_text END AS DATE) AS day,"
            + " CAST(substr(date_text, 1, 4) AS INTEGER) AS year,"
            + " CASE WHEN pcode IS NULL THEN 'unknown' WHEN level = 1 THEN pcode"
            + " ELSE regexp_extract(pcode, '^([A-Z]+..)', 1) END AS admin1 FROM incident");
    IndicatorsBenchmark.exec(
        db,
        "CREATE VIEW incident_p AS SELECT *, day BETWEEN DATE '2022-01-01' AND DATE '2023-12-31'"
            + " AS in_period FROM incident_j");
    IndicatorsBenchmark.exec(
        db,
        "CREATE VIEW casualty_j AS SELECT c.*, coalesce(p.sex, 'unknown') AS sex,"
            + " CASE WHEN c.age IS NULL THEN 'unknown' WHEN c.age < 18 THEN 'child' ELSE 'adult'"
            + " END AS age_group, i.day, i.year, i.device, i.admin1, i.in_period,"
            + " CAST(CASE length(c.died_text) WHEN 4 THEN c.died_text || '-01-01'"
            + " WHEN 7 THEN c.died_text || '-01' ELSE c.died_text END AS DATE) AS died"
            + " FROM casualty c JOIN incident_p i ON i.id = c.incident_id"
            + " LEFT JOIN person p ON p.id = c.person_id");
  }

  /** Runs the indicator set, one grouping-sets query per indicator. */
  static void compute(Connection db, Blackhole bh) throws SQLException {
    try (Statement st = db.createStatement()) {
      for (String[] q : CASUALTY) {
        String sql =
            "SELECT sex, age_group, device, admin1, year, civ, sum(CAST(("
                + q[1]
                + ") AS BIGINT)), sum(CAST(("
                + q[2]
                + ") AS BIGINT)), sum(CAST(("
                + q[3]
                + ") AS BIGINT)) FROM casualty_j WHERE "
                + q[0]
                + GROUPS;
        try (ResultSet rs = st.executeQuery(sql)) {
          bh.consume(IndicatorsBenchmark.drain(rs));
        }
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT device, sum(CAST(marked = 'no' AS BIGINT)),"
                  + " sum(CAST(marked <> 'unknown' AS BIGINT)),"
                  + " sum(CAST(marked = 'unknown' AS BIGINT)) FROM incident_p WHERE in_period"
                  + " GROUP BY device")) {
        bh.consume(IndicatorsBenchmark.drain(rs));
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT k, sum(n), sum(d) FROM (SELECT year AS k, 1 AS n, 0 AS d FROM casualty_j"
                  + " WHERE in_period UNION ALL SELECT year, 0, 1 FROM incident_p WHERE in_period)"
                  + " GROUP BY k")) {
        bh.consume(IndicatorsBenchmark.drain(rs));
      }
    }
  }
}
