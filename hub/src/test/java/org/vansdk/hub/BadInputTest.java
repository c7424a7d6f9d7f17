package org.vansdk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.hub.HubFixtures.KHM;
import static org.vansdk.hub.HubFixtures.LAO;
import static org.vansdk.hub.HubFixtures.THA;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.transport.httpsig.HttpSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input is refused with a problem document naming the stable code, and nothing is stored:
 * malformed and tampered messages, a message signed with another organisation's key, an unknown
 * receiver, oversize bodies, a replayed request signature, a key not in the trust list, malformed
 * acknowledgements and queries, the wrong media type.
 */
class BadInputTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String TYPE = "application/vnd.van.message+json";

  @TempDir Path dir;
  private Hub hub;
  private HubFixtures.Client client;

  @BeforeEach
  void start() {
    hub =
        HubFixtures.hub(dir, HubFixtures.h2(dir), new ConcurrentLinkedQueue<>())
            .maxBodyBytes(256 << 10)
            .start();
    client = new HubFixtures.Client(hub.uri());
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private static void refused(HttpResponse<byte[]> r, int status, String code) {
    assertEquals(status, r.statusCode(), HubFixtures.text(r));
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertEquals(code, MAPPER.readTree(r.body()).get("code").asString(), HubFixtures.text(r));
  }

  private void nothingStored() {
    JsonNode page =
        MAPPER.readTree(client.as(LAO, "GET", "/van/v1/mailbox?after=0", "", new byte[0]).body());
    assertEquals(0, page.get("messages").size());
  }

  private HttpResponse<byte[]> post(byte[] body) {
    return client.send("POST", "/van/v1/messages", TYPE, body);
  }

  @Test
  void unreadableMessages_areRefused() {
    refused(post("{\"schemaVersion\":".getBytes(StandardCharsets.UTF_8)), 400, "VAN-H-0020");
    refused(post("{\"type\":\"nonsense\"}".getBytes(StandardCharsets.UTF_8)), 400, "VAN-H-0020");
    refused(post("[1,2]".getBytes(StandardCharsets.UTF_8)), 400, "VAN-H-0020");
    refused(post(new byte[0]), 400, "VAN-H-0020");
    nothingStored();
  }

  @Test
  void tamperedOrMissignedMessages_areRefused() {
    byte[] m = HubFixtures.message(KHM, LAO, 1, "Sok", "012 345 678");
    JsonNode wire = MessageCodec.parse(m);
    // a changed envelope: the signature no longer verifies
    byte[] changed =
        new String(m, StandardCharsets.UTF_8)
            .replace("\"senderSeq\":1", "\"senderSeq\":2")
            .getBytes(StandardCharsets.UTF_8);
    refused(post(changed), 401, "VAN-H-0021");
    // a changed payload: its hash no longer matches
    byte[] payload =
        new String(m, StandardCharsets.UTF_8)
            .replace("012 345 678", "012 345 679")
            .getBytes(StandardCharsets.UTF_8);
    refused(post(payload), 400, "VAN-H-0023");
    // signed with another organisation's key
    Message original = Message.fromJson(wire);
    byte[] wrongKey = MessageCodec.toBytes(original.signedWith(HubFixtures.THA_KEY));
    refused(post(wrongKey), 401, "VAN-H-0021");
    // signed with a key nobody listed
    refused(
        post(MessageCodec.toBytes(original.signedWith(HubFixtures.STRANGER_KEY))),
        401,
        "VAN-H-0021");
    // unsigned
    refused(
        post(MessageCodec.toBytes(Message.of(original.envelope(), original.payload()))),
        401,
        "VAN-H-0021");
    nothingStored();
  }

  @Test
  void messageForAnOrganisationOutsideTheTrustList_isRefused() {
    byte[] m =
        HubFixtures.message(KHM, OrganisationId.parse("MYS-NOBODY-HQ"), 1, "Sok", "012 345 678");
    refused(post(m), 422, "VAN-H-0022");
  }

  @Test
  void oversizeBodies_andWrongMediaTypes_areRefused() {
    refused(post(new byte[300 << 10]), 413, "VAN-H-0005");
    byte[] m = HubFixtures.message(KHM, LAO, 1, "Sok", "012 345 678");
    refused(client.send("POST", "/van/v1/messages", "text/plain", m), 415, "VAN-H-0008");
    nothingStored();
  }

  @Test
  void replayedRequestSignature_isRefused() {
    HttpRequest once =
        HttpSigner.of(HubFixtures.LAO_KEY, Clock.systemUTC(), new SecureRandom())
            .request("GET", hub.uri().resolve("/van/v1/mailbox"), "", new byte[0]);
    assertEquals(200, client.send(once).statusCode());
    refused(client.send(once), 401, "VAN-N-0207");
  }

  @Test
  void requestSignedWithAnUnlistedKey_isRefusedNotDowngraded() {
    refused(
        client.signed(HubFixtures.STRANGER_KEY, "GET", "/van/v1/mailbox", "", new byte[0]),
        401,
        "VAN-N-0209");
    // a signature over another query than the one sent does not verify
    HttpRequest signed =
        HttpSigner.of(HubFixtures.LAO_KEY, Clock.systemUTC(), new SecureRandom())
            .request("GET", hub.uri().resolve("/van/v1/mailbox?after=0"), "", new byte[0]);
    HttpRequest.Builder moved =
        HttpRequest.newBuilder(hub.uri().resolve("/van/v1/mailbox?after=5"));
    signed.headers().map().forEach((k, vs) -> vs.forEach(v -> moved.header(k, v)));
    refused(client.send(moved.GET().build()), 401, "VAN-N-0210");
  }

  @Test
  void malformedAcknowledgementsAndQueries_areRefused() {
    byte[] json = "{\"cursor\":1,\"extra\":true}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> r =
        client.as(THA, "POST", "/van/v1/mailbox:ack", "application/json", json);
    refused(r, 400, "VAN-H-0024");
    assertTrue(HubFixtures.text(r).contains("/extra"));
    refused(
        client.as(
            THA,
            "POST",
            "/van/v1/mailbox:ack",
            "application/json",
            "{\"cursor\":\"1\"}".getBytes(StandardCharsets.UTF_8)),
        400,
        "VAN-H-0024");
    refused(
        client.as(
            THA,
            "POST",
            "/van/v1/mailbox:ack",
            "application/json",
            "{\"cursor\":7}".getBytes(StandardCharsets.UTF_8)),
        409,
        "VAN-H-0024");
    refused(client.as(THA, "GET", "/van/v1/mailbox?wait=999", "", new byte[0]), 400, "VAN-H-0007");
    refused(
        client.as(THA, "GET", "/van/v1/mailbox?after=1&after=2", "", new byte[0]),
        400,
        "VAN-H-0007");
    // a misspelt parameter is refused, not read as "not given"
    refused(client.as(THA, "GET", "/van/v1/mailbox?afterr=5", "", new byte[0]), 400, "VAN-H-0007");
    refused(client.send("DELETE", "/van/v1/mailbox", "", new byte[0]), 405, "VAN-H-0002");
    refused(client.send("GET", "/van/v1/nothing", "", new byte[0]), 404, "VAN-H-0001");
  }
}
