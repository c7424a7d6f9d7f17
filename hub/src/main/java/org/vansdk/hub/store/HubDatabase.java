package org.vansdk.hub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.vansdk.hub.HubErrors;
import org.vansdk.hub.web.HubException;

/**
 * The hub's database: a HikariCP pool on an H2 file ({@code jdbc:h2:file:…}) or a PostgreSQL server
 * ({@code jdbc:postgresql://…}), migrated by Flyway from {@value #MIGRATIONS} before anything uses
 * it. Every feature's tables come from those migrations (the relay's V1 to V9, submissions V10 to
 * V19, the directory V20 to V29). On H2 a commit is in the file before it returns ({@code
 * WRITE_DELAY 0}), so it survives the process being killed. Thread-safe; close it to close the
 * pool.
 *
 * @since 1.0
 */
public final class HubDatabase implements AutoCloseable {

  /** Where the migrations live on the class path. */
  public static final String MIGRATIONS = "classpath:org/vansdk/hub/db/migration";

  private final HikariDataSource pool;
  private final Dialect dialect;

  private HubDatabase(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  /**
   * Opens the pool on a JDBC URL and applies the pending migrations.
   *
   * @param jdbcUrl an H2 or PostgreSQL JDBC URL
   * @param user the database user (empty for H2's default)
   * @param password the password (empty if none)
   * @param poolSize the most connections the pool holds
   * @return the migrated database
   * @throws HubException with {@link HubErrors#CANNOT_START} if the URL is of another database, the
   *     database cannot be reached or a migration fails (the message names the migration's version,
   *     never data)
   */
  public static HubDatabase open(String jdbcUrl, String user, String password, int poolSize) {
    Dialect dialect = Dialect.of(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (!user.isEmpty()) {
      config.setUsername(user);
    }
    if (!password.isEmpty()) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("van-hub");
    config.setAutoCommit(true);
    config.setConnectionTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new HubException(
          503,
          HubErrors.CANNOT_START,
          "the hub's database cannot be reached (" + dialect.label() + "): " + rootCause(e));
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations(MIGRATIONS)
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new HubException(
          503,
          HubErrors.CANNOT_START,
          "the hub's database could not be migrated (" + dialect.label() + "): " + rootCause(e));
    }
    if (dialect == Dialect.H2) {
      // H2 otherwise writes committed changes to its file up to 500 ms later: a hub killed in that
      // window would lose messages it already answered 202 for.
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SET WRITE_DELAY 0");
      } catch (SQLException e) {
        pool.close();
        throw new HubException(
            503,
            HubErrors.CANNOT_START,
            "the H2 user cannot set WRITE_DELAY 0 (it needs admin rights); without it a killed hub"
                + " loses its last commits (SQL state "
                + e.getSQLState()
                + ")");
      }
    }
    return new HubDatabase(pool, dialect);
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName();
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return pool;
  }

  /** Which database this is. */
  public Dialect dialect() {
    return dialect;
  }

  /** Closes the pool; connections in use are closed as they are returned. */
  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "HubDatabase[" + dialect.label() + "]";
  }
}
