package org.vansdk.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.hub.HubFixtures.KHM;
import static org.vansdk.hub.HubFixtures.LAO;
import static org.vansdk.hub.HubFixtures.THA;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RelayFlowTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String TYPE = "application/vnd.van.message+json";

  @TempDir Path dir;
  private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
  private Hub hub;
  private HubFixtures.Client client;

  @BeforeEach
  void start() {
    hub = HubFixtures.hub(dir, HubFixtures.h2(dir), log).start();
    client = new HubFixtures.Client(hub.uri());
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private JsonNode json(HttpResponse<byte[]> r) {
    return MAPPER.readTree(r.body());
  }

  @Test
  void relayedMessage_isReadUnchangedByItsRecipientOnly_andAcknowledged() {
    byte[] m = HubFixtures.message(KHM, LAO, 1, "Sok Dara", "+855 12 345 678");
    HttpResponse<byte[]> sent = client.send("POST", "/van/v1/messages", TYPE, m);
    assertEquals(202, sent.statusCode(), HubFixtures.text(sent));
    assertEquals(false, json(sent).get("duplicate").asBoolean());

    JsonNode other = json(client.as(THA, "GET", "/van/v1/mailbox", "", new byte[0]));
    assertEquals(0, other.get("messages").size());

    HttpResponse<byte[]> read = client.as(LAO, "GET", "/van/v1/mailbox?after=0", "", new byte[0]);
    assertEquals(200, read.statusCode(), HubFixtures.text(read));
    JsonNode page = json(read);
    assertEquals(1, page.get("messages").size());
    JsonNode entry = page.get("messages").get(0);
    assertArrayEquals(m, Base64.getDecoder().decode(entry.get("message").asString()));
    assertEquals(KHM.value(), entry.get("sender").asString());

    HttpResponse<byte[]> again = client.send("POST", "/van/v1/messages", TYPE, m);
    assertEquals(202, again.statusCode());
    assertTrue(json(again).get("duplicate").asBoolean());

    long cursor = entry.get("cursor").asLong();
    HttpResponse<byte[]> ack =
        client.as(
            LAO,
            "POST",
            "/van/v1/mailbox:ack",
            "application/json",
            ("{\"cursor\":" + cursor + "}").getBytes(StandardCharsets.UTF_8));
    assertEquals(200, ack.statusCode(), HubFixtures.text(ack));
    assertEquals(1, json(ack).get("delivered").asInt());
    JsonNode after = json(client.as(LAO, "GET", "/van/v1/mailbox", "", new byte[0]));
    assertEquals(0, after.get("messages").size());
    assertEquals(cursor, after.get("after").asLong());
  }

  @Test
  void longPoll_answersWhenAMessageArrives() throws Exception {
    CompletableFuture<HttpResponse<byte[]>> waiting =
        CompletableFuture.supplyAsync(
            () -> client.as(LAO, "GET", "/van/v1/mailbox?after=0&wait=20", "", new byte[0]));
    byte[] m = HubFixtures.message(THA, LAO, 1, "Noy", "+856 20 5555 1234");
    assertEquals(202, client.send("POST", "/van/v1/messages", TYPE, m).statusCode());
    JsonNode page = json(waiting.get());
    assertEquals(1, page.get("messages").size());
  }
}
