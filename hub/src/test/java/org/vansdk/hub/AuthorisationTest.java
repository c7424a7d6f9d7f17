package org.vansdk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.transport.http.EndpointResponse;

/**
 * Every caller against every route: a caller without one of the route's roles gets 401 (unsigned)
 * or 403 (signed) and the handler never runs; a caller with one passes the role check. The routes
 * are the hub's own plus dummy routes for the roles the other features use.
 */
class AuthorisationTest {
  @TempDir static Path dir;
  private static Hub hub;
  private static HubFixtures.Client client;
  private static final ConcurrentLinkedQueue<String> handled = new ConcurrentLinkedQueue<>();

  /** A caller: the organisation signing (empty: unsigned) and the roles it holds. */
  record Who(String name, Optional<OrganisationId> organisation, Set<Role> roles) {}

  static final List<Who> CALLERS =
      List.of(
          new Who("anonymous", Optional.empty(), Set.of(Role.READER)),
          new Who(
              "organisation", Optional.of(HubFixtures.THA), Set.of(Role.READER, Role.ORGANISATION)),
          new Who(
              "focal point",
              Optional.of(HubFixtures.KHM),
              Set.of(Role.READER, Role.ORGANISATION, Role.FOCAL_POINT)),
          new Who(
              "operator",
              Optional.of(HubFixtures.OPERATOR),
              Set.of(Role.READER, Role.ORGANISATION, Role.OPERATOR)));

  static final class Dummies implements HubFeature {
    @Override
    public List<Route> routes() {
      return List.of(
          route("PUT", "/van/v1/test/focal/{id}", Role.FOCAL_POINT),
          route("POST", "/van/v1/test/operator", Role.OPERATOR),
          route("DELETE", "/van/v1/test/either/{id}", Role.FOCAL_POINT, Role.OPERATOR),
          route("GET", "/van/v1/test/organisation", Role.ORGANISATION));
    }

    private static Route route(String method, String path, Role... roles) {
      return new Route(
          method,
          path,
          Set.of(roles),
          "test route",
          r -> {
            handled.add(method + " " + path);
            return new EndpointResponse(204, Map.of(), new byte[0]);
          });
    }
  }

  @BeforeAll
  static void start() {
    hub =
        HubFixtures.hub(dir, HubFixtures.h2(dir), new ConcurrentLinkedQueue<>())
            .feature(c -> new Dummies())
            .start();
    client = new HubFixtures.Client(hub.uri());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @TestFactory
  Stream<DynamicTest> everyCaller_againstEveryRoute() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Route route : hub.routes()) {
      for (Who who : CALLERS) {
        boolean allowed = !Collections.disjoint(route.roles(), who.roles());
        tests.add(
            DynamicTest.dynamicTest(
                who.name() + " " + route.method() + " " + route.pathTemplate(),
                () -> check(route, who, allowed)));
      }
    }
    return tests.stream();
  }

  private static void check(Route route, Who who, boolean allowed) {
    String path = route.pathTemplate().replaceAll("\\{[^}]+}", "x1");
    handled.clear();
    HttpResponse<byte[]> r =
        who.organisation().isEmpty()
            ? client.send(route.method(), path, "", new byte[0])
            : client.as(who.organisation().get(), route.method(), path, "", new byte[0]);
    if (allowed) {
      assertTrue(
          r.statusCode() != 401 && r.statusCode() != 403,
          "allowed but refused: " + r.statusCode() + " " + HubFixtures.text(r));
    } else {
      assertEquals(who.organisation().isEmpty() ? 401 : 403, r.statusCode(), HubFixtures.text(r));
      assertTrue(
          HubFixtures.text(r).contains(who.organisation().isEmpty() ? "VAN-H-0003" : "VAN-H-0004"));
      assertTrue(handled.isEmpty(), "the handler ran for a refused caller");
    }
  }
}
