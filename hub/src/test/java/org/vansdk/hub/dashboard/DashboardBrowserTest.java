package org.vansdk.hub.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.hub.testing.Requests.focalPoint;
import static org.vansdk.hub.testing.Requests.request;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.hub.directory.DirectoryFeature;
import org.vansdk.hub.directory.ServiceEntry;
import org.vansdk.hub.testing.TestDatabases;
import org.vansdk.hub.testing.TestRouter;
import org.vansdk.hub.web.HubContext;
import org.vansdk.hub.web.HubPaths;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.engine.IndicatorRequest;
import org.vansdk.indicators.export.IndicatorJson;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import org.vansdk.indicators.table.ObservationStatus;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;
import org.vansdk.transport.http.EndpointResponse;
import org.vansdk.transport.jetty.JettyBinding;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real headless browser (Debian's chromium and chromedriver) on a real loopback
 * server: the regional figures of three generated countries, computed by the indicators module,
 * served as the hub serves them; the page must show exactly the API's figures, mark suppressed
 * cells as such, switch language, search the directory, and fetch nothing from outside the hub. A
 * screenshot is saved as {@code target/dashboard.png}.
 */
class DashboardBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final VanJson JSON = VanJson.strict();
  private static final List<String> INDICATORS = List.of("CAS-01", "CAS-02", "SUR-01");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static IndicatorTable table;
  private static Server server;
  private static String base;
  private static ChromeDriver browser;
  private static Path profile;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the browser test needs Debian's chromium and chromium-driver"
            + " (/usr/bin/chromium, /usr/bin/chromedriver); .ci/run installs them");
    List<Object> records = new ArrayList<>();
    List<Object> directory = new ArrayList<>();
    for (CountryCode c : List.of(CountryCode.KHM, CountryCode.LAO, CountryCode.VNM)) {
      PopulationGenerator.of(
              PopulationSpec.builder().country(c).casualties(2500).seed(7).careFlow(false).build())
          .forEach(
              r -> {
                records.add(r);
                if (r instanceof Organisation
                    || r instanceof Service
                    || r instanceof ServiceLocation) {
                  directory.add(r);
                }
              });
    }
    List<IndicatorRequest> requests = new ArrayList<>();
    for (String code : INDICATORS) {
      requests.add(IndicatorRequest.of(code));
      requests.add(IndicatorRequest.of(code, Dimension.COUNTRY));
      requests.add(IndicatorRequest.of(code, Dimension.YEAR));
      requests.add(IndicatorRequest.of(code, Dimension.COUNTRY, Dimension.YEAR));
    }
    requests.add(IndicatorRequest.of("CAS-01", Dimension.SEX));
    table =
        IndicatorEngine.builder()
            .period(ReportingPeriod.of(LocalDate.of(1996, 1, 1), LocalDate.of(2005, 12, 31)))
            .build()
            .compute(records, requests);

    HubContext context =
        new HubContext(
            TestDatabases.h2(),
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC),
            new SimpleMeterRegistry(),
            () -> {
              throw new AssertionError("no trust list needed");
            });
    DirectoryFeature directoryFeature = new DirectoryFeature(context);
    byte[] figures = IndicatorJson.toJson(table).getBytes(StandardCharsets.UTF_8);
    TestRouter router =
        new TestRouter(List.of(directoryFeature, new DashboardFeature(context)))
            .with(
                new Route(
                    "GET",
                    HubPaths.FIGURES,
                    Set.of(Role.READER),
                    "the regional figures (test stand-in for the figures feature)",
                    r ->
                        new EndpointResponse(
                            200, Map.of("Content-Type", "application/json"), figures)));
    register(router, directory);
    server =
        JettyBinding.start(router, "127.0.0.1", 0, Optional.empty(), false, Duration.ofSeconds(30));
    base = "http://127.0.0.1:" + JettyBinding.port(server);

    profile = Files.createTempDirectory("van-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=en",
        "--window-size=1360,1900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  private static void register(TestRouter router, List<Object> directory) {
    Map<String, String> countries = new HashMap<>();
    for (Object r : directory) {
      if (r instanceof Organisation o) {
        countries.put(o.id().value(), o.country().code());
        put(router, "organisations/" + o.id(), JSON.write(o), o.country().code());
      }
    }
    for (Object r : directory) {
      if (r instanceof Service s) {
        ServiceEntry entry =
            ServiceEntry.builder()
                .service(s)
                .locations(
                    directory.stream()
                        .filter(x -> x instanceof ServiceLocation l && l.serviceId().equals(s.id()))
                        .map(ServiceLocation.class::cast)
                        .toList())
                .build();
        put(
            router,
            "services/" + s.id(),
            JSON.write(entry),
            countries.get(s.organisationId().value()));
      }
    }
  }

  private static void put(TestRouter router, String path, String body, String country) {
    EndpointResponse r =
        router.handle(request("PUT", "/van/v1/directory/" + path, body), focalPoint(country));
    assertEquals(201, r.status(), () -> new String(r.body(), StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      JettyBinding.stop(server, Duration.ofSeconds(2));
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static Object script(String js) {
    return ((JavascriptExecutor) browser).executeScript(js);
  }

  private static void waitFor(String condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> Boolean.TRUE.equals(script("return Boolean(" + condition + ");")));
  }

  private static JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), pathAndQuery);
    return JSON.mapper().readTree(r.body());
  }

  private static Optional<Observation> observation(String indicator, String country, String year) {
    return table.observations(indicator).stream()
        .filter(
            o -> {
              Map<Dimension, String> d = o.dimensions();
              Map<Dimension, String> want = new HashMap<>();
              if (!country.isEmpty()) {
                want.put(Dimension.COUNTRY, country);
              }
              if (!year.isEmpty()) {
                want.put(Dimension.YEAR, year);
              }
              return d.equals(want);
            })
        .findFirst();
  }

  /** The value of the API's observation of an indicator for a country and year ("" = all). */
  private static double published(String figures, String code, String country, String year) {
    for (JsonNode o : JSON.mapper().readTree(figures).get("observations")) {
      JsonNode d = o.get("dimensions");
      if (o.get("indicator").asString().equals(code)
          && d.size() == (country.isEmpty() ? 0 : 1) + (year.isEmpty() ? 0 : 1)
          && (country.isEmpty() || country.equals(d.path("country").asString()))
          && (year.isEmpty() || year.equals(d.path("year").asString()))) {
        return o.get("value").asDouble();
      }
    }
    throw new AssertionError("the API has no " + code + " " + country + " " + year);
  }

  @Test
  void page_showsTheApiFigures_switchesLanguage_andSearchesTheDirectory() throws Exception {
    browser.get(base + "/");
    waitFor("window.vanDashboard && window.vanDashboard.ready && window.vanDashboard.directory");
    assertEquals("", browser.findElement(By.id("status")).getText(), "the page reports a failure");
    // Reported, never asserted (timing belongs to benchmarks): from navigation to all drawn.
    System.out.println(
        "dashboard ready after "
            + script("return window.vanDashboard.readyMs;")
            + " ms ("
            + table.observations().size()
            + " observations)");

    // The JSON the page fetched is the API's, and the API's is the indicators module's table.
    String fetched = (String) script("return JSON.stringify(window.vanDashboard.figures);");
    assertEquals(
        JSON.mapper().readTree(IndicatorJson.toJson(table)), JSON.mapper().readTree(fetched));
    assertEquals(JSON.mapper().readTree(fetched), api(HubPaths.FIGURES));

    // Every cell of every indicator's country-by-year table is the table's observation.
    int suppressedShown = 0;
    Select indicator = new Select(browser.findElement(By.id("indicator")));
    assertEquals(INDICATORS.size(), indicator.getOptions().size());
    for (String code : INDICATORS) {
      indicator.selectByValue(code);
      List<WebElement> cells = browser.findElements(By.cssSelector("#figures-table td"));
      int shown = 0;
      for (WebElement td : cells) {
        assertEquals(code, td.getDomAttribute("data-indicator"));
        String country = td.getDomAttribute("data-country");
        String year = td.getDomAttribute("data-year");
        String where = code + " " + country + " " + year;
        Optional<Observation> o = observation(code, country, year);
        if ("absent".equals(td.getDomAttribute("data-status"))) {
          assertTrue(o.isEmpty(), where);
          assertEquals("", td.getText(), where);
          continue;
        }
        shown++;
        Observation want = o.orElseThrow(() -> new AssertionError("not in the table: " + where));
        assertEquals(
            want.status().name().toLowerCase(java.util.Locale.ROOT),
            td.getDomAttribute("data-status"),
            where);
        if (want.status() == ObservationStatus.SUPPRESSED) {
          suppressedShown++;
          assertEquals("x", td.getText(), where);
          assertEquals("suppressed", td.getDomAttribute("title"), where);
        } else if (want.value().isPresent()) {
          // The page shows the API's number (IndicatorJson rounds to 6 significant digits).
          double published = published(fetched, code, country, year);
          assertEquals(published, Double.parseDouble(td.getDomAttribute("data-value")), where);
          assertEquals(want.value().getAsDouble(), published, 1e-5 * Math.abs(published), where);
          if (code.equals("CAS-01") || code.equals("SUR-01")) {
            assertEquals(
                String.valueOf((long) want.value().getAsDouble()),
                td.getText().replaceAll("[^0-9]", ""),
                where);
          }
        }
      }
      long cross =
          table.observations(code).stream()
              .filter(
                  x ->
                      Set.of(Dimension.COUNTRY, Dimension.YEAR)
                          .containsAll(x.dimensions().keySet()))
              .count();
      assertEquals(cross, shown, code + ": every country/year observation is shown once");
    }
    assertTrue(suppressedShown > 0, "the test data has small cells, shown as suppressed");

    // Only the hub was asked for anything: no CDN, no internet.
    @SuppressWarnings("unchecked")
    List<String> fetchedUrls =
        (List<String>) script("return performance.getEntriesByType('resource').map(e => e.name);");
    assertFalse(fetchedUrls.isEmpty());
    for (String url : fetchedUrls) {
      assertTrue(url.startsWith(base + "/"), url);
    }

    // The directory: search by name, the list is the API's answer.
    String word = "services";
    browser.findElement(By.id("directory-q")).sendKeys(word);
    new Select(browser.findElement(By.id("directory-country"))).selectByValue("LAO");
    browser.findElement(By.id("directory-submit")).click();
    JsonNode expected = api(HubPaths.DIRECTORY + "?q=" + word + "&country=LAO");
    assertTrue(expected.get("services").size() > 0);
    List<String> wantIds = new ArrayList<>();
    expected.get("services").forEach(s -> wantIds.add(s.get("service").get("id").asString()));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                d.findElements(By.cssSelector("#directory-results > li")).size() == wantIds.size());
    List<String> shownIds = new ArrayList<>();
    for (WebElement li : browser.findElements(By.cssSelector("#directory-results > li"))) {
      shownIds.add(li.getDomAttribute("data-service-id"));
      assertTrue(li.getText().contains("Lao PDR"), li.getText());
    }
    assertEquals(wantIds, shownIds);

    new Select(browser.findElement(By.id("indicator"))).selectByValue("CAS-01");
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));

    // Another language: the labels change to that language's.
    JsonNode thai = api("/dashboard/labels/th");
    String englishTitle = browser.findElement(By.id("title")).getText();
    new Select(browser.findElement(By.id("language"))).selectByValue("th");
    waitFor("document.documentElement.lang === 'th'");
    assertEquals(
        thai.get("ui").get("title").asString(), browser.findElement(By.id("title")).getText());
    assertNotEquals(englishTitle, browser.findElement(By.id("title")).getText());
    assertTrue(
        new Select(browser.findElement(By.id("indicator")))
            .getFirstSelectedOption()
            .getText()
            .contains(thai.get("indicators").get("CAS-01").asString()));
    assertTrue(
        browser
            .findElement(By.id("figures-table"))
            .getText()
            .contains(thai.get("ui").get("allYears").asString()));
    assertTrue(browser.findElement(By.id("draft-note")).isDisplayed(), "machine drafts say so");
    String lao = thai.get("values").get("country").get("LAO").asString();
    assertTrue(browser.findElement(By.id("directory-results")).getText().contains(lao));
  }
}
