package org.vansdk.transport.node;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.transport.tls.EphemeralCertificates;
import org.vansdk.transport.trust.KeyUse;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustListJson;
import org.vansdk.transport.trust.TrustedKey;
import org.vansdk.transport.trust.TrustedOrganisation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The files of a two-organisation network as operators write them for {@code van node}: a
 * throw-away CA, a TLS key store and an Ed25519 key for a Cambodian authority and a rehabilitation
 * centre, the network operator's signed trust list naming both (keys and endpoints on free loopback
 * ports), and one configuration each pinning the operator's key.
 *
 * @param authority the authority's configuration file
 * @param centre the centre's configuration file
 * @param trustList the trust list file both configurations name
 * @param list the trust list as written (signed)
 */
record TwoNodeFiles(Path authority, Path centre, Path trustList, TrustList list) {

  static final String NETWORK = "ASEAN-VAN";
  static final OrganisationId AUTHORITY = OrganisationId.parse("KHM-CMAA-HQ");
  static final OrganisationId CENTRE = OrganisationId.parse("KHM-PRC-BTB");

  /** The network operator's key (throw-away, made per run). */
  static final SigningKey OPERATOR =
      SigningKey.generate(KeyId.of("operator-test"), new SecureRandom());

  static final String PASSWORD = NetworkNodeTest.PASSWORD;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /**
   * Writes a CA, TLS stores, keys and both configurations into {@code dir}.
   *
   * @param dispatchIntervalMillis how often the nodes' background dispatchers run
   */
  static TwoNodeFiles write(Path dir, int dispatchIntervalMillis) throws Exception {
    EphemeralCertificates ca = new EphemeralCertificates();
    ca.writeTrustStore(dir.resolve("ca.p12"), PASSWORD.toCharArray());
    ca.writeKeyStore("KHM-CMAA-HQ", dir.resolve("authority.p12"), PASSWORD.toCharArray());
    ca.writeKeyStore("KHM-PRC-BTB", dir.resolve("centre.p12"), PASSWORD.toCharArray());
    SecureRandom random = new SecureRandom();
    SigningKey authorityKey = key(dir, "authority.key", "KHM-CMAA-HQ-K1", random);
    SigningKey centreKey = key(dir, "centre.key", "KHM-PRC-BTB-K1", random);
    int authorityPort = freePort();
    int centrePort = freePort();
    Instant now = Instant.now();
    TrustList list =
        TrustList.draft(NETWORK, now)
            .withOrganisation(
                organisation(AUTHORITY, authorityPort, listed(authorityKey, now)), now)
            .withOrganisation(organisation(CENTRE, centrePort, listed(centreKey, now)), now)
            .signedBy(OPERATOR);
    Path trustList = dir.resolve("network.trust.json");
    Files.write(trustList, TrustListJson.write(list));
    Path authorityFile =
        config(
            dir,
            dispatchIntervalMillis,
            "authority",
            "KHM-CMAA-HQ",
            "cmvis",
            authorityKey,
            authorityPort,
            "prc");
    Path centreFile =
        config(
            dir,
            dispatchIntervalMillis,
            "centre",
            "KHM-PRC-BTB",
            "prc",
            centreKey,
            centrePort,
            null);
    return new TwoNodeFiles(authorityFile, centreFile, trustList, list);
  }

  /** The key valid from a day before {@code now} for a year, for both uses. */
  static TrustedKey listed(SigningKey key, Instant now) {
    return TrustedKey.of(
        key.keyId(),
        key.rawPublicKey(),
        now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(365)),
        EnumSet.allOf(KeyUse.class));
  }

  private static TrustedOrganisation organisation(OrganisationId id, int port, TrustedKey key) {
    return new TrustedOrganisation(
        id, "KHM", id.value(), Optional.of(URI.create("https://127.0.0.1:" + port)), List.of(key));
  }

  /** Writes a new version of the list, signed by the operator. */
  TwoNodeFiles publish(TrustList next) throws Exception {
    TrustList signed = next.signedBy(OPERATOR);
    Files.write(trustList, TrustListJson.write(signed));
    return new TwoNodeFiles(authority, centre, trustList, signed);
  }

  private static SigningKey key(Path dir, String file, String keyId, SecureRandom random)
      throws Exception {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    Files.writeString(dir.resolve(file), Base64.getEncoder().encodeToString(seed));
    return SigningKey.fromRaw(KeyId.of(keyId), seed);
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Path config(
      Path dir,
      int dispatchIntervalMillis,
      String name,
      String org,
      String system,
      SigningKey key,
      int port,
      String peerServiceSystem)
      throws Exception {
    ObjectNode c = MAPPER.createObjectNode();
    c.put("organisation", org).put("system", system).put("country", "KHM");
    c.putObject("signingKey").put("keyId", key.keyId().value()).put("file", name + ".key");
    c.putObject("store").put("jdbcUrl", "jdbc:h2:file:./" + name + "-store");
    c.putObject("listen").put("host", "127.0.0.1").put("port", port);
    c.putObject("tls")
        .put("keyStore", name + ".p12")
        .put("trustStore", "ca.p12")
        .put("passwordVariable", "VAN_TLS_PASSWORD");
    ObjectNode trust = c.putObject("trustList");
    trust.put("source", "network.trust.json").put("network", NETWORK);
    trust
        .putArray("operatorKeys")
        .addObject()
        .put("keyId", OPERATOR.keyId().value())
        .put(
            "publicKey",
            Base64.getUrlEncoder().withoutPadding().encodeToString(OPERATOR.rawPublicKey()));
    ObjectNode service =
        c.putArray("services")
            .addObject()
            .put("service", "KHM-PRC-PROSTHETICS")
            .put("provider", "KHM-PRC-BTB")
            .put("respondWithinDays", 14);
    if (peerServiceSystem != null) {
      service.put("system", peerServiceSystem);
    }
    c.put("dispatchIntervalMillis", dispatchIntervalMillis);
    // an unacknowledged message goes again soon: a restarted peer gets it within the test's rounds
    c.put("resendAfterMillis", 200);
    Path file = dir.resolve(name + ".node.json");
    Files.writeString(file, MAPPER.writeValueAsString(c));
    return file;
  }
}
