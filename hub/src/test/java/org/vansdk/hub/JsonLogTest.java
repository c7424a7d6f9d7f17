package org.vansdk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole relay flow with planted names and phone numbers (in the message, in a query, in a header,
 * in refused bodies): every log line is JSON, and none holds a planted value.
 */
class JsonLogTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String TYPE = "application/vnd.van.message+json";
  private static final List<String> PLANTED =
      List.of("Chanthavong Souliya", "Sok Sreymom", "+856 20 9876 5432", "012 777 888", "8562098");

  @TempDir Path dir;

  @Test
  void wholeRelayFlow_logsNoPersonalData() {
    ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    try (Hub hub = HubFixtures.hub(dir, HubFixtures.h2(dir), log).start()) {
      HubFixtures.Client client = new HubFixtures.Client(hub.uri());
      byte[] m1 =
          HubFixtures.message(HubFixtures.KHM, HubFixtures.LAO, 1, PLANTED.get(0), PLANTED.get(2));
      byte[] m2 =
          HubFixtures.message(HubFixtures.THA, HubFixtures.LAO, 2, PLANTED.get(1), PLANTED.get(3));
      assertEquals(202, client.send("POST", "/van/v1/messages", TYPE, m1).statusCode());
      assertEquals(202, client.send("POST", "/van/v1/messages", TYPE, m2).statusCode());
      assertEquals(202, client.send("POST", "/van/v1/messages", TYPE, m1).statusCode());
      // refused input holding personal data: a tampered message, a body that is not a message
      String tampered =
          new String(m1, StandardCharsets.UTF_8).replace(PLANTED.get(0), PLANTED.get(1));
      assertEquals(
          400,
          client
              .send("POST", "/van/v1/messages", TYPE, tampered.getBytes(StandardCharsets.UTF_8))
              .statusCode());
      assertEquals(
          400,
          client
              .send(
                  "POST",
                  "/van/v1/messages",
                  TYPE,
                  ("{\"name\": \"" + PLANTED.get(0) + "\"").getBytes(StandardCharsets.UTF_8))
              .statusCode());
      // personal data in the path and the query
      assertEquals(
          404, client.send("GET", "/van/v1/" + PLANTED.get(4), "", new byte[0]).statusCode());
      assertEquals(
          400,
          client
              .as(
                  HubFixtures.LAO,
                  "GET",
                  "/van/v1/mailbox?after="
                      + java.net.URLEncoder.encode(PLANTED.get(1), StandardCharsets.UTF_8),
                  "",
                  new byte[0])
              .statusCode());
      HttpResponse<byte[]> page =
          client.as(HubFixtures.LAO, "GET", "/van/v1/mailbox?after=0", "", new byte[0]);
      JsonNode messages = MAPPER.readTree(page.body()).get("messages");
      assertEquals(2, messages.size());
      String first =
          new String(
              Base64.getDecoder().decode(messages.get(0).get("message").asString()),
              StandardCharsets.UTF_8);
      assertTrue(first.contains(PLANTED.get(0)), "the relay must deliver the message as sent");
      assertEquals(
          200,
          client
              .as(
                  HubFixtures.LAO,
                  "POST",
                  "/van/v1/mailbox:ack",
                  "application/json",
                  "{\"cursor\":2}".getBytes(StandardCharsets.UTF_8))
              .statusCode());
      assertEquals(200, client.send("GET", "/metrics", "", new byte[0]).statusCode());
    }
    assertTrue(log.size() >= 10, "too few log lines: " + log.size());
    for (String line : log) {
      JsonNode parsed = MAPPER.readTree(line);
      assertTrue(parsed.isObject() && parsed.has("event"), line);
      for (String planted : PLANTED) {
        assertFalse(line.contains(planted), "a log line holds personal data: " + line);
      }
    }
  }
}
