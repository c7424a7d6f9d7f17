package org.vansdk.transport.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The node configuration is read strictly: every problem is refused with its JSON Pointer. */
class NodeConfigurationTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String KEY = "A".repeat(43);

  @TempDir Path dir;

  static ObjectNode valid() {
    ObjectNode c = MAPPER.createObjectNode();
    c.put("organisation", "KHM-PRC-BTB").put("system", "prc").put("country", "KHM");
    c.putObject("signingKey").put("keyId", "KHM-PRC-BTB-K1").put("file", "centre.key");
    c.putObject("store").put("jdbcUrl", "jdbc:h2:file:./centre-store;DB_CLOSE_ON_EXIT=FALSE");
    c.putObject("listen").put("host", "127.0.0.1").put("port", 0);
    c.putObject("tls")
        .put("keyStore", "centre.p12")
        .put("trustStore", "ca.p12")
        .put("passwordVariable", "VAN_TLS_PASSWORD");
    ObjectNode trust = c.putObject("trustList");
    trust.put("source", "network.trust.json").put("network", "ASEAN-VAN");
    trust.putArray("operatorKeys").addObject().put("keyId", "operator-2026").put("publicKey", KEY);
    ArrayNode services = c.putArray("services");
    services
        .addObject()
        .put("service", "KHM-PRC-PROSTHETICS")
        .put("provider", "KHM-PRC-BTB")
        .put("respondWithinDays", 14);
    services
        .addObject()
        .put("service", "KHM-CMAA-PSS")
        .put("provider", "KHM-CMAA-HQ")
        .put("system", "cmvis")
        .put("respondWithinDays", 7);
    return c;
  }

  private NodeConfiguration read(ObjectNode c) throws Exception {
    Path file = dir.resolve("node.json");
    Files.writeString(file, MAPPER.writeValueAsString(c));
    return NodeConfiguration.read(file);
  }

  private String refusal(Consumer<ObjectNode> change) {
    ObjectNode c = valid();
    change.accept(c);
    NodeConfigurationException e =
        assertThrows(NodeConfigurationException.class, () -> read(c), c.toString());
    return e.getMessage();
  }

  @Test
  void validFile_isRead_withPathsResolvedAgainstItsFolder() throws Exception {
    NodeConfiguration c = read(valid());
    assertEquals("KHM-PRC-BTB", c.party().organisation().value());
    assertEquals(dir.resolve("centre.key").toAbsolutePath(), c.signingKeyFile().toAbsolutePath());
    assertEquals(
        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("centre-store") + ";DB_CLOSE_ON_EXIT=FALSE",
        c.jdbcUrl());
    assertEquals(dir.resolve("network.trust.json").toUri(), c.trustList().source());
    assertEquals("ASEAN-VAN", c.trustList().network());
    assertEquals(32, c.trustList().operatorKeys().values().iterator().next().length);
    assertEquals(Duration.ofMinutes(60), c.trustList().refresh());
    assertEquals(Duration.ofDays(14), c.services().get(0).respondWithin());
    assertEquals(c.party(), c.services().get(0).provider());
    assertEquals("KHM-CMAA-HQ/cmvis", c.services().get(1).provider().senderKey());
    assertEquals("KHM", c.services().get(1).provider().country().code());
    assertEquals(Duration.ofSeconds(1), c.dispatchInterval());
    assertEquals(Duration.ofSeconds(30), c.resendAfter());
    assertTrue(!c.requireClientCertificate());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown top-level key        | /signingKeys",
        "misspelt nested key          | /tls/passwordVar",
        "missing required member      | /store",
        "bad organisation id          | /organisation",
        "bad country                  | /country",
        "http trust list source       | /trustList/source",
        "short operator key           | /trustList/operatorKeys/0/publicKey",
        "not base64url operator key   | /trustList/operatorKeys/0/publicKey",
        "operator key pinned twice    | /trustList/operatorKeys/1/keyId",
        "no operator key              | /trustList/operatorKeys",
        "refresh out of range         | /trustList/refreshMinutes",
        "peer service without system  | /services/1",
        "own service of other system  | /services/0/system",
        "bad provider                 | /services/0/provider",
        "port out of range            | /listen/port",
        "port as a string             | /listen/port",
        "fractional interval          | /dispatchIntervalMillis",
        "not a JDBC URL               | /store/jdbcUrl",
        "bad variable name            | /tls/passwordVariable",
        "client auth not a boolean    | /tls/requireClientCertificate",
        "days out of range            | /services/0/respondWithinDays"
      })
  void everyProblem_isNamedByItsPointer(String problem, String pointer) {
    String message = refusal(c -> breakIt(problem.strip(), c));
    assertTrue(message.contains(": " + pointer + ": "), problem + " -> " + message);
  }

  private static void breakIt(String problem, ObjectNode c) {
    ObjectNode trust = (ObjectNode) c.get("trustList");
    ObjectNode operator = (ObjectNode) trust.get("operatorKeys").get(0);
    switch (problem) {
      case "unknown top-level key" -> c.put("signingKeys", "x");
      case "misspelt nested key" -> ((ObjectNode) c.get("tls")).put("passwordVar", "X");
      case "missing required member" -> c.remove("store");
      case "bad organisation id" -> c.put("organisation", "not an id");
      case "bad country" -> c.put("country", "XXX");
      case "http trust list source" -> trust.put("source", "http://operator.example/list");
      case "short operator key" -> operator.put("publicKey", "AAAA");
      case "not base64url operator key" -> operator.put("publicKey", "%".repeat(43));
      case "operator key pinned twice" ->
          ((ArrayNode) trust.get("operatorKeys")).add(operator.deepCopy());
      case "no operator key" -> trust.putArray("operatorKeys");
      case "refresh out of range" -> trust.put("refreshMinutes", 0);
      case "peer service without system" ->
          ((ObjectNode) c.get("services").get(1)).remove("system");
      case "own service of other system" ->
          ((ObjectNode) c.get("services").get(0)).put("system", "other");
      case "bad provider" -> ((ObjectNode) c.get("services").get(0)).put("provider", "lao nra");
      case "port out of range" -> ((ObjectNode) c.get("listen")).put("port", 70_000);
      case "port as a string" -> ((ObjectNode) c.get("listen")).put("port", "8443");
      case "fractional interval" -> c.put("dispatchIntervalMillis", 1.5);
      case "not a JDBC URL" -> ((ObjectNode) c.get("store")).put("jdbcUrl", "h2:file:x");
      case "bad variable name" -> ((ObjectNode) c.get("tls")).put("passwordVariable", "A-B");
      case "client auth not a boolean" ->
          ((ObjectNode) c.get("tls")).put("requireClientCertificate", "yes");
      case "days out of range" ->
          ((ObjectNode) c.get("services").get(0)).put("respondWithinDays", 0);
      default -> throw new IllegalArgumentException(problem);
    }
  }

  @Test
  void unknownKey_listsTheAllowedOnes() {
    String message = refusal(c -> c.put("peers", 1));
    assertTrue(message.contains("allowed here:") && message.contains("trustList"), message);
  }

  @Test
  void brokenJson_namesLineAndColumn_notTheContent() throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\n  \"organisation\": \"secret-value\",\n  oops\n}");
    NodeConfigurationException e =
        assertThrows(NodeConfigurationException.class, () -> NodeConfiguration.read(file));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(!e.getMessage().contains("secret-value"), e.getMessage());
    assertEquals(NodeConfigurationException.INVALID, e.code());
  }

  @Test
  void trailingContent_andMissingFile_areRefused() throws Exception {
    Path file = dir.resolve("two.json");
    Files.writeString(file, MAPPER.writeValueAsString(valid()) + " {}");
    assertThrows(NodeConfigurationException.class, () -> NodeConfiguration.read(file));
    NodeConfigurationException missing =
        assertThrows(
            NodeConfigurationException.class,
            () -> NodeConfiguration.read(dir.resolve("absent.json")));
    assertEquals(NodeConfigurationException.FILE, missing.code());
  }
}
