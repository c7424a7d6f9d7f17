package org.vansdk.hub.submission;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.vansdk.hub.testing.TestDatabases;
import org.vansdk.hub.web.HubContext;

/**
 * The databases the submission and figures tests run on, each fresh and migrated with every
 * migration of the hub ({@link TestDatabases}): H2 in memory, and a new schema on the tests'
 * PostgreSQL.
 */
public enum HubDatabases {
  H2,
  POSTGRESQL;

  /** A fresh, migrated database. */
  public DataSource fresh() {
    return this == H2 ? TestDatabases.h2() : TestDatabases.postgres();
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
}
