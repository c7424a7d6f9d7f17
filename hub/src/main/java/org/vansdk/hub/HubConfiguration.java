package org.vansdk.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.hub.web.HubException;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.transport.tls.TlsFiles;
import org.vansdk.transport.trust.OperatorKeys;
import org.vansdk.transport.trust.TrustListSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's configuration file, read strictly (an unknown key or a wrong value is an error with its
 * JSON Pointer), with the secrets and the database taken from environment variables:
 *
 * <pre>{@code
 * {
 *   "listen":    {"host": "127.0.0.1", "port": 8080},
 *   "tls":       {"keyStore": "hub.p12", "trustStore": "network-ca.p12",
 *                 "passwordVariable": "VAN_HUB_TLS_PASSWORD"},
 *   "database":  {"url": "jdbc:postgresql://db/van", "user": "van",
 *                 "passwordVariable": "VAN_HUB_DB_PASSWORD"},
 *   "trustList": {"file": "trust-list.json", "network": "ASEAN-VAN", "refreshSeconds": 300,
 *                 "operatorKeys": [{"keyId": "operator-2026", "publicKey": "<base64url>"}]},
 *   "operators":   ["IDN-ASEC-HQ"],
 *   "focalPoints": ["KHM-CMAA-HQ", "LAO-NRA-HQ"],
 *   "maxBodyBytes": 67108864
 * }
 * }</pre>
 *
 * Only {@code trustList} is required. Files are relative to the configuration file's folder. The
 * environment variables {@value #DB_URL}, {@value #DB_USER} and {@value #DB_PASSWORD} override the
 * {@code database} member. Immutable.
 *
 * @since 1.0
 */
public final class HubConfiguration {

  /** Environment variable: the database's JDBC URL (overrides {@code /database/url}). */
  public static final String DB_URL = "VAN_HUB_DB_URL";

  /** Environment variable: the database user (overrides {@code /database/user}). */
  public static final String DB_USER = "VAN_HUB_DB_USER";

  /** Environment variable: the database password, unless {@code /database/passwordVariable}. */
  public static final String DB_PASSWORD = "VAN_HUB_DB_PASSWORD";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Set<String> TOP =
      Set.of("listen", "tls", "database", "trustList", "operators", "focalPoints", "maxBodyBytes");

  private final Map<String, Object> settings;
  private final Function<Hub.Builder, Hub.Builder> apply;

  private HubConfiguration(Map<String, Object> settings, Function<Hub.Builder, Hub.Builder> apply) {
    this.settings = settings;
    this.apply = apply;
  }

  /**
   * Reads a configuration file.
   *
   * @param file the JSON file
   * @param environment the environment variables ({@code System::getenv})
   * @throws HubException with {@link HubErrors#BAD_CONFIGURATION} and the JSON Pointer of the first
   *     problem, or naming the file that cannot be read
   */
  public static HubConfiguration read(Path file, Function<String, String> environment) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new HubException(
          500, HubErrors.BAD_CONFIGURATION, "cannot read the hub's configuration " + file);
    } catch (JacksonException e) {
      throw new HubException(
          500,
          HubErrors.BAD_CONFIGURATION,
          "the hub's configuration "
              + file
              + " is not JSON"
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    }
    Path parent = file.toAbsolutePath().getParent();
    return of(root, parent == null ? Path.of("") : parent, environment);
  }

  static HubConfiguration of(JsonNode root, Path dir, Function<String, String> environment) {
    StrictObject top = new StrictObject(root, "", TOP);
    Map<String, Object> shown = new LinkedHashMap<>();
    List<Function<Hub.Builder, Hub.Builder>> steps = new ArrayList<>();
    if (top.has("listen")) {
      StrictObject l = top.object("listen", Set.of("host", "port"));
      String host = l.has("host") ? l.string("host") : "127.0.0.1";
      int port = l.has("port") ? l.integer("port", 0, 65_535) : 8080;
      shown.put("listen", host + ":" + port);
      steps.add(b -> b.listen(host, port));
    }
    if (top.has("tls")) {
      StrictObject t = top.object("tls", Set.of("keyStore", "trustStore", "passwordVariable"));
      Path keyStore = dir.resolve(t.string("keyStore"));
      Path trustStore = dir.resolve(t.string("trustStore"));
      String variable = t.string("passwordVariable");
      String password = environment.apply(variable);
      if (password == null) {
        throw StrictObject.at(t.child("passwordVariable"), "names an unset environment variable");
      }
      char[] pw = password.toCharArray();
      try {
        var context = TlsFiles.read(keyStore, pw, trustStore, pw);
        steps.add(b -> b.tls(context));
      } catch (IllegalArgumentException e) {
        throw StrictObject.at(t.child("keyStore"), "cannot be read with its password");
      }
      shown.put("tls", "https");
    }
    String url = null;
    String user = "";
    String passwordVariable = DB_PASSWORD;
    if (top.has("database")) {
      StrictObject d = top.object("database", Set.of("url", "user", "passwordVariable"));
      url = d.has("url") ? d.string("url") : null;
      user = d.has("user") ? d.string("user") : "";
      passwordVariable = d.has("passwordVariable") ? d.string("passwordVariable") : DB_PASSWORD;
    }
    url = Optional.ofNullable(environment.apply(DB_URL)).orElse(url);
    user = Optional.ofNullable(environment.apply(DB_USER)).orElse(user);
    String password = Optional.ofNullable(environment.apply(passwordVariable)).orElse("");
    if (url != null) {
      String u = url;
      String us = user;
      steps.add(b -> b.database(u, us, password));
      shown.put("database", u.replaceAll("password=[^&;]*", "password=…"));
    }
    if (!top.has("trustList")) {
      throw StrictObject.at("/trustList", "is required");
    }
    StrictObject tl =
        top.object("trustList", Set.of("file", "network", "operatorKeys", "refreshSeconds"));
    Path trustFile = dir.resolve(tl.string("file"));
    String network = tl.string("network");
    Map<KeyId, byte[]> keys = new LinkedHashMap<>();
    JsonNode ks = tl.array("operatorKeys");
    if (ks.isEmpty()) {
      throw StrictObject.at(tl.child("operatorKeys"), "must list at least one key");
    }
    for (int i = 0; i < ks.size(); i++) {
      StrictObject k =
          new StrictObject(
              ks.get(i), tl.child("operatorKeys") + "/" + i, Set.of("keyId", "publicKey"));
      KeyId kid;
      byte[] raw;
      try {
        kid = KeyId.of(k.string("keyId"));
      } catch (IllegalArgumentException e) {
        throw StrictObject.at(k.child("keyId"), "is not a key id");
      }
      try {
        raw = Base64.getUrlDecoder().decode(k.string("publicKey"));
      } catch (IllegalArgumentException e) {
        raw = new byte[0];
      }
      if (raw.length != 32) {
        throw StrictObject.at(k.child("publicKey"), "must be 32 bytes in base64url");
      }
      keys.put(kid, raw);
    }
    OperatorKeys operatorKeys = OperatorKeys.of(keys);
    steps.add(b -> b.trustList(TrustListSource.file(trustFile), operatorKeys, network));
    if (tl.has("refreshSeconds")) {
      int seconds = tl.integer("refreshSeconds", 1, 86_400);
      steps.add(b -> b.trustListRefresh(Duration.ofSeconds(seconds)));
    }
    shown.put("trustList", trustFile + " (" + network + ")");
    List<OrganisationId> operators = organisations(top, "operators");
    List<OrganisationId> focalPoints = organisations(top, "focalPoints");
    steps.add(
        b -> {
          operators.forEach(b::operator);
          focalPoints.forEach(b::focalPoint);
          return b;
        });
    shown.put("operators", operators.toString());
    shown.put("focalPoints", focalPoints.toString());
    if (top.has("maxBodyBytes")) {
      int max = top.integer("maxBodyBytes", 1024, Integer.MAX_VALUE);
      steps.add(b -> b.maxBodyBytes(max));
    }
    return new HubConfiguration(
        shown,
        b -> {
          Hub.Builder r = b;
          for (Function<Hub.Builder, Hub.Builder> s : steps) {
            r = s.apply(r);
          }
          return r;
        });
  }

  private static List<OrganisationId> organisations(StrictObject top, String key) {
    List<OrganisationId> out = new ArrayList<>();
    if (!top.has(key)) {
      return out;
    }
    JsonNode a = top.array(key);
    for (int i = 0; i < a.size(); i++) {
      String pointer = top.child(key) + "/" + i;
      JsonNode v = a.get(i);
      if (!v.isString()) {
        throw StrictObject.at(pointer, "must be an organisation id");
      }
      try {
        out.add(OrganisationId.parse(v.stringValue()));
      } catch (RuntimeException e) {
        throw StrictObject.at(pointer, "is not an organisation id (ISO3-ORG-local)");
      }
    }
    return out;
  }

  /** Applies the configuration to a builder and returns it. */
  public Hub.Builder applyTo(Hub.Builder builder) {
    return apply.apply(builder);
  }

  /** What the configuration sets, without secrets, for a start-up line. */
  @Override
  public String toString() {
    return "HubConfiguration" + settings;
  }
}
