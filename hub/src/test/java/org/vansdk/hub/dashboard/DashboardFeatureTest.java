package org.vansdk.hub.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.need.ServiceType;
import org.vansdk.hub.testing.TestDatabases;
import org.vansdk.hub.testing.TestRouter;
import org.vansdk.hub.web.HubContext;
import org.vansdk.indicators.catalogue.Indicator;
import org.vansdk.indicators.catalogue.IndicatorCatalogue;
import org.vansdk.transport.http.EndpointRequest;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.JsonNode;

class DashboardFeatureTest {
  private static final VanJson JSON = VanJson.strict();

  private final TestRouter router =
      new TestRouter(
          List.of(
              new DashboardFeature(
                  new HubContext(
                      TestDatabases.h2(),
                      Clock.systemUTC(),
                      new SimpleMeterRegistry(),
                      () -> {
                        throw new AssertionError("no trust list needed");
                      }))));

  private EndpointResponse get(String path, String query, Map<String, List<String>> headers) {
    return router.handle(
        new EndpointRequest("GET", path, query, headers, new ByteArrayInputStream(new byte[0])));
  }

  private EndpointResponse get(String path) {
    return get(path, "", Map.of());
  }

  private static String text(EndpointResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void everyFile_hasItsMediaType_aStrictPolicy_andCacheHeaders() {
    Map<String, String> types =
        Map.of(
            "/", "text/html; charset=utf-8",
            "/dashboard/dashboard.js", "text/javascript; charset=utf-8",
            "/dashboard/dashboard.css", "text/css; charset=utf-8",
            "/dashboard/echarts.min.js", "text/javascript; charset=utf-8",
            "/dashboard/labels/km", "application/json");
    types.forEach(
        (path, type) -> {
          EndpointResponse r = get(path);
          assertEquals(200, r.status(), path);
          assertEquals(type, r.headers().get("Content-Type"), path);
          assertEquals(
              DashboardFeature.CONTENT_SECURITY_POLICY,
              r.headers().get("Content-Security-Policy"),
              path);
          assertTrue(r.headers().get("Content-Security-Policy").contains("script-src 'self';"));
          assertEquals("nosniff", r.headers().get("X-Content-Type-Options"), path);
          assertTrue(r.headers().containsKey("Cache-Control"), path);
          assertTrue(r.headers().get("ETag").startsWith("\""), path);
          assertTrue(r.body().length > 0, path);
        });
    assertTrue(text(get("/dashboard/echarts.min.js")).contains("echarts"));
  }

  @Test
  void unchangedFile_isRevalidatedWith304() {
    EndpointResponse first = get("/dashboard/dashboard.js");
    String etag = first.headers().get("ETag");
    EndpointResponse again =
        get("/dashboard/dashboard.js", "", Map.of("If-None-Match", List.of(etag)));
    assertEquals(304, again.status());
    assertEquals(0, again.body().length);
    assertEquals(
        200,
        get("/dashboard/dashboard.js", "", Map.of("If-None-Match", List.of("\"other\""))).status());
  }

  @Test
  void page_fetchesNothingFromOutsideTheHub() {
    Pattern reference = Pattern.compile("(?:src|href)=\"([^\"]+)\"|url\\(([^)]+)\\)|https?://");
    for (String path : List.of("/", "/dashboard/dashboard.js", "/dashboard/dashboard.css")) {
      Matcher m = reference.matcher(text(get(path)));
      while (m.find()) {
        String target = m.group(1) != null ? m.group(1) : m.group(2);
        assertTrue(target != null && target.startsWith("/dashboard/"), path + ": " + m.group());
      }
    }
    assertFalse(text(get("/")).contains("<script>"), "no inline script (the policy forbids it)");
    assertFalse(text(get("/")).contains("style=\""), "no inline style");
  }

  @Test
  void labels_existInEveryLanguage_forEveryIndicatorAndText() {
    Properties english = DashboardLabels.load(LabelLanguage.EN);
    for (LabelLanguage l : LabelLanguage.values()) {
      Properties own = DashboardLabels.load(l);
      for (String key : english.stringPropertyNames()) {
        assertTrue(own.containsKey(key), l.tag() + " lacks " + key);
      }
      for (String key : own.stringPropertyNames()) {
        assertTrue(
            english.containsKey(key) || key.startsWith("_review."), l.tag() + " has stray " + key);
      }
      EndpointResponse r = get("/dashboard/labels/" + l.tag());
      assertEquals(200, r.status());
      JsonNode doc = JSON.mapper().readTree(r.body());
      assertEquals(l.tag(), doc.get("language").asString());
      assertEquals(
          l == LabelLanguage.EN ? "native_reviewed" : "machine_drafted",
          doc.get("reviewStatus").asString());
      for (Indicator i : IndicatorCatalogue.all()) {
        assertTrue(english.containsKey("indicator." + i.code()), i.code());
        assertFalse(doc.get("indicators").get(i.code()).asString().isBlank(), i.code());
      }
      assertEquals(ServiceType.values().length, doc.get("serviceTypes").size());
      assertEquals(6, doc.get("languages").size());
      if (l != LabelLanguage.EN) {
        assertFalse(
            doc.get("ui").get("title").asString().equals(english.getProperty("ui.title")),
            l.tag() + " has its own title");
      }
    }
  }

  @Test
  void unknownLanguageOrParameter_isAProblem() {
    EndpointResponse r = get("/dashboard/labels/fr");
    assertEquals(404, r.status());
    assertTrue(text(r).contains("VAN-H-0250"));
    for (String query : List.of("colour=red", "lang=fr", "lang=en&lang=th")) {
      EndpointResponse page = get("/", query, Map.of());
      assertEquals(400, page.status(), query);
      assertTrue(text(page).contains("VAN-H-0251"), query);
    }
    assertEquals(200, get("/", "lang=km", Map.of()).status());
    assertEquals(400, get("/dashboard/dashboard.css", "v=1", Map.of()).status());
  }
}
