package org.vansdk.hub.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.hub.testing.Requests.focalPoint;
import static org.vansdk.hub.testing.Requests.request;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.hub.testing.TestRouter;
import org.vansdk.hub.web.Caller;
import org.vansdk.hub.web.HubContext;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.JsonNode;

/**
 * The directory's behaviour, run on each database the hub supports (one subclass each): the
 * directories of two countries' generated populations are registered by their focal points and
 * searched, replaced, exported and removed through the feature's routes.
 */
abstract class DirectoryFeatureContract {
  private static final VanJson JSON = VanJson.strict();

  /** A fresh, migrated database. */
  abstract DataSource database();

  private DataSource db;
  private TestRouter router;
  private final List<Organisation> organisations = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();
  private final List<ServiceLocation> locations = new ArrayList<>();

  @BeforeEach
  void setUp() {
    db = database();
    HubContext context =
        new HubContext(
            db,
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC),
            new SimpleMeterRegistry(),
            () -> {
              throw new AssertionError("the directory needs no trust list");
            });
    router = new TestRouter(List.of(new DirectoryFeature(context)));
    for (CountryCode country : List.of(CountryCode.KHM, CountryCode.LAO)) {
      PopulationGenerator.of(
              PopulationSpec.builder().country(country).casualties(0).careFlow(false).build())
          .forEach(
              r -> {
                if (r instanceof Organisation o) {
                  organisations.add(o);
                } else if (r instanceof Service s) {
                  services.add(s);
                } else if (r instanceof ServiceLocation l) {
                  locations.add(l);
                }
              });
    }
    for (Organisation o : organisations) {
      EndpointResponse r =
          call("PUT", "/van/v1/directory/organisations/" + o.id(), JSON.write(o), owner(o));
      assertEquals(201, r.status(), () -> text(r));
    }
    for (Service s : services) {
      EndpointResponse r =
          call("PUT", "/van/v1/directory/services/" + s.id(), JSON.write(entry(s)), owner(s));
      assertEquals(201, r.status(), () -> text(r));
    }
  }

  private Caller owner(Organisation o) {
    return focalPoint(o.country().code());
  }

  private Caller owner(Service s) {
    return focalPoint(organisation(s).country().code());
  }

  private Organisation organisation(Service s) {
    return organisations.stream()
        .filter(o -> o.id().equals(s.organisationId()))
        .findFirst()
        .orElseThrow();
  }

  private ServiceEntry entry(Service s) {
    return ServiceEntry.builder()
        .service(s)
        .locations(locations.stream().filter(l -> l.serviceId().equals(s.id())).toList())
        .build();
  }

  private EndpointResponse call(String method, String path, String body, Caller caller) {
    return router.handle(request(method, path, body), caller);
  }

  private EndpointResponse get(String path) {
    return router.handle(request("GET", path, ""));
  }

  private static String text(EndpointResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static JsonNode tree(EndpointResponse r) {
    return JSON.mapper().readTree(r.body());
  }

  private Set<String> found(String query) {
    EndpointResponse r = get("/van/v1/directory" + query);
    assertEquals(200, r.status(), () -> text(r));
    assertEquals("application/json", r.headers().get("Content-Type"));
    Set<String> ids = new TreeSet<>();
    for (JsonNode s : tree(r).get("services")) {
      ids.add(s.get("service").get("id").asString());
    }
    return ids;
  }

  private Set<String> expected(java.util.function.Predicate<Service> filter) {
    Set<String> ids = new TreeSet<>();
    services.stream().filter(filter).forEach(s -> ids.add(s.id().value()));
    return ids;
  }

  @Test
  void search_byCountry_findsEveryServiceOfIt() {
    for (CountryCode c : List.of(CountryCode.KHM, CountryCode.LAO)) {
      Set<String> want = expected(s -> organisation(s).country().equals(c));
      assertFalse(want.isEmpty());
      assertEquals(want, found("?country=" + c.code()));
    }
    assertEquals(expected(s -> true), found("?limit=500"));
  }

  @Test
  void search_byServiceTypeAreaAndText_matchesTheRecords() {
    for (ServiceType t : ServiceType.values()) {
      assertEquals(
          expected(s -> s.serviceTypes().contains(t)),
          found("?serviceType=" + t.code() + "&limit=500"),
          t.code());
    }
    ServiceLocation some = locations.get(0);
    String area = some.areasCovered().get(0).pCode();
    Set<String> inArea = new TreeSet<>();
    for (ServiceLocation l : locations) {
      for (AdminArea a : l.areasCovered()) {
        if (a.pCode().startsWith(area) || area.startsWith(a.pCode())) {
          inArea.add(l.serviceId().value());
        }
      }
    }
    assertEquals(inArea, found("?area=" + area));
    Service named = services.get(services.size() - 1);
    String word = named.name().get(0).text().split(" ")[0];
    Set<String> byName =
        expected(
            s ->
                s.name().get(0).text().toLowerCase().contains(word.toLowerCase())
                    || organisation(s)
                        .name()
                        .get(0)
                        .text()
                        .toLowerCase()
                        .contains(word.toLowerCase()));
    assertTrue(byName.contains(named.id().value()));
    assertEquals(byName, found("?q=" + word.toUpperCase()));
    assertEquals(Set.of(), found("?q=%25_!"));
  }

  @Test
  void search_isCutAtTheLimit_andSaysSo() {
    EndpointResponse r = get("/van/v1/directory?limit=1");
    assertEquals(1, tree(r).get("services").size());
    assertTrue(tree(r).get("truncated").asBoolean());
    assertFalse(tree(get("/van/v1/directory?limit=500")).get("truncated").asBoolean());
  }

  @Test
  void search_refusesUnknownRepeatedAndMalformedParameters() {
    for (String q :
        List.of(
            "?colour=red",
            "?country=KHM&country=LAO",
            "?country=Cambodia",
            "?serviceType=massage",
            "?area=kh-01",
            "?limit=0",
            "?limit=lots",
            "?q=" + "x".repeat(101))) {
      EndpointResponse r = get("/van/v1/directory" + q);
      assertEquals(400, r.status(), q);
      assertEquals("VAN-H-0207", tree(r).get("code").asString(), q);
    }
    assertTrue(text(get("/van/v1/directory?colour=red")).contains("colour"));
  }

  @Test
  void record_isReadStrictly_withTheJsonPointerOfTheProblem() {
    Organisation o = organisations.get(0);
    String body = JSON.write(o).replaceFirst("\\{", "{\"colour\":\"red\",");
    EndpointResponse r = call("PUT", "/van/v1/directory/organisations/" + o.id(), body, owner(o));
    assertEquals(400, r.status());
    assertEquals("VAN-H-0201", tree(r).get("code").asString());
    assertTrue(tree(r).get("title").asString().contains("/colour"), text(r));

    Service s = services.get(0);
    String bad = JSON.write(entry(s)).replace("\"status\":\"active\"", "\"status\":\"open\"");
    r = call("PUT", "/van/v1/directory/services/" + s.id(), bad, owner(s));
    assertEquals(400, r.status());
    assertTrue(tree(r).get("title").asString().contains("/service/status"), text(r));
    assertEquals(JSON.write(entry(s)), text(get("/van/v1/directory/services/" + s.id())));
  }

  @Test
  void focalPoint_registersOnlyForItsOwnCountry() {
    Organisation khm =
        organisations.stream()
            .filter(o -> o.country().equals(CountryCode.KHM))
            .findFirst()
            .orElseThrow();
    Organisation moved = Organisation.builder().from(khm).country(CountryCode.LAO).build();
    EndpointResponse r =
        call(
            "PUT",
            "/van/v1/directory/organisations/" + khm.id(),
            JSON.write(moved),
            focalPoint("LAO"));
    assertEquals(403, r.status(), () -> text(r));
    assertEquals("VAN-H-0202", tree(r).get("code").asString());
    assertEquals(JSON.write(khm), text(get("/van/v1/directory/organisations/" + khm.id())));

    Service s =
        services.stream()
            .filter(x -> organisation(x).country().equals(CountryCode.KHM))
            .findFirst()
            .orElseThrow();
    assertEquals(
        403,
        call("PUT", "/van/v1/directory/services/" + s.id(), JSON.write(entry(s)), focalPoint("LAO"))
            .status());
    assertEquals(
        403,
        call("DELETE", "/van/v1/directory/services/" + s.id(), "", focalPoint("LAO")).status());
    assertEquals(200, get("/van/v1/directory/services/" + s.id()).status());
  }

  @Test
  void service_needsARegisteredOrganisationAndMatchingIds() {
    Service s = services.get(0);
    Service orphan =
        Service.builder()
            .from(s)
            .organisationId(org.vansdk.core.id.OrganisationId.parse("KHM-NOBODY-org"))
            .build();
    EndpointResponse r =
        call(
            "PUT",
            "/van/v1/directory/services/" + s.id(),
            JSON.write(ServiceEntry.builder().service(orphan).build()),
            owner(s));
    assertEquals(409, r.status(), () -> text(r));
    assertEquals("VAN-H-0204", tree(r).get("code").asString());
    EndpointResponse other =
        call("PUT", "/van/v1/directory/services/KHM-OTHER-svc-9", JSON.write(entry(s)), owner(s));
    assertEquals(400, other.status());
    assertEquals("VAN-H-0203", tree(other).get("code").asString());
  }

  @Test
  void service_isReplacedWhole() {
    Service s = services.get(0);
    ServiceType before = s.serviceTypes().get(0);
    ServiceType after =
        java.util.Arrays.stream(ServiceType.values())
            .filter(t -> !s.serviceTypes().contains(t))
            .findFirst()
            .orElseThrow();
    ServiceEntry changed =
        ServiceEntry.builder()
            .service(Service.builder().from(s).serviceTypes(List.of(after)).build())
            .build();
    EndpointResponse r =
        call("PUT", "/van/v1/directory/services/" + s.id(), JSON.write(changed), owner(s));
    assertEquals(200, r.status(), () -> text(r));
    assertTrue(found("?serviceType=" + after.code()).contains(s.id().value()));
    assertFalse(found("?serviceType=" + before.code()).contains(s.id().value()));
    String area = entry(s).locations().get(0).areasCovered().get(0).pCode();
    assertFalse(found("?area=" + area + "&limit=500").contains(s.id().value()));
    assertEquals(JSON.write(changed), text(get("/van/v1/directory/services/" + s.id())));
  }

  @Test
  void organisation_withServices_cannotBeRemoved_untilTheyAre() {
    Service s = services.get(0);
    Organisation o = organisation(s);
    String path = "/van/v1/directory/organisations/" + o.id();
    assertEquals(409, call("DELETE", path, "", owner(o)).status());
    for (Service x : services) {
      if (x.organisationId().equals(o.id())) {
        assertEquals(
            204, call("DELETE", "/van/v1/directory/services/" + x.id(), "", owner(o)).status());
      }
    }
    assertEquals(204, call("DELETE", path, "", owner(o)).status());
    assertEquals(404, get(path).status());
    assertEquals(404, call("DELETE", path, "", owner(o)).status());
  }

  @Test
  void hsdsExport_holdsEveryRecord_andFiltersByCountry() {
    EndpointResponse r = get("/van/v1/directory.hsds");
    assertEquals(200, r.status(), () -> text(r));
    JsonNode all = tree(r);
    assertEquals(organisations.size(), all.get("organizations").size());
    assertEquals(services.size(), all.get("services").size());
    assertEquals(locations.size(), all.get("service_at_locations").size());
    assertTrue(all.get("taxonomy_terms").size() > 0);
    JsonNode lao = tree(get("/van/v1/directory.hsds?country=LAO"));
    long laoOrgs = organisations.stream().filter(o -> o.country().equals(CountryCode.LAO)).count();
    assertEquals(laoOrgs, lao.get("organizations").size());
    assertEquals(400, get("/van/v1/directory.hsds?country=LAO&q=x").status());
  }
}
