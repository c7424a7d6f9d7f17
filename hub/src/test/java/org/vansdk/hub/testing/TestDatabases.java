package org.vansdk.hub.testing;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.vansdk.hub.store.TestPostgres;

/**
 * Fresh, migrated databases for the hub's storage tests: an in-memory H2, and a schema of its own
 * on the tests' one PostgreSQL server ({@link TestPostgres}).
 */
public final class TestDatabases {
  /** Where the hub's migrations live. */
  public static final String MIGRATIONS = "classpath:org/vansdk/hub/db/migration";

  private TestDatabases() {}

  /** A fresh in-memory H2 database with the hub's migrations applied. */
  public static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:hub-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return migrate(ds);
  }

  /** A fresh schema on PostgreSQL ({@link TestPostgres}) with the hub's migrations applied. */
  public static DataSource postgres() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(TestPostgres.freshSchema());
    return migrate(ds);
  }

  private static DataSource migrate(DataSource ds) {
    Flyway.configure().dataSource(ds).locations(MIGRATIONS).load().migrate();
    return ds;
  }
}
