package org.vansdk.referral.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The stores a contract test runs against: in memory, H2 file, and PostgreSQL ({@link
 * TestPostgres}).
 */
final class StoreFixtures {

  private StoreFixtures() {}

  /** A fresh, empty PostgreSQL store: drops the referral tables first. */
  static Supplier<ReferralStore> freshPostgres(String url) {
    return () -> {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        for (String t :
            new String[] {
              "van_attempt",
              "van_audit",
              "van_audit_head",
              "van_processed",
              "van_inbound_seq",
              "van_outbox",
              "van_consent",
              "van_referral_schema"
            }) {
          s.execute("DROP TABLE IF EXISTS " + t);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot reset PostgreSQL test database", e);
      }
      return JdbcReferralStore.open(url);
    };
  }

  static Supplier<ReferralStore> h2(Path dir) {
    return () -> JdbcReferralStore.h2File(dir.resolve("store"));
  }
}
