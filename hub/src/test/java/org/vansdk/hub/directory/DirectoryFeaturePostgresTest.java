package org.vansdk.hub.directory;

import javax.sql.DataSource;
import org.vansdk.hub.testing.TestDatabases;

class DirectoryFeaturePostgresTest extends DirectoryFeatureContract {
  @Override
  DataSource database() {
    return TestDatabases.postgres();
  }
}
