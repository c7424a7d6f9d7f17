package org.vansdk.hub.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.vansdk.transport.trust.TrustList;

/**
 * What every feature of the hub is built from: the database (migrated before any feature is built),
 * the clock, the meter registry and the current trust list. Immutable.
 *
 * @param dataSource the hub's pooled database (H2 or PostgreSQL)
 * @param clock the clock every timestamp is taken from
 * @param meters where features register their meters (served at {@code /metrics})
 * @param trustList the trust list in force now (refreshed by the server)
 * @since 1.0
 */
public record HubContext(
    DataSource dataSource, Clock clock, MeterRegistry meters, Supplier<TrustList> trustList) {

  /** Checks that nothing is missing. */
  public HubContext {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(meters, "meters");
    Objects.requireNonNull(trustList, "trustList");
  }
}
