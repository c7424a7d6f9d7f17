package org.vansdk.hub;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.hub.relay.RelayFeature;
import org.vansdk.hub.server.HubServer;
import org.vansdk.hub.server.RoleAssignments;
import org.vansdk.hub.store.HubDatabase;
import org.vansdk.hub.web.HubContext;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.Route;
import org.vansdk.transport.trust.OperatorKeys;
import org.vansdk.transport.trust.TrustListRefresh;
import org.vansdk.transport.trust.TrustListRegistry;
import org.vansdk.transport.trust.TrustListSource;

/**
 * The regional hub: the relay and mailboxes, the operations routes and the features plugged in
 * (submissions, figures, directory, dashboard), served over HTTP or HTTPS from one database (an H2
 * file by default, or PostgreSQL). Build it with {@link #builder()}, {@link Builder#start()} it,
 * and {@link #close()} it: new requests are refused, requests in flight finish, then the features
 * and the database are closed.
 *
 * <pre>{@code
 * try (Hub hub = Hub.builder()
 *     .trustList(TrustListSource.file(path), operatorKeys, "ASEAN-VAN")
 *     .operator(OrganisationId.parse("XXX-OPERATOR"))
 *     .focalPoint(OrganisationId.parse("KHM-CMAA-HQ"))
 *     .defaultFeatures()
 *     .start()) {
 *   System.out.println(hub.uri());
 * }
 * }</pre>
 *
 * @since 1.0
 */
public final class Hub implements AutoCloseable {

  /** The version the OpenAPI document states. */
  public static final String API_VERSION = "1.0.0";

  private final HubDatabase database;
  private final HubServer server;
  private final ScheduledExecutorService refresher;
  private final PrometheusMeterRegistry meters;

  private Hub(
      HubDatabase database,
      HubServer server,
      ScheduledExecutorService refresher,
      PrometheusMeterRegistry meters) {
    this.database = database;
    this.server = server;
    this.refresher = refresher;
    this.meters = meters;
  }

  /**
   * A builder with the defaults: {@code 127.0.0.1:8080}, HTTP, an H2 file under {@code ./van-hub}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URI the hub answers at. */
  public URI uri() {
    return server.uri();
  }

  /** Every route mounted, operations included. */
  public List<Route> routes() {
    return server.routes();
  }

  /** The hub's meters (what {@code /metrics} serves). */
  public PrometheusMeterRegistry meters() {
    return meters;
  }

  /** The hub's database. */
  public HubDatabase database() {
    return database;
  }

  /** Stops gracefully (see the class description). Idempotent. */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      refresher.shutdownNow();
      database.close();
      meters.close();
    }
  }

  /** Builds and starts a {@link Hub}. Not thread-safe. */
  public static final class Builder {
    private String jdbcUrl = "jdbc:h2:file:./van-hub/hub";
    private String user = "";
    private String password = "";
    private int poolSize = 16;
    private String host = "127.0.0.1";
    private int port = 8080;
    private Optional<SSLContext> tls = Optional.empty();
    private @Nullable TrustListSource trustSource;
    private @Nullable OperatorKeys operatorKeys;
    private @Nullable String network;
    private Duration trustRefresh = Duration.ofMinutes(5);
    private final Set<OrganisationId> operators = new HashSet<>();
    private final Map<OrganisationId, String> focalPoints = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private final List<Function<HubContext, HubFeature>> features = new ArrayList<>();
    private Consumer<String> log = LoggerFactory.getLogger("org.vansdk.hub")::info;
    private int maxBodyBytes = 64 << 20;
    private Duration grace = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * The database: {@code jdbc:h2:…} or {@code jdbc:postgresql://…}, with its user and password
     * (empty strings for none).
     */
    public Builder database(String jdbcUrl, String user, String password) {
      this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * The most database connections (default 16).
     *
     * @throws IllegalArgumentException if not 1 to 200
     */
    public Builder poolSize(int connections) {
      if (connections < 1 || connections > 200) {
        throw new IllegalArgumentException("poolSize must be 1 to 200, was " + connections);
      }
      this.poolSize = connections;
      return this;
    }

    /**
     * The address and port to listen on (default {@code 127.0.0.1:8080}; port 0 = any free one).
     *
     * @throws IllegalArgumentException if the port is not 0 to 65535
     */
    public Builder listen(String host, int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      }
      this.host = Objects.requireNonNull(host, "host");
      this.port = port;
      return this;
    }

    /** Serve HTTPS with this TLS context (default: plain HTTP). */
    public Builder tls(SSLContext context) {
      this.tls = Optional.of(context);
      return this;
    }

    /**
     * Where the trust list comes from, the operator keys it must be signed by, and the network it
     * must name. Required: the hub authenticates every signer through it.
     */
    public Builder trustList(TrustListSource source, OperatorKeys keys, String networkId) {
      this.trustSource = Objects.requireNonNull(source, "source");
      this.operatorKeys = Objects.requireNonNull(keys, "keys");
      this.network = Objects.requireNonNull(networkId, "networkId");
      return this;
    }

    /**
     * How often the trust list is fetched again (default five minutes).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder trustListRefresh(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("refresh interval must be positive");
      }
      this.trustRefresh = interval;
      return this;
    }

    /** An organisation that holds the network operator's role. */
    public Builder operator(OrganisationId organisation) {
      operators.add(Objects.requireNonNull(organisation));
      return this;
    }

    /** An organisation that is the national focal point of its country (the id's prefix). */
    public Builder focalPoint(OrganisationId organisation) {
      focalPoints.put(organisation, organisation.value().substring(0, 3));
      return this;
    }

    /** The clock every timestamp and signature window uses (default the system's, UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A feature to mount, built from the hub's context once the database is migrated. */
    public Builder feature(Function<HubContext, HubFeature> feature) {
      features.add(Objects.requireNonNull(feature, "feature"));
      return this;
    }

    /** Mounts {@link HubFeatures#defaults()}. */
    public Builder defaultFeatures() {
      features.addAll(HubFeatures.defaults());
      return this;
    }

    /** Where the JSON log lines go (default: the SLF4J logger {@code org.vansdk.hub}). */
    public Builder log(Consumer<String> sink) {
      this.log = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * The largest request body accepted (default 64 MiB).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, was " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** How long requests in flight may take to finish when the hub stops (default 30 s). */
    public Builder grace(Duration grace) {
      this.grace = Objects.requireNonNull(grace, "grace");
      return this;
    }

    /**
     * Opens and migrates the database, fetches the trust list, builds the features and serves.
     *
     * @throws HubException with {@link HubErrors#CANNOT_START} if no trust list source is given or
     *     the first trust list cannot be fetched and verified, the database cannot be opened, or
     *     the server cannot listen; whatever was opened is closed again
     * @throws IllegalStateException if the trust list was not configured
     */
    public Hub start() {
      if (trustSource == null || operatorKeys == null || network == null) {
        throw new IllegalStateException("the hub needs a trust list: call trustList(...)");
      }
      RoleAssignments roles = new RoleAssignments(operators, focalPoints);
      TrustListRegistry registry = TrustListRegistry.of(operatorKeys, network);
      TrustListRefresh refresh = new TrustListRefresh(trustSource, registry, clock);
      TrustListRefresh.Outcome first = refresh.refresh();
      if (first.status() == TrustListRefresh.Status.FAILED) {
        throw new HubException(
            500, HubErrors.CANNOT_START, "the hub has no trust list: " + first.detail());
      }
      HubDatabase database = HubDatabase.open(jdbcUrl, user, password, poolSize);
      PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      ScheduledExecutorService refresher =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "van-hub-trust-list");
                t.setDaemon(true);
                return t;
              });
      List<HubFeature> built = new ArrayList<>();
      try {
        HubContext context =
            new HubContext(
                database.dataSource(), clock, meters, () -> registry.current().orElseThrow());
        built.add(new RelayFeature(context, registry));
        for (Function<HubContext, HubFeature> f : features) {
          built.add(f.apply(context));
        }
        HubServer server =
            HubServer.start(
                new HubServer.Settings(host, port, tls, maxBodyBytes, grace, API_VERSION),
                context,
                meters,
                built,
                registry,
                roles,
                log);
        refresher.scheduleWithFixedDelay(
            refresh::refresh,
            trustRefresh.toMillis(),
            trustRefresh.toMillis(),
            java.util.concurrent.TimeUnit.MILLISECONDS);
        return new Hub(database, server, refresher, meters);
      } catch (RuntimeException e) {
        refresher.shutdownNow();
        database.close();
        throw e;
      }
    }
  }
}
