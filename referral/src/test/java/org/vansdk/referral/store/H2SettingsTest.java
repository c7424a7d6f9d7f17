package org.vansdk.referral.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file store leaves its database with the settings it relies on: commits written before they
 * return ({@code WRITE_DELAY 0}), and stored JSON of a few KiB kept in its row instead of H2's
 * separate LOB maps ({@code MAX_LENGTH_INPLACE_LOB}), both persistent.
 */
class H2SettingsTest {

  @TempDir Path dir;

  @Test
  void h2File_keepsJsonOfAFewKibInItsRow() throws Exception {
    Path file = dir.resolve("settings");
    JdbcReferralStore.h2File(file).close();
    Map<String, String> settings = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath());
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        settings.put(rs.getString(1), rs.getString(2));
      }
    }
    assertEquals(
        Map.of("MAX_LENGTH_INPLACE_LOB", Integer.toString(JdbcReferralStore.H2_INPLACE_LOB)),
        settings);
  }

  @Test
  void h2Url_asksForSmallPages_unlessItChoosesItsOwn_otherDatabasesUntouched() {
    assertEquals(
        "jdbc:h2:file:/x/khm;DB_CLOSE_ON_EXIT=FALSE;PAGE_SIZE=4096",
        JdbcReferralStore.withH2PageSize("jdbc:h2:file:/x/khm;DB_CLOSE_ON_EXIT=FALSE"));
    assertEquals(
        "jdbc:h2:mem:khm;page_size=16384",
        JdbcReferralStore.withH2PageSize("jdbc:h2:mem:khm;page_size=16384"));
    assertEquals(
        "jdbc:postgresql://localhost/khm",
        JdbcReferralStore.withH2PageSize("jdbc:postgresql://localhost/khm"));
  }

  @Test
  void h2File_withSmallPages_keepsWhatItStoredAcrossAReopen() {
    Path file = dir.resolve("pages");
    try (JdbcReferralStore store = JdbcReferralStore.h2File(file)) {
      store.commit(
          Change.builder()
              .addConsents(
                  new ConsentState(org.vansdk.core.id.ConsentId.parse("KHM-CMAA-C1"), 2, false))
              .build());
    }
    try (JdbcReferralStore store =
        JdbcReferralStore.open("jdbc:h2:file:" + file.toAbsolutePath() + ";PAGE_SIZE=16384")) {
      assertEquals(
          2,
          store.consent(org.vansdk.core.id.ConsentId.parse("KHM-CMAA-C1")).orElseThrow().version());
    }
  }
}
