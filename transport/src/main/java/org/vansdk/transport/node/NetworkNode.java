package org.vansdk.transport.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Server;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.DirectoryEntry;
import org.vansdk.referral.node.InMemoryServiceDirectory;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.ReferralStoreException;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.client.PeerEndpoints;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.jetty.JettyBinding;
import org.vansdk.transport.observe.TransportObserver;
import org.vansdk.transport.tls.TlsFiles;

/**
 * One organisation's referral node running on the network from a {@link NodeConfiguration}: its
 * durable store, its endpoint served over HTTPS on Jetty (optionally requiring client
 * certificates), a dispatcher that drains its outbox to its peers every {@code dispatchInterval},
 * and an hourly sweep that expires unanswered attempts. The application drives the protocol through
 * {@link #node()} (refer, accept, complete, …); what the node sends leaves on the next dispatch.
 *
 * <p>{@link #close()} stops taking requests, finishes the ones in flight, stops the dispatcher and
 * closes the store; what was not delivered stays in the durable outbox and leaves after the next
 * start. Needs Jetty 12 ({@code jetty-server}) on the class path.
 */
public final class NetworkNode implements AutoCloseable {

  private final NodeConfiguration configuration;
  private final JdbcReferralStore store;
  private final ReferralNode node;
  private final Server server;
  private final Dispatcher dispatcher;
  private final ScheduledExecutorService sweeper;

  private NetworkNode(
      NodeConfiguration configuration,
      Function<String, String> environment,
      TransportObserver observer,
      Clock clock) {
    this.configuration = configuration;
    SigningKey key = signingKey(configuration);
    String password = environment.apply(configuration.passwordVariable());
    if (password == null) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE,
          "/tls/passwordVariable: the environment variable "
              + configuration.passwordVariable()
              + " is not set");
    }
    SSLContext tls;
    try {
      tls =
          TlsFiles.read(
              configuration.keyStore(),
              password.toCharArray(),
              configuration.trustStore(),
              password.toCharArray());
    } catch (IllegalArgumentException e) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE, "/tls: " + e.getMessage());
    }
    InMemoryOrganisationKeyRegistry registry = new InMemoryOrganisationKeyRegistry();
    registry.register(configuration.party().organisation(), key);
    Map<OrganisationId, Party> parties = new HashMap<>();
    Map<OrganisationId, URI> endpoints = new HashMap<>();
    parties.put(configuration.party().organisation(), configuration.party());
    for (NodeConfiguration.Peer peer : configuration.peers()) {
      parties.put(peer.party().organisation(), peer.party());
      endpoints.put(peer.party().organisation(), peer.endpoint());
      for (NodeConfiguration.PeerKey k : peer.keys()) {
        registry.register(peer.party().organisation(), k.keyId(), publicKey(k.raw()));
      }
    }
    InMemoryServiceDirectory directory = new InMemoryServiceDirectory();
    for (NodeConfiguration.Service s : configuration.services()) {
      directory.add(new DirectoryEntry(s.service(), parties.get(s.provider()), s.respondWithin()));
    }
    try {
      this.store = JdbcReferralStore.open(configuration.jdbcUrl());
    } catch (ReferralStoreException e) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE,
          "/store/jdbcUrl: "
              + e.getMessage()
              + " (is the database reachable and its JDBC driver on the class path?)");
    }
    try {
      this.node =
          ReferralNode.builder()
              .party(configuration.party())
              .signingKey(key)
              .keyRegistry(registry)
              .store(store)
              .clock(clock)
              .directory(directory)
              .retryAfter(configuration.resendAfter())
              .build();
      this.server =
          JettyBinding.start(
              MessageEndpoint.builder(node).keyId(key.keyId()).observer(observer).build(),
              configuration.host(),
              configuration.port(),
              Optional.of(tls),
              configuration.requireClientCertificate(),
              Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    HttpClient http =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    this.dispatcher =
        Dispatcher.builder(node, PeerEndpoints.of(endpoints), http)
            .clock(clock)
            .observer(observer)
            .build();
    dispatcher.start(configuration.dispatchInterval());
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "van-expiry-sweep");
              t.setDaemon(true);
              return t;
            });
    sweeper.scheduleWithFixedDelay(this::sweep, 1, 60, TimeUnit.MINUTES);
  }

  /**
   * Starts a node: opens its store, serves its endpoint and starts draining its outbox.
   *
   * @param configuration what to run
   * @param environment where the TLS password variable is looked up (e.g. {@code System::getenv})
   * @param observer who hears of the endpoint's and the dispatcher's events
   * @throws NodeConfigurationException if a file the configuration names is missing or unusable
   */
  public static NetworkNode start(
      NodeConfiguration configuration,
      Function<String, String> environment,
      TransportObserver observer) {
    return new NetworkNode(configuration, environment, observer, Clock.systemUTC());
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
    sweeper.shutdownNow();
    dispatcher.close();
    try {
      JettyBinding.stop(server, Duration.ofSeconds(10));
    } finally {
      store.close();
    }
  }

  /** An Ed25519 public key from its 32 raw bytes (its X.509 encoding is a fixed prefix + them). */
  private static java.security.PublicKey publicKey(byte[] raw) {
    byte[] encoded = new byte[44];
    byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    System.arraycopy(prefix, 0, encoded, 0, 12);
    System.arraycopy(raw, 0, encoded, 12, 32);
    try {
      return java.security.KeyFactory.getInstance("Ed25519")
          .generatePublic(new java.security.spec.X509EncodedKeySpec(encoded));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  private static SigningKey signingKey(NodeConfiguration c) {
    String text;
    try {
      text = Files.readString(c.signingKeyFile(), StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE,
          "/signingKey/file: " + c.signingKeyFile() + " does not exist");
    } catch (IOException e) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE,
          "/signingKey/file: " + c.signingKeyFile() + " cannot be read");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      raw = new byte[0];
    }
    if (raw.length != 32) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE,
          "/signingKey/file: "
              + c.signingKeyFile()
              + " does not hold the base64 of a 32-byte Ed25519 private key");
    }
    return SigningKey.fromRaw(c.signingKeyId(), raw);
  }
}
