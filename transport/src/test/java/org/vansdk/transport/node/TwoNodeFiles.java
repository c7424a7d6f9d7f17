package org.vansdk.transport.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.transport.tls.EphemeralCertificates;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The files of a two-organisation network as an operator writes them for {@code van node}: a
 * throw-away CA, a TLS key store and an Ed25519 key for a Cambodian authority and a rehabilitation
 * centre, and one configuration each naming the other as its peer on a free loopback port.
 *
 * @param authority the authority's configuration file
 * @param centre the centre's configuration file
 */
record TwoNodeFiles(Path authority, Path centre) {

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
    Path authorityFile =
        config(
            dir,
            dispatchIntervalMillis,
            "authority",
            "KHM-CMAA-HQ",
            "cmvis",
            authorityKey,
            authorityPort,
            "KHM-PRC-BTB",
            "prc",
            centreKey,
            centrePort);
    Path centreFile =
        config(
            dir,
            dispatchIntervalMillis,
            "centre",
            "KHM-PRC-BTB",
            "prc",
            centreKey,
            centrePort,
            "KHM-CMAA-HQ",
            "cmvis",
            authorityKey,
            authorityPort);
    return new TwoNodeFiles(authorityFile, centreFile);
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
      String peerOrg,
      String peerSystem,
      SigningKey peerKey,
      int peerPort)
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
    ObjectNode peer =
        c.putArray("peers")
            .addObject()
            .put("organisation", peerOrg)
            .put("system", peerSystem)
            .put("country", "KHM")
            .put("endpoint", "https://127.0.0.1:" + peerPort);
    peer.putArray("keys")
        .addObject()
        .put("keyId", peerKey.keyId().value())
        .put("publicKey", Base64.getEncoder().encodeToString(peerKey.rawPublicKey()));
    c.putArray("services")
        .addObject()
        .put("service", "KHM-PRC-PROSTHETICS")
        .put("provider", "KHM-PRC-BTB")
        .put("respondWithinDays", 14);
    c.put("dispatchIntervalMillis", dispatchIntervalMillis);
    // an unacknowledged message goes again soon: a restarted peer gets it within the test's rounds
    c.put("resendAfterMillis", 200);
    Path file = dir.resolve(name + ".node.json");
    Files.writeString(file, MAPPER.writeValueAsString(c));
    return file;
  }
}
