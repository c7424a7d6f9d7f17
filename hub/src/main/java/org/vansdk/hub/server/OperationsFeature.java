package org.vansdk.hub.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.HubPaths;
import org.vansdk.hub.web.HubRequest;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hub's operations routes, open to every reader: {@code /health} (the database answers, the
 * trust list is held: 200 or 503), {@code /metrics} (Prometheus text format) and {@code
 * /openapi.json} (generated from the mounted routes).
 */
final class OperationsFeature implements HubFeature {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final DataSource db;
  private final PrometheusMeterRegistry prometheus;
  private final Supplier<List<Route>> mounted;
  private final Supplier<Long> trustListVersion;
  private final String version;

  OperationsFeature(
      DataSource db,
      PrometheusMeterRegistry prometheus,
      Supplier<List<Route>> mounted,
      Supplier<Long> trustListVersion,
      String version) {
    this.db = db;
    this.prometheus = prometheus;
    this.mounted = mounted;
    this.trustListVersion = trustListVersion;
    this.version = version;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        new Route(
            "GET",
            HubPaths.HEALTH,
            Set.of(Role.READER),
            "Whether the hub is up: its database answers and it holds a trust list",
            this::health),
        new Route(
            "GET",
            HubPaths.METRICS,
            Set.of(Role.READER),
            "The hub's meters in the Prometheus text format",
            this::metrics),
        new Route(
            "GET",
            HubPaths.OPENAPI,
            Set.of(Role.READER),
            "This API's OpenAPI 3.1 document, generated from the mounted routes",
            this::openApi));
  }

  private EndpointResponse health(HubRequest request) {
    boolean database;
    try (Connection c = db.getConnection()) {
      database = c.isValid(2);
    } catch (SQLException e) {
      database = false;
    }
    long trust = trustListVersion.get();
    boolean up = database && trust > 0;
    ObjectNode doc =
        JsonNodeFactory.instance
            .objectNode()
            .put("status", up ? "up" : "down")
            .put("database", database ? "up" : "down")
            .put("trustListVersion", trust);
    return new EndpointResponse(
        up ? 200 : 503,
        Map.of("Content-Type", "application/json"),
        MAPPER.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8));
  }

  private EndpointResponse metrics(HubRequest request) {
    return new EndpointResponse(
        200,
        Map.of("Content-Type", "text/plain; version=0.0.4; charset=utf-8"),
        prometheus.scrape().getBytes(StandardCharsets.UTF_8));
  }

  private EndpointResponse openApi(HubRequest request) {
    return new EndpointResponse(
        200,
        Map.of("Content-Type", "application/json"),
        MAPPER
            .writeValueAsString(OpenApiDocument.of(mounted.get(), version))
            .getBytes(StandardCharsets.UTF_8));
  }
}
