package org.vansdk.transport.node;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *   "trustList": {"source": "network.trust.json", "network": "ASEAN-VAN",
 *                 "operatorKeys": [{"keyId": "operator-2026", "publicKey": "<base64url of 32 bytes>"}],
 *                 "refreshMinutes": 60},
 *   "services": [{"service": "KHM-PRC-PROSTHETICS", "provider": "KHM-PRC-BTB", "respondWithinDays": 14},
 *                {"service": "KHM-CMAA-PSS", "provider": "KHM-CMAA-HQ", "system": "cmvis",
 *                 "respondWithinDays": 7}],
 *   "dispatchIntervalMillis": 500, "resendAfterMillis": 30000
 * }
 * }</pre>
 *
 * <p>Peers are the organisations of the network's trust list: their keys and endpoints come from
 * it, refreshed every {@code refreshMinutes} from its {@code source} (a file, resolved against the
 * configuration's folder, or an {@code https} URL); only a list signed by one of the pinned {@code
 * operatorKeys} (as {@code van trust-list keygen} prints them) is believed. A service's {@code
 * system} is the provider's system id, needed for another organisation's service.
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
 * @param trustList where the network's trust list comes from and who signs it
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
    TrustListSettings trustList,
    List<Service> services,
    Duration dispatchInterval,
    Duration resendAfter) {

  /** Copies the lists. */
  public NodeConfiguration {
    services = List.copyOf(services);
  }

  /**
   * Where the network's trust list comes from and who signs it.
   *
   * @param source a {@code file:} URI (a path in the configuration, resolved against its folder) or
   *     an {@code https} URL
   * @param network the network's id, as the list names it
   * @param operatorKeys the pinned operator keys: key id to raw 32-byte Ed25519 public key
   * @param refresh how often the list is fetched again
   */
  public record TrustListSettings(
      URI source, String network, Map<KeyId, byte[]> operatorKeys, Duration refresh) {
    /** Copies the keys. */
    public TrustListSettings {
      Map<KeyId, byte[]> copy = new LinkedHashMap<>();
      operatorKeys.forEach((k, v) -> copy.put(k, v.clone()));
      operatorKeys = java.util.Collections.unmodifiableMap(copy);
    }
  }

  /**
   * A service referrals can be sent to.
   *
   * @param service its id
   * @param provider the party that provides it (this node, or an organisation of the trust list)
   * @param respondWithin how long the provider takes to answer
   */
  public record Service(ServiceId service, Party provider, Duration respondWithin) {}

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
                "trustList"),
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
    TrustListSettings trustList = trustList(o, folder);
    List<Service> services = new ArrayList<>();
    if (o.has("services")) {
      for (ConfigObject.Element e : o.array("services", 0)) {
        services.add(service(e, self));
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
        trustList,
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

  private static Service service(ConfigObject.Element e, Party self) {
    ConfigObject s = e.object(Set.of("service", "provider", "respondWithinDays"), Set.of("system"));
    OrganisationId provider = s.parsed("provider", OrganisationId::parse, "an organisation id");
    Party party;
    if (provider.equals(self.organisation())) {
      if (s.has("system") && !s.string("system").equals(self.system())) {
        throw NodeConfigurationException.at(
            s.child("system"), "must be this node's own system, or be left out");
      }
      party = self;
    } else {
      if (!s.has("system")) {
        throw NodeConfigurationException.at(
            e.pointer(), "a service of another organisation needs the provider's \"system\"");
      }
      CountryCode country =
          s.parsed("provider", v -> CountryCode.parse(v.substring(0, 3)), "an organisation id");
      party =
          s.parsed(
              "system",
              v -> new Party(provider, v, country),
              "a system id (1 to 64 of A-Z a-z 0-9 . _ -)");
    }
    return new Service(
        s.parsed("service", ServiceId::parse, "a service id"),
        party,
        Duration.ofDays(s.integer("respondWithinDays", 1, 365)));
  }

  private static TrustListSettings trustList(ConfigObject o, Path folder) {
    ConfigObject t =
        o.object(
            "trustList", Set.of("source", "network", "operatorKeys"), Set.of("refreshMinutes"));
    String text = t.string("source");
    URI source;
    if (text.startsWith("https://")) {
      source = t.parsed("source", URI::create, "a file or an https URL");
      if (source.getHost() == null) {
        throw NodeConfigurationException.at(t.child("source"), "must be an https URL with a host");
      }
    } else if (text.contains("://")) {
      throw NodeConfigurationException.at(
          t.child("source"), "must be a file or an https URL (no other scheme)");
    } else {
      source = folder.resolve(text).normalize().toUri();
    }
    Map<KeyId, byte[]> keys = new LinkedHashMap<>();
    for (ConfigObject.Element k : t.array("operatorKeys", 1)) {
      ConfigObject key = k.object(Set.of("keyId", "publicKey"), Set.of());
      KeyId id = key.parsed("keyId", KeyId::of, "a key id");
      byte[] raw;
      try {
        raw = Base64.getUrlDecoder().decode(key.string("publicKey"));
      } catch (IllegalArgumentException ex) {
        raw = new byte[0];
      }
      if (raw.length != 32) {
        throw NodeConfigurationException.at(
            key.child("publicKey"),
            "must be the base64url of a 32-byte Ed25519 public key (as van trust-list keygen"
                + " prints it)");
      }
      if (keys.put(id, raw) != null) {
        throw NodeConfigurationException.at(key.child("keyId"), "is pinned twice");
      }
    }
    return new TrustListSettings(
        source,
        t.string("network"),
        keys,
        Duration.ofMinutes(t.has("refreshMinutes") ? t.integer("refreshMinutes", 1, 10_080) : 60));
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
