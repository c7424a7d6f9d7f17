package org.vansdk.cli;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A node configuration as an operator writes it for {@code van node}, for the command tests. */
final class NodeFiles {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private NodeFiles() {}

  /**
   * The configuration of organisation {@code org}: key {@code <org>-K1} in {@code <name>.key}, an
   * H2 store {@code <name>-store}, TLS stores {@code <name>.p12} and {@code ca.p12}, and the trust
   * list {@code network.trust.json} of network ASEAN-VAN signed by {@code operatorKey} (base64url).
   */
  static ObjectNode config(String org, String system, String name, String operatorKey) {
    ObjectNode c = MAPPER.createObjectNode();
    c.put("organisation", org).put("system", system).put("country", org.substring(0, 3));
    c.putObject("signingKey").put("keyId", org + "-K1").put("file", name + ".key");
    c.putObject("store").put("jdbcUrl", "jdbc:h2:file:./" + name + "-store");
    c.putObject("listen").put("host", "127.0.0.1").put("port", 8443);
    c.putObject("tls")
        .put("keyStore", name + ".p12")
        .put("trustStore", "ca.p12")
        .put("passwordVariable", "VAN_TLS_PASSWORD");
    ObjectNode trust = c.putObject("trustList");
    trust.put("source", "network.trust.json").put("network", "ASEAN-VAN");
    trust
        .putArray("operatorKeys")
        .addObject()
        .put("keyId", "operator-2026")
        .put("publicKey", operatorKey);
    return c;
  }
}
