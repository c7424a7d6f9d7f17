package org.vansdk.hub.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.hub.web.HubContext;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.HubPaths;
import org.vansdk.hub.web.HubRequest;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.transport.http.EndpointResponse;

/**
 * The hub's dashboard: a page for anyone showing the regional figures ({@link HubPaths#FIGURES}) as
 * tables and charts by country and year, suppressed cells marked as such, and the service directory
 * ({@link HubPaths#DIRECTORY}) as a searchable list, in the network's six languages. Everything the
 * page needs is served by the hub itself, the charts library (ECharts) included from its webjar: it
 * works without internet. Every answer carries a strict Content-Security-Policy (scripts and data
 * only from the hub).
 *
 * <p>Routes (all {@link Role#READER}):
 *
 * <ul>
 *   <li>{@code GET /?lang=} the page (HTML)
 *   <li>{@code GET /dashboard/dashboard.js}, {@code GET /dashboard/dashboard.css} its script and
 *       style
 *   <li>{@code GET /dashboard/echarts.min.js} ECharts, from the webjar on the class path
 *   <li>{@code GET /dashboard/labels/{lang}} the labels in one of {@code en km lo my th vi} (JSON)
 * </ul>
 *
 * Thread-safe.
 *
 * @since 1.0
 */
public final class DashboardFeature implements HubFeature {

  /** Prefix of the page's assets. */
  public static final String ASSETS = "/dashboard";

  /** The labels of one language ({@code {lang}}: a BCP 47 tag of the six). */
  public static final String LABELS = ASSETS + "/labels/{lang}";

  /** The Content-Security-Policy of every dashboard answer. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:;"
          + " style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private static final String FILES = "org/vansdk/hub/dashboard/";
  private static final String REVALIDATE = "no-cache";
  private static final Map<String, String> SECURITY =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "X-Frame-Options", "DENY");

  private final StaticAsset page;
  private final StaticAsset script;
  private final StaticAsset style;
  private final StaticAsset echarts;
  private final Map<LabelLanguage, StaticAsset> labels = new EnumMap<>(LabelLanguage.class);

  /**
   * Builds the dashboard: reads its files and labels from the class path.
   *
   * @param context the hub's context (the dashboard reads its data through the hub's API)
   * @throws IllegalStateException if a file of the dashboard or the ECharts webjar is missing
   */
  public DashboardFeature(HubContext context) {
    this.page = StaticAsset.load(FILES + "index.html", "text/html; charset=utf-8", REVALIDATE);
    this.script =
        StaticAsset.load(FILES + "dashboard.js", "text/javascript; charset=utf-8", REVALIDATE);
    this.style = StaticAsset.load(FILES + "dashboard.css", "text/css; charset=utf-8", REVALIDATE);
    this.echarts =
        StaticAsset.load(
            "META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js",
            "text/javascript; charset=utf-8",
            "public, max-age=86400");
    DashboardLabels all = new DashboardLabels();
    for (LabelLanguage l : LabelLanguage.values()) {
      labels.put(l, StaticAsset.of(all.json(l), "application/json", REVALIDATE));
    }
  }

  /** The version of the ECharts webjar on the class path. */
  static String echartsVersion() {
    String pom = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    try (InputStream in = DashboardFeature.class.getClassLoader().getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("the ECharts webjar is not on the class path");
      }
      Properties p = new Properties();
      p.load(in);
      String version = p.getProperty("version");
      if (version == null || !version.matches("[0-9A-Za-z.-]+")) {
        throw new IllegalStateException("the ECharts webjar does not state its version");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ECharts webjar's version", e);
    }
  }

  @Override
  public List<Route> routes() {
    Set<Role> anyone = Set.of(Role.READER);
    return List.of(
        new Route(
            "GET",
            HubPaths.DASHBOARD,
            anyone,
            "The dashboard page: regional figures and the service directory",
            r -> serve(r, page, Set.of("lang"))),
        new Route(
            "GET",
            ASSETS + "/dashboard.js",
            anyone,
            "The dashboard's script",
            r -> serve(r, script, Set.of())),
        new Route(
            "GET",
            ASSETS + "/dashboard.css",
            anyone,
            "The dashboard's style sheet",
            r -> serve(r, style, Set.of())),
        new Route(
            "GET",
            ASSETS + "/echarts.min.js",
            anyone,
            "The ECharts library the dashboard draws with",
            r -> serve(r, echarts, Set.of())),
        new Route(
            "GET",
            LABELS,
            anyone,
            "The dashboard's labels in one of the six languages",
            this::labels));
  }

  private EndpointResponse labels(HubRequest request) {
    String tag = request.pathParameter("lang");
    LabelLanguage language =
        DashboardLabels.language(tag)
            .orElseThrow(
                () ->
                    new HubException(
                        404,
                        DashboardErrors.UNKNOWN_LANGUAGE,
                        "the dashboard has labels in en, km, lo, my, th and vi only"));
    return serve(request, Objects.requireNonNull(labels.get(language)), Set.of());
  }

  private static EndpointResponse serve(
      HubRequest request, StaticAsset asset, Set<String> allowed) {
    String lang = request.parameters(allowed, DashboardErrors.INVALID_QUERY).get("lang");
    if (lang != null && DashboardLabels.language(lang).isEmpty()) {
      throw invalid("lang must be one of en, km, lo, my, th, vi");
    }
    return asset.answer(request.request().header("If-None-Match").orElse(""), SECURITY);
  }

  private static HubException invalid(String message) {
    return new HubException(400, DashboardErrors.INVALID_QUERY, message);
  }
}
