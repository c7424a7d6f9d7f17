package org.vansdk.transport.node;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.signature.KeyId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How one organisation's node runs on the network, read strictly from a JSON file (an unknown key
 * or a bad value is a {@link NodeConfigurationException} naming its JSON Pointer). Relative paths
 * are resolved against the file's folder. Passwords are never in the file: it names the environment
 * variable that holds them. Example:
 *
 * <pre>{@code
 * {
 *   "organisation": "KHM-PRC-BTB", "system": "prc", "country": "KHM",
 *   "signingKey": {"keyId": "KHM-PRC-BTB-K1", "file": "centre.key"},
 *   "store": {"jdbcUrl": "jdbc:h2:file:./centre-store"},
 *   "listen": {"host": "127.0.0.1", "port": 8443},
 *   "tls": {"keyStore": "centre.p12", "trustStore": "network-ca.p12",
 *           "passwordVariable": "VAN_TLS_PASSWORD", "requireClientCertificate": false},
 *   "peers": [{"organisation": "KHM-CMAA-HQ", "system": "cmvis", "country": "KHM",
 *              "endpoint": "https://127.0.0.1:8444",
 *              "keys": [{"keyId": "KHM-CMAA-HQ-K1", "publicKey": "<base64 of 32 bytes>"}]}],
 *   "services": [{"service": "KHM-PRC-PROSTHETICS", "provider": "KHM-PRC-BTB", "respondWithinDays": 14}],
 *   "dispatchIntervalMillis": 500, "resendAfterMillis": 30000
 * }
 * }</pre>
 *
 * <p>The signing key file holds the Ed25519 private key as the base64 of its 32 raw bytes (what
 * {@code van node keygen} writes). A {@code jdbc:h2:file:} URL with a relative path is resolved
 * against the configuration's folder too.
 *
 * @param party this node's organisation, system and country
 * @param signingKeyId the id its messages are signed under
 * @param signingKeyFile the private key file
 * @param jdbcUrl the durable store
 * @param host the address the endpoint listens on
 * @param port the port (0: any free port)
 * @param keyStore the PKCS #12 file with the node's TLS key and certificate
 * @param trustStore the PKCS #12 file with the CAs the node trusts
 * @param passwordVariable the environment variable holding both stores' password
 * @param requireClientCertificate whether callers must present a certificate (mutual TLS)
 * @param peers the organisations this node exchanges referrals with
 * @param services the services referrals can be sent to (own or peers')
 * @param dispatchInterval how often the outbox is drained
 * @param resendAfter how long an unacknowledged message waits before it is sent again
 */
public record NodeConfiguration(
    Party party,
    KeyId signingKeyId,
    Path signingKeyFile,
    String jdbcUrl,
    String host,
    int port,
    Path keyStore,
    Path trustStore,
    String passwordVariable,
    boolean requireClientCertificate,
    List<Peer> peers,
    List<Service> services,
    Duration dispatchInterval,
    Duration resendAfter) {

  /** Copies the lists. */
  public NodeConfiguration {
    peers = List.copyOf(peers);
    services = List.copyOf(services);
  }

  /**
   * A peer organisation: where its endpoint is and the keys its messages are signed with.
   *
   * @param party its organisation, system and country
   * @param endpoint the base URL of its endpoint ({@code https})
   * @param keys its public keys
   */
  public record Peer(Party party, URI endpoint, List<PeerKey> keys) {
    /** Copies the keys. */
    public Peer {
      keys = List.copyOf(keys);
    }
  }

  /**
   * A peer's public key.
   *
   * @param keyId the key's id
   * @param publicKey the base64 of the 32-byte Ed25519 public key
   */
  public record PeerKey(KeyId keyId, String publicKey) {
    /** The raw public key. */
    public byte[] raw() {
      return Base64.getDecoder().decode(publicKey);
    }
  }

  /**
   * A service referrals can be sent to.
   *
   * @param service its id
   * @param provider the organisation that provides it (this node or a peer)
   * @param respondWithin how long the provider takes to answer
   */
  public record Service(ServiceId service, OrganisationId provider, Duration respondWithin) {}

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** The most bytes a configuration file may have. */
  static final int MAX_BYTES = 1 << 20;

  /**
   * Reads a configuration file.
   *
   * @throws NodeConfigurationException if the file is missing, not JSON, or breaks a rule
   */
  public static NodeConfiguration read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new NodeConfigurationException(
            NodeConfigurationException.FILE, file + ": larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE, file + ": no such file");
    } catch (IOException e) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE, file + ": cannot be read");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new NodeConfigurationException(
          NodeConfigurationException.INVALID,
          file
              + ": not JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
    Path folder = file.toAbsolutePath().getParent();
    return parse(root, folder);
  }

  /**
   * Reads a configuration from its JSON tree; relative paths resolve against {@code folder}.
   *
   * @throws NodeConfigurationException naming the pointer of the first problem
   */
  public static NodeConfiguration parse(JsonNode root, Path folder) {
    ConfigObject o =
        ConfigObject.of(
            root,
            "",
            Set.of(
                "organisation",
                "system",
                "country",
                "signingKey",
                "store",
                "listen",
                "tls",
                "peers"),
            Set.of("services", "dispatchIntervalMillis", "resendAfterMillis"));
    Party self = party(o);
    ConfigObject key = o.object("signingKey", Set.of("keyId", "file"), Set.of());
    ConfigObject store = o.object("store", Set.of("jdbcUrl"), Set.of());
    String jdbcUrl = store.string("jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw NodeConfigurationException.at(store.child("jdbcUrl"), "must be a JDBC URL (jdbc:…)");
    }
    ConfigObject listen = o.object("listen", Set.of("host", "port"), Set.of());
    ConfigObject tls =
        o.object(
            "tls",
            Set.of("keyStore", "trustStore", "passwordVariable"),
            Set.of("requireClientCertificate"));
    List<Peer> peers = new ArrayList<>();
    Set<OrganisationId> known = new HashSet<>(Set.of(self.organisation()));
    for (ConfigObject.Element e : o.array("peers", 1)) {
      Peer peer = peer(e);
      if (!known.add(peer.party().organisation())) {
        throw NodeConfigurationException.at(
            e.pointer() + "/organisation", "is listed twice (or is this node itself)");
      }
      peers.add(peer);
    }
    List<Service> services = new ArrayList<>();
    if (o.has("services")) {
      for (ConfigObject.Element e : o.array("services", 0)) {
        ConfigObject s = e.object(Set.of("service", "provider", "respondWithinDays"), Set.of());
        OrganisationId provider = s.parsed("provider", OrganisationId::parse, "an organisation id");
        if (!known.contains(provider)) {
          throw NodeConfigurationException.at(
              s.child("provider"), "is neither this node nor one of its peers");
        }
        services.add(
            new Service(
                s.parsed("service", ServiceId::parse, "a service id"),
                provider,
                Duration.ofDays(s.integer("respondWithinDays", 1, 365))));
      }
    }
    return new NodeConfiguration(
        self,
        key.parsed("keyId", KeyId::of, "a key id"),
        folder.resolve(key.string("file")),
        h2Relative(jdbcUrl, folder),
        listen.string("host"),
        listen.integer("port", 0, 65_535),
        folder.resolve(tls.string("keyStore")),
        folder.resolve(tls.string("trustStore")),
        tls.parsed("passwordVariable", NodeConfiguration::variable, "an environment variable name"),
        tls.has("requireClientCertificate") && tls.bool("requireClientCertificate"),
        peers,
        services,
        Duration.ofMillis(
            o.has("dispatchIntervalMillis")
                ? o.integer("dispatchIntervalMillis", 10, 3_600_000)
                : 1_000),
        Duration.ofMillis(
            o.has("resendAfterMillis") ? o.integer("resendAfterMillis", 100, 86_400_000) : 30_000));
  }

  private static Party party(ConfigObject o) {
    return new Party(
        o.parsed("organisation", OrganisationId::parse, "an organisation id"),
        o.string("system"),
        o.parsed("country", CountryCode::parse, "a country code"));
  }

  private static Peer peer(ConfigObject.Element e) {
    ConfigObject p =
        e.object(Set.of("organisation", "system", "country", "endpoint", "keys"), Set.of());
    URI endpoint = p.parsed("endpoint", URI::create, "a URL");
    if (!"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw NodeConfigurationException.at(p.child("endpoint"), "must be an https URL with a host");
    }
    List<PeerKey> keys = new ArrayList<>();
    for (ConfigObject.Element k : p.array("keys", 1)) {
      ConfigObject key = k.object(Set.of("keyId", "publicKey"), Set.of());
      String publicKey = key.string("publicKey");
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(publicKey);
      } catch (IllegalArgumentException ex) {
        raw = new byte[0];
      }
      if (raw.length != 32) {
        throw NodeConfigurationException.at(
            key.child("publicKey"), "must be the base64 of a 32-byte Ed25519 public key");
      }
      keys.add(new PeerKey(key.parsed("keyId", KeyId::of, "a key id"), publicKey));
    }
    return new Peer(party(p), endpoint, keys);
  }

  private static String variable(String name) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a variable name");
    }
    return name;
  }

  /** A {@code jdbc:h2:file:} URL with a relative path, made absolute against {@code folder}. */
  private static String h2Relative(String url, Path folder) {
    String prefix = "jdbc:h2:file:";
    if (!url.startsWith(prefix)) {
      return url;
    }
    String rest = url.substring(prefix.length());
    int options = rest.indexOf(';');
    String path = options < 0 ? rest : rest.substring(0, options);
    if (Path.of(path).isAbsolute() || path.startsWith("~")) {
      return url;
    }
    return prefix + folder.resolve(path).normalize() + (options < 0 ? "" : rest.substring(options));
  }
}
