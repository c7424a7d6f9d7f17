package org.vansdk.hub.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Server;
import org.vansdk.hub.HubErrors;
import org.vansdk.hub.web.HubContext;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.Route;
import org.vansdk.transport.jetty.JettyBinding;
import org.vansdk.transport.trust.TrustListRegistry;

/**
 * The hub's HTTP server: the features' routes plus the operations routes behind one router, with
 * authentication and role checks, on Jetty 12 (HTTP or HTTPS). {@link #close()} stops gracefully:
 * new requests are refused with 503, the features are told (long-polls answer at once), the
 * requests in flight finish (up to the grace period), then the features are closed. The database
 * belongs to the caller. Thread-safe.
 *
 * @since 1.0
 */
public final class HubServer implements AutoCloseable {

  /**
   * Where and how the server listens.
   *
   * @param host the address, e.g. {@code 127.0.0.1}
   * @param port the port, 0 for any free one
   * @param tls the TLS context for HTTPS, or empty for plain HTTP
   * @param maxBodyBytes the largest request body accepted
   * @param grace how long requests in flight may take to finish on close
   * @param version the version the OpenAPI document states
   */
  public record Settings(
      String host,
      int port,
      Optional<SSLContext> tls,
      int maxBodyBytes,
      Duration grace,
      String version) {

    /** Checks the values. */
    public Settings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(grace, "grace");
      Objects.requireNonNull(version, "version");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      }
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
      }
    }
  }

  /** How long one request may take to arrive and be answered (above the longest long-poll). */
  static final Duration MAX_REQUEST_TIME = Duration.ofSeconds(60);

  private final List<HubFeature> features;
  private final HubEndpoint endpoint;
  private final Server jetty;
  private final RequestLog log;
  private final Duration grace;
  private final URI uri;

  private HubServer(
      List<HubFeature> features,
      HubEndpoint endpoint,
      Server jetty,
      RequestLog log,
      Duration grace,
      URI uri) {
    this.features = features;
    this.endpoint = endpoint;
    this.jetty = jetty;
    this.log = log;
    this.grace = grace;
    this.uri = uri;
  }

  /**
   * Mounts the features and the operations routes, and starts serving.
   *
   * @param settings where and how to listen
   * @param context what the features were built from (its meter registry must be {@code prometheus}
   *     or hold it)
   * @param prometheus the registry {@code /metrics} scrapes
   * @param features the features, in mounting order; closed by {@link #close()}
   * @param trust the hub's trust list registry (request-signing keys)
   * @param roles the operator and focal point assignments
   * @param logSink where the JSON log lines go
   * @throws HubException with {@link HubErrors#CANNOT_START} if two routes clash or the server
   *     cannot listen; the features are closed then
   */
  public static HubServer start(
      Settings settings,
      HubContext context,
      PrometheusMeterRegistry prometheus,
      List<HubFeature> features,
      TrustListRegistry trust,
      RoleAssignments roles,
      Consumer<String> logSink) {
    List<HubFeature> all = new ArrayList<>(features);
    List<Route> routes = new ArrayList<>();
    RequestLog log = new RequestLog(logSink, context.clock());
    List<Route> mounted = new ArrayList<>();
    all.add(
        new OperationsFeature(
            context.dataSource(),
            prometheus,
            () -> List.copyOf(mounted),
            trust::version,
            settings.version()));
    for (HubFeature f : all) {
      routes.addAll(f.routes());
    }
    Router router;
    try {
      router = new Router(routes);
    } catch (IllegalArgumentException e) {
      closeAll(all);
      throw new HubException(500, HubErrors.CANNOT_START, String.valueOf(e.getMessage()));
    }
    mounted.addAll(router.routes());
    String scheme = settings.tls().isPresent() ? "https" : "http";
    HubEndpoint endpoint =
        new HubEndpoint(
            router,
            new Authenticator(
                trust.forRequests(),
                () -> trust.current().orElseThrow(),
                roles,
                scheme,
                context.clock()),
            log,
            context.meters(),
            settings.maxBodyBytes());
    Server jetty;
    try {
      jetty =
          JettyBinding.start(
              endpoint, settings.host(), settings.port(), settings.tls(), false, MAX_REQUEST_TIME);
    } catch (IllegalStateException e) {
      closeAll(all);
      throw new HubException(
          500,
          HubErrors.CANNOT_START,
          "the hub cannot listen on " + settings.host() + ":" + settings.port());
    }
    int port = JettyBinding.port(jetty);
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    URI uri = URI.create(scheme + "://" + host + ":" + port + "/");
    log.event("started", "serving " + router.routes().size() + " routes on " + uri);
    return new HubServer(List.copyOf(all), endpoint, jetty, log, settings.grace(), uri);
  }

  /** The base URI the server answers at, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return uri;
  }

  /** The routes mounted, operations included. */
  public List<Route> routes() {
    List<Route> out = new ArrayList<>();
    features.forEach(f -> out.addAll(f.routes()));
    return out;
  }

  /** Stops gracefully (see the class description). Idempotent. */
  @Override
  public synchronized void close() {
    if (!jetty.isStarted()) {
      return;
    }
    log.event("stopping", endpoint.inFlight() + " request(s) in flight");
    endpoint.stopping();
    features.forEach(HubFeature::stopping);
    JettyBinding.stop(jetty, grace);
    closeAll(features);
    log.event("stopped", "the hub stopped");
  }

  private static void closeAll(List<HubFeature> features) {
    RuntimeException first = null;
    for (int i = features.size() - 1; i >= 0; i--) {
      HubFeature f = features.get(i);
      try {
        f.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
