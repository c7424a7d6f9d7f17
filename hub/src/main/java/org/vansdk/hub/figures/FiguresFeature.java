package org.vansdk.hub.figures;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vansdk.exchange.ExchangeException;
import org.vansdk.exchange.sdmx.AdxWriter;
import org.vansdk.exchange.sdmx.SdmxCsvReader;
import org.vansdk.hub.web.HubContext;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.HubPaths;
import org.vansdk.hub.web.HubRequest;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.indicators.export.IndicatorCsv;
import org.vansdk.indicators.export.IndicatorJson;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.transport.http.EndpointResponse;

/**
 * The published regional figures, for every reader: {@code GET /van/v1/figures} (the indicators
 * module's JSON form), {@code /van/v1/figures.csv} (SDMX-CSV 2.0) and {@code /van/v1/figures.adx}
 * (ADX), each filtered by the optional query parameters {@code country} (ISO alpha-3) and {@code
 * year}. The figures are those {@link RegionalFigures} stored at the last approval; this feature
 * only reads them (and keeps the last one read). Thread-safe.
 *
 * @since 1.0
 */
public final class FiguresFeature implements HubFeature {
  /** The org unit of the regional ADX document when no country is asked for. */
  public static final String REGION = "ASEAN";

  private final HubContext context;
  private final RegionalFigures figures;
  private volatile @Nullable Published cache;

  /** The figures as stored: their version, when computed, and the table. */
  private record Published(long version, Instant computedAt, IndicatorTable table) {}

  /**
   * The feature over the hub's database (migrated).
   *
   * @param context the hub's context
   */
  public FiguresFeature(HubContext context) {
    this.context = context;
    this.figures = new RegionalFigures(context.clock());
  }

  @Override
  public List<Route> routes() {
    Set<Role> anyone = Set.of(Role.READER);
    return List.of(
        new Route(
            "GET",
            HubPaths.FIGURES,
            anyone,
            "The regional figures as JSON (filters: country, year)",
            r -> json(r)),
        new Route(
            "GET",
            HubPaths.FIGURES_CSV,
            anyone,
            "The regional figures as SDMX-CSV 2.0 (filters: country, year)",
            r -> csv(r)),
        new Route(
            "GET",
            HubPaths.FIGURES_ADX,
            anyone,
            "The regional figures as ADX (filters: country, year)",
            r -> adx(r)));
  }

  private EndpointResponse json(HubRequest request) {
    IndicatorTable table = FigureQuery.parse(request).filter(published().table());
    return ok("application/json", IndicatorJson.toJson(table));
  }

  private EndpointResponse csv(HubRequest request) {
    IndicatorTable table = FigureQuery.parse(request).filter(published().table());
    return ok("text/csv; charset=utf-8", IndicatorCsv.toCsv(table));
  }

  private EndpointResponse adx(HubRequest request) {
    FigureQuery query = FigureQuery.parse(request);
    Published p = published();
    StringWriter out = new StringWriter();
    AdxWriter.of(query.country().orElse(REGION), p.computedAt())
        .write(query.filter(p.table()), out);
    return ok(AdxWriter.MEDIA_TYPE, out.toString());
  }

  private static EndpointResponse ok(String mediaType, String body) {
    return new EndpointResponse(
        200,
        Map.of("Content-Type", mediaType, "Cache-Control", "no-cache"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** The stored figures, read again only when a newer version is stored. */
  private Published published() {
    try (Connection c = context.dataSource().getConnection()) {
      long version = 0;
      try (PreparedStatement s =
          c.prepareStatement("SELECT version FROM hub_regional_figures WHERE figures_id = ?")) {
        s.setInt(1, RegionalFigures.ROW);
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            version = r.getLong(1);
          }
        }
      }
      Published known = cache;
      if (known != null && known.version() == version) {
        return known;
      }
      Published read = read(c, version);
      cache = read;
      return read;
    } catch (SQLException e) {
      throw new HubException(
          503,
          FigureErrors.UNAVAILABLE,
          "the hub's store failed (SQLSTATE " + e.getSQLState() + "); ask again later");
    }
  }

  private Published read(Connection c, long version) throws SQLException {
    if (version == 0) {
      return new Published(0, Instant.now(context.clock()), empty());
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT version, computed_at, table_csv FROM hub_regional_figures"
                + " WHERE figures_id = ?")) {
      s.setInt(1, RegionalFigures.ROW);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return new Published(0, Instant.now(context.clock()), empty());
        }
        String csv = r.getString(3);
        IndicatorTable table;
        if (csv.strip().indexOf('\n') < 0) {
          table = empty(); // no release with a dated casualty: the header alone
        } else {
          try {
            table = SdmxCsvReader.read(new StringReader(csv));
          } catch (ExchangeException e) {
            throw new HubException(
                500,
                FigureErrors.UNREADABLE_FIGURES,
                "the stored regional figures cannot be read back (" + e.code() + ")");
          }
        }
        return new Published(r.getLong(1), Instant.parse(r.getString(2)), table);
      }
    }
  }

  private IndicatorTable empty() {
    return IndicatorTable.of(figures.emptyPeriod(), List.of());
  }
}
