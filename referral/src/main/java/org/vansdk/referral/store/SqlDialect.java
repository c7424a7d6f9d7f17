package org.vansdk.referral.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that H2 and PostgreSQL spell differently in {@link JdbcReferralStore}: an insert that
 * replaces the row with the same key. One statement instead of an update and, when it found
 * nothing, an insert: on PostgreSQL every statement is a round trip to the server, made while the
 * node waits.
 */
enum SqlDialect {
  /** H2 2.x: {@code MERGE INTO ... KEY (...) VALUES (...)}. */
  H2,

  /** PostgreSQL 12+: {@code INSERT ... ON CONFLICT (...) DO UPDATE}. */
  POSTGRESQL;

  /**
   * The statement that inserts a row of {@code columns} (bound in that order) or, if a row with the
   * same {@code key} exists, replaces its other columns.
   */
  String upsert(String table, List<String> key, List<String> columns) {
    String into = table + " (" + String.join(", ", columns) + ")";
    String values =
        " VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    String keys = " (" + String.join(", ", key) + ")";
    return switch (this) {
      case H2 -> "MERGE INTO " + into + " KEY" + keys + values;
      case POSTGRESQL ->
          "INSERT INTO "
              + into
              + values
              + " ON CONFLICT"
              + keys
              + " DO UPDATE SET "
              + columns.stream()
                  .filter(c -> !key.contains(c))
                  .map(c -> c + " = EXCLUDED." + c)
                  .collect(Collectors.joining(", "));
    };
  }

  /**
   * The dialect of the connected database.
   *
   * @throws ReferralStoreException if it is neither H2 nor PostgreSQL
   */
  static SqlDialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    return switch (product) {
      case "H2" -> H2;
      case "PostgreSQL" -> POSTGRESQL;
      default ->
          throw new ReferralStoreException(
              "the referral store runs on H2 and PostgreSQL; the database is " + product);
    };
  }
}
