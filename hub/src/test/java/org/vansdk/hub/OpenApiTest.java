package org.vansdk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document at {@code /openapi.json}: valid OpenAPI 3.1 under swagger-parser, one
 * operation per mounted route and no other, and every documented operation answers (called by a
 * caller holding one of its documented roles: never 404, 405 or 5xx).
 */
class OpenApiTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @TempDir Path dir;
  private Hub hub;
  private HubFixtures.Client client;

  /** A feature with a path parameter, as the other features have. */
  static final class Echo implements HubFeature {
    @Override
    public List<Route> routes() {
      return List.of(
          new Route(
              "GET",
              "/van/v1/test/{name}/echo",
              Set.of(Role.READER),
              "Echoes a path parameter",
              r ->
                  new EndpointResponse(
                      200,
                      Map.of("Content-Type", "text/plain"),
                      r.pathParameter("name").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
  }

  @BeforeEach
  void start() {
    hub =
        HubFixtures.hub(dir, HubFixtures.h2(dir), new ConcurrentLinkedQueue<>())
            .feature(c -> new Echo())
            .start();
    client = new HubFixtures.Client(hub.uri());
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void document_isValidOpenApi31_andListsExactlyTheMountedRoutes() {
    HttpResponse<byte[]> r = client.send("GET", "/openapi.json", "", new byte[0]);
    assertEquals(200, r.statusCode());
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed =
        new OpenAPIV3Parser().readContents(HubFixtures.text(r), null, options);
    assertTrue(parsed.getMessages().isEmpty(), "swagger-parser: " + parsed.getMessages());
    assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());

    Set<String> documented = new TreeSet<>();
    parsed
        .getOpenAPI()
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(m -> documented.add(m.name() + " " + path)));
    Set<String> mounted = new TreeSet<>();
    hub.routes().forEach(route -> mounted.add(route.method() + " " + route.pathTemplate()));
    assertEquals(mounted, documented);
  }

  @Test
  void everyDocumentedOperation_answers() {
    JsonNode doc = MAPPER.readTree(client.send("GET", "/openapi.json", "", new byte[0]).body());
    int called = 0;
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
        String target = path.getKey().replaceAll("\\{[^}]+}", "p1");
        Set<String> roles = new TreeSet<>();
        op.getValue().get("x-van-roles").forEach(n -> roles.add(n.asString()));
        OrganisationId caller =
            roles.contains("operator")
                ? HubFixtures.OPERATOR
                : roles.contains("focal_point") ? HubFixtures.KHM : HubFixtures.LAO;
        HttpResponse<byte[]> r =
            roles.contains("reader")
                ? client.send(method, target, "", new byte[0])
                : client.as(caller, method, target, "", new byte[0]);
        int s = r.statusCode();
        assertTrue(
            s != 404 && s != 405 && s < 500 && s != 401 && s != 403,
            method + " " + path.getKey() + " answered " + s + " " + HubFixtures.text(r));
        called++;
      }
    }
    assertEquals(hub.routes().size(), called);
  }
}
