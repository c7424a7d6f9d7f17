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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.need.Need;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.need.Pillar;
import org.vansdk.core.person.Person;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.submission.Submission;
import org.vansdk.core.time.DatePrecision;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * Cross-check against a second engine: the same generated records are loaded into an in-memory
 * DuckDB and every indicator of the catalogue is computed in SQL; every count, and the REF-03
 * percentiles, must be identical. The WG-SS scoring (DISABILITY1-4 from the six answers) is
 * recomputed in SQL too, as the Washington Group's analytic syntax states it: sums over valid
 * answers, missing only when all six answers are missing.
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

  /**
   * The rest of the catalogue: survivor-stock, victim-assistance, referral and data-quality
   * indicators, each as a total and by one dimension, in SQL over the records loaded as rows. The
   * WG-SS identifiers are loaded as core computes them (the Washington Group cut-offs are the core
   * model's, checked by its own conformance suite); the latest assessment, the joins, the period
   * rules, the percentiles and every count are SQL's.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {5, 17})
  void restOfCatalogue_equalsDuckDbSql(long seed) throws SQLException {
    Submission s = Population.generate(seed, 400);
    String end = "DATE '2023-12-31'";
    String start = "DATE '2022-01-01'";
    String surv = "surv";
    Map<IndicatorRequest, String> sql = new LinkedHashMap<>();
    for (Dimension d : new Dimension[] {null, Dimension.SEX, Dimension.AGE_GROUP}) {
      String k = d == null ? "'total'" : DIMS.get(d);
      Dimension[] by = d == null ? new Dimension[0] : new Dimension[] {d};
      sql.put(
          IndicatorRequest.of("SUR-02", by),
          unionOf(
              4,
              i ->
                  "SELECT "
                      + k
                      + " k, 'disability"
                      + i
                      + "' k2, d"
                      + i
                      + " = 'yes' n, d"
                      + i
                      + " <> 'unknown' dd, d"
                      + i
                      + " = 'unknown' u FROM surv JOIN latest_wg w ON w.person_id = surv.person_id"));
      sql.put(
          IndicatorRequest.of("NEED-01", by),
          "SELECT "
              + k
              + " k, NULL k2, coalesce(n.day > "
              + end
              + " - INTERVAL 12 MONTH, false) n, true dd, false u FROM "
              + surv
              + " LEFT JOIN latest_needs n ON n.person_id = surv.person_id");
      sql.put(
          IndicatorRequest.of("NEED-02", by),
          "SELECT "
              + k
              + " k, need.pillar k2, need.status <> 'met' n, true dd, false u FROM "
              + surv
              + " JOIN latest_needs n ON n.person_id = surv.person_id"
              + " JOIN need ON need.assessment_id = n.id");
      sql.put(
          IndicatorRequest.of("SRV-01", by),
          "SELECT "
              + k
              + " k, p.pillar k2, EXISTS (SELECT 1 FROM delivery_d v WHERE v.person_id ="
              + " surv.person_id AND v.pillar = p.pillar AND v.start_day <= "
              + end
              + " AND (v.end_day IS NULL OR v.end_day >= "
              + start
              + ")) n, true dd, false u FROM "
              + surv
              + " CROSS JOIN pillar p");
    }
    for (Dimension d : new Dimension[] {null, Dimension.ADMIN1, Dimension.YEAR}) {
      String k = d == null ? "'total'" : DIMS.get(d);
      Dimension[] by = d == null ? new Dimension[0] : new Dimension[] {d};
      String[][] fields = {
        {"sex", "sex <> 'unknown'"},
        {"age", "age IS NOT NULL"},
        {"disability", "coalesce(w.d3, 'unknown') <> 'unknown'"},
        {"all", "sex <> 'unknown' AND age IS NOT NULL AND coalesce(w.d3, 'unknown') <> 'unknown'"}
      };
      sql.put(
          IndicatorRequest.of("DQ-01", by),
          unionOf(
              4,
              i ->
                  "SELECT "
                      + k
                      + " k, '"
                      + fields[i - 1][0]
                      + "' k2, "
                      + fields[i - 1][1]
                      + " n, true dd, false u FROM casualty_j c LEFT JOIN latest_wg w"
                      + " ON w.person_id = c.person_id WHERE in_period"));
      sql.put(
          IndicatorRequest.of("CAS-07", by),
          "SELECT "
              + k
              + " k, NULL k2, 1 n, 0 dd, false u FROM casualty_j WHERE in_period UNION ALL SELECT "
              + k
              + ", NULL, 0, 1, false FROM incident_j2 WHERE in_period");
      sql.put(
          IndicatorRequest.of("CAS-10", by),
          "SELECT "
              + k
              + " k, NULL k2, marked = 'no' n, marked <> 'unknown' dd, marked = 'unknown' u"
              + " FROM incident_j2 WHERE in_period");
    }
    String out = "status IN ('cancelled', 'entered_in_error')";
    for (String k : new String[] {"'total'", "country", "CAST(year(sent) AS VARCHAR)"}) {
      Dimension[] by =
          k.startsWith("'")
              ? new Dimension[0]
              : new Dimension[] {k.equals("country") ? Dimension.COUNTRY : Dimension.YEAR};
      sql.put(
          IndicatorRequest.of("REF-01", by),
          "SELECT "
              + k
              + " k, NULL k2, NOT "
              + out
              + " AND status IN ('accepted', 'in_progress', 'on_hold', 'completed',"
              + " 'not_completed') n, NOT "
              + out
              + " dd, "
              + out
              + " u FROM attempt_j");
      sql.put(
          IndicatorRequest.of("REF-02", by),
          "SELECT "
              + k
              + " k, NULL k2, NOT "
              + out
              + " AND status = 'completed' n, NOT "
              + out
              + " dd, "
              + out
              + " u FROM attempt_j");
      sql.put(
          IndicatorRequest.of("REF-03", by),
          "SELECT "
              + k
              + " k, 'sent_to_accepted' k2, 0 n, accepted IS NOT NULL dd, accepted IS NULL u"
              + " FROM attempt_j UNION ALL SELECT "
              + k
              + ", 'sent_to_completed', 0, completed IS NOT NULL, completed IS NULL FROM attempt_j");
      sql.put(
          IndicatorRequest.of("REF-04", by),
          "SELECT "
              + k
              + " k, status || '|' || coalesce(last_reason, 'unknown') k2, 1 n, 0 dd, false u"
              + " FROM attempt_j WHERE status IN ('declined', 'not_completed')");
    }
    List<IndicatorRequest> reqs = new ArrayList<>(sql.keySet());
    Accumulation acc =
        IndicatorEngine.builder().period(Population.PERIOD).build().accumulate(s, reqs);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      load(db, s);
      loadVictimAssistance(db, s);
      for (IndicatorRequest r : reqs) {
        String q =
            "SELECT k, k2, sum(CAST(n AS BIGINT)), sum(CAST(dd AS BIGINT)),"
                + " sum(CAST(u AS BIGINT)) FROM ("
                + sql.get(r)
                + ") GROUP BY k, k2";
        Map<List<String>, List<Long>> expected = new TreeMap<>(CellOrder.INSTANCE);
        try (Statement st = db.createStatement();
            ResultSet rs = st.executeQuery(q)) {
          while (rs.next()) {
            List<Long> v = List.of(rs.getLong(3), rs.getLong(4), rs.getLong(5));
            if (v.equals(List.of(0L, 0L, 0L))) {
              continue;
            }
            List<String> key = new ArrayList<>();
            if (!r.dimensions().isEmpty()) {
              key.add(rs.getString(1));
            }
            if (rs.getString(2) != null) {
              key.addAll(List.of(rs.getString(2).split("\\|")));
            }
            expected.put(key, v);
          }
        }
        assertFalse(expected.isEmpty(), "seed " + seed + " " + r + " has rows");
        assertEquals(expected, acc.counts(r), "seed " + seed + " " + r + " SQL: " + q);
      }
      checkReferralDays(db, seed, acc);
    }
  }

  /** REF-03 medians and 90th percentiles, nearest rank, computed with a window in SQL. */
  private static void checkReferralDays(Connection db, long seed, Accumulation acc)
      throws SQLException {
    IndicatorRequest r = IndicatorRequest.of("REF-03", Dimension.COUNTRY);
    Map<List<String>, Double> expected = new TreeMap<>(CellOrder.INSTANCE);
    String sql =
        "WITH d AS (SELECT country, 'sent_to_accepted' iv, floor((epoch_ms(accepted) - epoch_ms(sent)) / 86400000)"
            + " nd FROM attempt_j WHERE accepted IS NOT NULL UNION ALL SELECT country,"
            + " 'sent_to_completed', floor((epoch_ms(completed) - epoch_ms(sent)) / 86400000) FROM attempt_j WHERE"
            + " completed IS NOT NULL), ranked AS (SELECT *, row_number() OVER (PARTITION BY"
            + " country, iv ORDER BY nd) rn, count(*) OVER (PARTITION BY country, iv) n FROM d)"
            + " SELECT country, iv, max(CASE WHEN rn = ceil(0.5 * n) THEN nd END),"
            + " max(CASE WHEN rn = ceil(0.9 * n) THEN nd END) FROM ranked GROUP BY country, iv";
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        expected.put(List.of(rs.getString(1), rs.getString(2), "median"), rs.getDouble(3));
        expected.put(List.of(rs.getString(1), rs.getString(2), "p90"), rs.getDouble(4));
      }
    }
    Map<List<String>, Double> actual = new TreeMap<>(CellOrder.INSTANCE);
    for (org.vansdk.indicators.table.Observation o : CellGrid.of(r, acc).observations()) {
      if (o.value().isPresent()) {
        actual.put(
            List.of(
                o.dimensions().get(Dimension.COUNTRY),
                o.dimensions().get(Dimension.INTERVAL),
                o.dimensions().get(Dimension.STATISTIC)),
            o.value().getAsDouble());
      }
    }
    assertFalse(expected.isEmpty(), "seed " + seed + " REF-03 has days");
    assertEquals(expected, actual, "seed " + seed + " REF-03 days SQL: " + sql);
  }

  private static String unionOf(int n, java.util.function.IntFunction<String> part) {
    List<String> parts = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      parts.add(part.apply(i));
    }
    return String.join(" UNION ALL ", parts);
  }

  /** The WG-SS identifiers in SQL, as the Washington Group's analytic syntax computes them. */
  private static final String WG_SYNTAX;

  static {
    String[] domains = {"seeing", "hearing", "walking", "cognition", "self_care", "communication"};
    String[][] counts = {
      {"sum234", "'some_difficulty', 'a_lot_of_difficulty', 'cannot_do_at_all'"},
      {"sum34", "'a_lot_of_difficulty', 'cannot_do_at_all'"},
      {"sum4", "'cannot_do_at_all'"},
      {"missing", "'refused', 'dont_know', 'not_ascertained'"}
    };
    List<String> sumColumns = new ArrayList<>();
    for (String[] c : counts) {
      List<String> terms = new ArrayList<>();
      for (String d : domains) {
        terms.add("CAST(" + d + " IN (" + c[1] + ") AS INTEGER)");
      }
      sumColumns.add(String.join(" + ", terms) + " AS " + c[0]);
    }
    String sums = String.join(", ", sumColumns);
    String identifier =
        "CASE WHEN %s THEN 'yes' WHEN missing = 6 THEN 'unknown' ELSE 'no' END AS %s";
    WG_SYNTAX =
        "CREATE TABLE wg AS SELECT id, person_id, date_text, "
            + String.join(
                ", ",
                String.format(identifier, "sum234 >= 1", "d1"),
                String.format(identifier, "sum234 >= 2 OR sum34 >= 1", "d2"),
                String.format(identifier, "sum34 >= 1", "d3"),
                String.format(identifier, "sum4 >= 1", "d4"))
            + " FROM (SELECT *, "
            + sums
            + " FROM wg_answers)";
  }

  private static void loadVictimAssistance(Connection db, Submission s) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute(
          "CREATE TABLE wg_answers (id VARCHAR, person_id VARCHAR, date_text VARCHAR,"
              + " seeing VARCHAR, hearing VARCHAR, walking VARCHAR, cognition VARCHAR,"
              + " self_care VARCHAR, communication VARCHAR)");
      st.execute("CREATE TABLE needs (id VARCHAR, person_id VARCHAR, date_text VARCHAR)");
      st.execute("CREATE TABLE need (assessment_id VARCHAR, pillar VARCHAR, status VARCHAR)");
      st.execute(
          "CREATE TABLE delivery (person_id VARCHAR, pillar VARCHAR, start_text VARCHAR,"
              + " end_text VARCHAR)");
      st.execute(
          "CREATE TABLE attempt (id VARCHAR, country VARCHAR, status VARCHAR,"
              + " last_reason VARCHAR)");
      st.execute(
          "CREATE TABLE history (attempt_id VARCHAR, seq INTEGER, status VARCHAR, changed_at TIMESTAMP)");
      st.execute("CREATE TABLE pillar (pillar VARCHAR)");
    }
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO pillar VALUES (?)")) {
      for (Pillar p : Pillar.values()) {
        ps.setString(1, p.code());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        db.prepareStatement("INSERT INTO wg_answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (FunctioningAssessment f : s.functioningAssessments()) {
        ps.setString(1, f.id().value());
        ps.setString(2, f.personId().value());
        ps.setString(3, f.date().toString());
        ps.setString(4, f.seeing().code());
        ps.setString(5, f.hearing().code());
        ps.setString(6, f.walking().code());
        ps.setString(7, f.cognition().code());
        ps.setString(8, f.selfCare().code());
        ps.setString(9, f.communication().code());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (Statement st = db.createStatement()) {
      st.execute(WG_SYNTAX);
    }
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO needs VALUES (?, ?, ?)");
        PreparedStatement pn = db.prepareStatement("INSERT INTO need VALUES (?, ?, ?)")) {
      for (NeedsAssessment n : s.needsAssessments()) {
        ps.setString(1, n.id().value());
        ps.setString(2, n.personId().value());
        ps.setString(3, n.date().toString());
        ps.addBatch();
        for (Need need : n.needs()) {
          pn.setString(1, n.id().value());
          pn.setString(2, need.serviceType().pillar().code());
          pn.setString(3, need.status().code());
          pn.addBatch();
        }
      }
      ps.executeBatch();
      pn.executeBatch();
    }
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO delivery VALUES (?, ?, ?, ?)")) {
      for (ServiceDelivery d : s.serviceDeliveries()) {
        ps.setString(1, d.personId().value());
        ps.setString(2, d.serviceType().pillar().code());
        ps.setString(3, d.startDate().toString());
        ps.setString(4, d.endDate().map(Object::toString).orElse(null));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO attempt VALUES (?, ?, ?, ?)");
        PreparedStatement ph = db.prepareStatement("INSERT INTO history VALUES (?, ?, ?, ?)")) {
      for (ReferralAttempt a : s.referralAttempts()) {
        ps.setString(1, a.id().value());
        ps.setString(2, a.destinationCountry().code());
        ps.setString(3, a.status().code());
        ps.setString(4, a.history().get(a.history().size() - 1).reasonCode().orElse(null));
        ps.addBatch();
        for (int i = 0; i < a.history().size(); i++) {
          StatusChange h = a.history().get(i);
          ph.setString(1, a.id().value());
          ph.setInt(2, i);
          ph.setString(3, h.status().code());
          ph.setString(
              4, LocalDateTime.ofInstant(h.at(), ZoneOffset.UTC).toString().replace('T', ' '));
          ph.addBatch();
        }
      }
      ps.executeBatch();
      ph.executeBatch();
    }
    String day =
        "CAST(CASE length(%1$s) WHEN 4 THEN %1$s || '-01-01' WHEN 7 THEN %1$s || '-01'"
            + " ELSE %1$s END AS DATE)";
    try (Statement st = db.createStatement()) {
      st.execute(
          "CREATE VIEW surv AS SELECT * FROM casualty_j WHERE outcome = 'injured'"
              + " AND day <= DATE '2023-12-31' AND (died IS NULL OR died > DATE '2023-12-31')");
      // Each person's latest assessment by the end of the period (ties: the larger id).
      String assessed = String.format(day, "date_text");
      for (String table : new String[] {"wg", "needs"}) {
        st.execute(
            "CREATE VIEW latest_"
                + table
                + " AS SELECT * FROM (SELECT *, "
                + assessed
                + " AS day, row_number() OVER (PARTITION BY person_id ORDER BY "
                + assessed
                + " DESC, id DESC) rn FROM "
                + table
                + " WHERE "
                + assessed
                + " <= DATE '2023-12-31') WHERE rn = 1");
      }
      st.execute(
          "CREATE VIEW delivery_d AS SELECT person_id, pillar, "
              + String.format(day, "start_text")
              + " AS start_day, "
              + String.format(day, "end_text")
              + " AS end_day FROM delivery");
      st.execute(
          "CREATE VIEW attempt_h AS SELECT a.*, "
              + firstReached("sent")
              + ", "
              + firstReached("accepted")
              + ", "
              + firstReached("completed")
              + " FROM attempt a");
      st.execute(
          "CREATE VIEW attempt_j AS SELECT * FROM attempt_h WHERE sent IS NOT NULL"
              + " AND CAST(sent AS DATE) BETWEEN DATE '2022-01-01' AND DATE '2023-12-31'");
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

  /** SQL for the time an attempt first reached a status, as a column named after the status. */
  private static String firstReached(String status) {
    return "(SELECT changed_at FROM history h WHERE h.attempt_id = a.id AND h.status = '"
        + status
        + "' ORDER BY seq LIMIT 1) AS "
        + status;
  }
}
