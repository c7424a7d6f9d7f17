package org.vansdk.hub.directory;

import javax.sql.DataSource;
import org.vansdk.hub.testing.TestDatabases;

class DirectoryFeatureH2Test extends DirectoryFeatureContract {
  @Override
  DataSource database() {
    return TestDatabases.h2();
  }
}
