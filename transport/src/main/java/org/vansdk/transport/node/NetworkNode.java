package org.vansdk.transport.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Server;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.node.DirectoryEntry;
import org.vansdk.referral.node.InMemoryServiceDirectory;
import org.vansdk.referral.node.OutboxAction;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.ReferralStoreException;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.jetty.JettyBinding;
import org.vansdk.transport.observe.TransportObserver;
import org.vansdk.transport.tls.TlsFiles;
import org.vansdk.transport.trust.TrustListRegistry;

/**
 * One organisation's referral node running on the network from a {@link NodeConfiguration}: its
 * durable store, the network's trust list (peers' keys and endpoints, refreshed periodically), its
 * endpoint served over HTTPS on Jetty (client certificates asked for, optionally required: a
 * certificate binds the channel to one listed organisation, whose messages alone it may carry), a
 * dispatcher that drains its outbox to its peers every {@code dispatchInterval}, and an hourly
 * sweep that expires unanswered attempts. The application drives the protocol through {@link
 * #node()} (refer, accept, complete, …); what the node sends leaves on the next dispatch; an
 * operator looks at and acts on the outbox through {@link #operator()}. Messages the dispatcher
 * parks are parked in the store too, so they stay parked across restarts until an operator resends
 * them.
 *
 * <p>Started {@linkplain #start(Path, Function, TransportObserver) from its configuration file},
 * the node re-reads the file after each trust list refresh and switches to the signing key it names
 * as soon as the held list lists that key as valid now (key rotation without a restart, see {@link
 * ReferralNode#rotateSigningKey}).
 *
 * <p>{@link #close()} stops taking requests, finishes the ones in flight, stops the dispatcher and
 * closes the store; what was not delivered stays in the durable outbox and leaves after the next
 * start. Needs Jetty 12 ({@code jetty-server}) on the class path.
 */
public final class NetworkNode implements AutoCloseable {

  private final NodeConfiguration configuration;
  private final JdbcReferralStore store;
  private final ReferralNode node;
  private final NodeTrust trust;
  private final Server server;
  private final Dispatcher dispatcher;
  private final ScheduledExecutorService scheduler;
  private final TransportObserver observer;

  private NetworkNode(
      NodeConfiguration configuration,
      @Nullable Path file,
      Function<String, String> environment,
      TransportObserver observer,
      Clock clock) {
    this.configuration = configuration;
    this.observer = observer;
    SigningKey key = KeyFiles.signingKey(configuration);
    SSLContext tls = tls(configuration, environment);
    HttpClient http =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    this.trust = new NodeTrust(configuration, file, http, clock, observer);
    trust.load();
    InMemoryServiceDirectory directory = new InMemoryServiceDirectory();
    for (NodeConfiguration.Service s : configuration.services()) {
      directory.add(new DirectoryEntry(s.service(), s.provider(), s.respondWithin()));
    }
    this.store = openStore(configuration);
    try {
      this.node =
          ReferralNode.builder()
              .party(configuration.party())
              .signingKey(key)
              .keyRegistry(trust.registry())
              .store(new WakingStore(store, this::wakeDispatcher))
              .clock(clock)
              .directory(directory)
              .retryAfter(configuration.resendAfter())
              .build();
      trust.attach(node);
      this.server =
          JettyBinding.start(
              MessageEndpoint.builder(node)
                  .observer(observer)
                  .clientOrganisations(trust::clientOrganisation)
                  .build(),
              configuration.host(),
              configuration.port(),
              Optional.of(tls),
              configuration.requireClientCertificate(),
              Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    this.dispatcher =
        Dispatcher.builder(node, trust::endpoint, http)
            .clock(clock)
            .observer(TransportObserver.all(observer, new DurableParking(node)))
            .build();
    dispatcher.start(configuration.dispatchInterval());
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "van-node-schedule");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::sweep, 1, 60, TimeUnit.MINUTES);
    long refresh = configuration.trustList().refresh().toMillis();
    scheduler.scheduleWithFixedDelay(
        trust::refreshAndReload, refresh, refresh, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts a node: loads the trust list, opens its store, serves its endpoint and starts draining
   * its outbox.
   *
   * @param configuration what to run
   * @param environment where the TLS password variable is looked up (e.g. {@code System::getenv})
   * @param observer who hears of the endpoint's, the dispatcher's and the trust list's events
   * @throws NodeConfigurationException if a file the configuration names is missing or unusable, or
   *     no acceptable trust list can be had from its source
   */
  public static NetworkNode start(
      NodeConfiguration configuration,
      Function<String, String> environment,
      TransportObserver observer) {
    return new NetworkNode(configuration, null, environment, observer, Clock.systemUTC());
  }

  /**
   * Starts a node from its configuration file, as {@link #start(NodeConfiguration, Function,
   * TransportObserver)}, and re-reads the file after each trust list refresh to follow a change of
   * its signing key ({@link #reloadSigningKey()}).
   *
   * @throws NodeConfigurationException if the file or one it names is unusable
   */
  public static NetworkNode start(
      Path configurationFile, Function<String, String> environment, TransportObserver observer) {
    return new NetworkNode(
        NodeConfiguration.read(configurationFile),
        configurationFile,
        environment,
        observer,
        Clock.systemUTC());
  }

  /** What a command queued leaves at once (before the dispatcher exists, nothing is queued). */
  private void wakeDispatcher() {
    Dispatcher d = dispatcher;
    if (d != null) {
      d.wake();
    }
  }

  private void sweep() {
    try {
      node.expireOverdue();
    } catch (RuntimeException e) {
      // The next sweep tries again.
    }
  }

  /** The node, to drive the protocol (refer, accept, complete, …). */
  public ReferralNode node() {
    return node;
  }

  /** The trust list the node holds now. */
  public TrustListRegistry trustList() {
    return trust.registry();
  }

  /**
   * Fetches the trust list now (as the periodic refresh does) and, for a node started from its
   * file, follows a change of its signing key; never throws (the outcome goes to the observer).
   */
  public void refreshTrustList() {
    trust.refreshAndReload();
  }

  /**
   * Re-reads the configuration file and switches the node to the signing key it names, once the
   * held trust list lists that key, with its public key, for this organisation as valid now. The
   * old key keeps signing the resends of messages made before (see {@link
   * ReferralNode#rotateSigningKey}): keep it listed as valid until they are acknowledged.
   *
   * @return true if the node now signs with another key, false if the file names the current one
   * @throws NodeConfigurationException if the file does not read, names another party, or its key
   *     is not listed yet ({@link NodeConfigurationException#KEY_NOT_LISTED}; the key is kept)
   * @throws IllegalStateException if the node was not started from a file
   */
  public boolean reloadSigningKey() {
    return trust.reloadSigningKey();
  }

  /**
   * The operator's view of this running node: stuck attempts and messages, resend, park or cancel
   * (closing it leaves the node running).
   */
  public NodeOperator operator() {
    return NodeOperator.of(node, observer, dispatcher);
  }

  /** The dispatcher draining the node's outbox. */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** The base URL the endpoint is served on (with the port actually bound). */
  public URI endpoint() {
    return URI.create("https://" + configuration.host() + ":" + JettyBinding.port(server));
  }

  /** Stops serving (in-flight requests finish), stops the dispatcher and closes the store. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    dispatcher.close();
    try {
      JettyBinding.stop(server, Duration.ofSeconds(10));
    } finally {
      store.close();
    }
  }

  /**
   * Records in the store each message the dispatcher parks, with the code of why, so it stays
   * parked across restarts and an operator finds it ({@code van node outbox list}).
   */
  private record DurableParking(ReferralNode node) implements TransportObserver {
    @Override
    public void parked(
        OrganisationId peer, MessageType type, String messageId, int httpStatus, ErrorCode code) {
      node.outboxAction(
          OutboxAction.PARK, messageId, code != null ? code.value() : "http-" + httpStatus);
    }
  }

  private static SSLContext tls(NodeConfiguration c, Function<String, String> environment) {
    String password = environment.apply(c.passwordVariable());
    if (password == null) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE,
          "/tls/passwordVariable: the environment variable "
              + c.passwordVariable()
              + " is not set");
    }
    try {
      return TlsFiles.read(
          c.keyStore(), password.toCharArray(), c.trustStore(), password.toCharArray());
    } catch (IllegalArgumentException e) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE, "/tls: " + e.getMessage());
    }
  }

  /** Opens the node's store, naming the configuration's pointer when it cannot. */
  static JdbcReferralStore openStore(NodeConfiguration c) {
    try {
      return JdbcReferralStore.open(c.jdbcUrl());
    } catch (ReferralStoreException e) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE,
          "/store/jdbcUrl: "
              + e.getMessage()
              + " (is the database reachable and its JDBC driver on the class path?)");
    }
  }
}
