package org.vansdk.hub.store;

import java.util.Locale;
import org.vansdk.hub.HubErrors;
import org.vansdk.hub.web.HubException;

/**
 * The databases the hub runs on. The migrations are written in the SQL both understand, so the
 * dialect only names the database in messages and metrics.
 *
 * @since 1.0
 */
public enum Dialect {
  /** H2, an embedded file (the default) or in memory for tests. */
  H2("h2"),
  /** PostgreSQL 12 or later. */
  POSTGRESQL("postgresql");

  private final String label;

  Dialect(String label) {
    this.label = label;
  }

  /** The lower-case name, e.g. {@code postgresql}. */
  public String label() {
    return label;
  }

  /**
   * The dialect of a JDBC URL.
   *
   * @throws HubException with {@link HubErrors#CANNOT_START} if the URL is of another database
   */
  public static Dialect of(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new HubException(
        500,
        HubErrors.CANNOT_START,
        "the hub runs on H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql://…); the URL names another"
            + " database");
  }
}
