package org.vansdk.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.transport.node.NetworkNode;
import org.vansdk.transport.node.NodeConfiguration;
import org.vansdk.transport.observe.TransportObserver;
import org.vansdk.transport.tls.EphemeralCertificates;
import org.vansdk.transport.trust.KeyUse;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustListJson;
import org.vansdk.transport.trust.TrustedKey;
import org.vansdk.transport.trust.TrustedOrganisation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's two-organisation network on loopback, set up exactly as an operator would set up
 * {@code van node}: a throw-away CA and a TLS key store for each organisation, an Ed25519 signing
 * key file each, the network operator's signed trust list naming both (their keys and endpoints),
 * and one configuration file each pinning the operator's key; then both nodes are started from
 * their files. The files stay in the demo's folder for a look.
 */
final class DemoNetwork implements AutoCloseable {

  private static final String PASSWORD_VARIABLE = "VAN_DEMO_TLS_PASSWORD";
  private static final String NETWORK = "VAN-DEMO";
  private static final String TRUST_LIST = "network.trust.json";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  final NetworkNode first;
  final NetworkNode second;

  /**
   * Writes the files into {@code dir} and starts both nodes on free loopback ports.
   *
   * @param service the second organisation's service, as an entry of the configuration's {@code
   *     services}
   */
  DemoNetwork(Path dir, Party firstParty, Party secondParty, ObjectNode service)
      throws IOException {
    Files.createDirectories(dir);
    SecureRandom random = new SecureRandom();
    char[] password = new char[24];
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('a' + random.nextInt(26));
    }
    EphemeralCertificates ca = new EphemeralCertificates();
    ca.writeTrustStore(dir.resolve("network-ca.p12"), password);
    SigningKey firstKey = key(dir, firstParty, random);
    SigningKey secondKey = key(dir, secondParty, random);
    for (Party p : List.of(firstParty, secondParty)) {
      ca.writeKeyStore(p.organisation().value(), dir.resolve(name(p) + ".p12"), password);
    }
    Map<String, String> environment = Map.of(PASSWORD_VARIABLE, new String(password));
    int firstPort = freePort();
    int secondPort = freePort();
    SigningKey operator = SigningKey.generate(KeyId.of("demo-operator"), random);
    Instant now = Instant.now();
    TrustList list =
        TrustList.draft(NETWORK, now)
            .withOrganisation(listed(firstParty, firstKey, firstPort, now), now)
            .withOrganisation(listed(secondParty, secondKey, secondPort, now), now)
            .signedBy(operator);
    Files.write(dir.resolve(TRUST_LIST), TrustListJson.write(list));
    Path firstFile = write(dir, firstParty, firstKey, firstPort, operator, service);
    Path secondFile = write(dir, secondParty, secondKey, secondPort, operator, service);
    first =
        NetworkNode.start(
            NodeConfiguration.read(firstFile), environment::get, TransportObserver.NONE);
    try {
      second =
          NetworkNode.start(
              NodeConfiguration.read(secondFile), environment::get, TransportObserver.NONE);
    } catch (RuntimeException e) {
      first.close();
      throw e;
    }
  }

  /** A port free now (the demo binds it a moment later; a clash is reported as an error). */
  private static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Both nodes' dispatchers in turn until neither outbox has anything due. */
  void settle() {
    for (int round = 0; round < 50; round++) {
      int delivered = first.dispatcher().dispatch().delivered();
      delivered += second.dispatcher().dispatch().delivered();
      if (delivered == 0
          && first.node().store().outbox().isEmpty()
          && second.node().store().outbox().isEmpty()) {
        return;
      }
    }
    throw new IllegalStateException("the demo network did not go quiet");
  }

  @Override
  public void close() {
    first.close();
    second.close();
  }

  private static String name(Party p) {
    return p.organisation().value().toLowerCase(java.util.Locale.ROOT);
  }

  private static SigningKey key(Path dir, Party p, SecureRandom random) throws IOException {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    Files.writeString(
        dir.resolve(name(p) + ".key"),
        Base64.getEncoder().encodeToString(seed) + "\n",
        StandardCharsets.US_ASCII);
    return SigningKey.fromRaw(KeyId.of(p.organisation().value() + "-K1"), seed);
  }

  /** An organisation of the demo's trust list: its key for a day, its endpoint on loopback. */
  private static TrustedOrganisation listed(Party p, SigningKey key, int port, Instant now) {
    return new TrustedOrganisation(
        p.organisation(),
        p.country().code(),
        p.organisation().value(),
        Optional.of(URI.create("https://127.0.0.1:" + port)),
        List.of(
            TrustedKey.of(
                key.keyId(),
                key.rawPublicKey(),
                now.minus(Duration.ofMinutes(10)),
                now.plus(Duration.ofDays(1)),
                EnumSet.allOf(KeyUse.class))));
  }

  /** Writes one node's configuration, pinning the operator's key. */
  private static Path write(
      Path dir,
      Party self,
      SigningKey selfKey,
      int selfPort,
      SigningKey operator,
      ObjectNode service)
      throws IOException {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("organisation", self.organisation().value())
        .put("system", self.system())
        .put("country", self.country().code());
    c.putObject("signingKey")
        .put("keyId", selfKey.keyId().value())
        .put("file", name(self) + ".key");
    c.putObject("store").put("jdbcUrl", "jdbc:h2:file:./" + name(self) + "-store");
    c.putObject("listen").put("host", "127.0.0.1").put("port", selfPort);
    c.putObject("tls")
        .put("keyStore", name(self) + ".p12")
        .put("trustStore", "network-ca.p12")
        .put("passwordVariable", PASSWORD_VARIABLE);
    ObjectNode trust = c.putObject("trustList");
    trust.put("source", TRUST_LIST).put("network", NETWORK);
    trust
        .putArray("operatorKeys")
        .addObject()
        .put("keyId", operator.keyId().value())
        .put(
            "publicKey",
            Base64.getUrlEncoder().withoutPadding().encodeToString(operator.rawPublicKey()));
    ArrayNode services = c.putArray("services");
    services.add(service);
    c.put("dispatchIntervalMillis", 60_000); // the demo steps its dispatchers itself
    Path file = dir.resolve(name(self) + ".node.json");
    Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(c));
    return file;
  }
}
