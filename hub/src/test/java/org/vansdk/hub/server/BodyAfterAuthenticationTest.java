package org.vansdk.hub.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vansdk.hub.HubFixtures;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.transport.http.EndpointRequest;
import org.vansdk.transport.http.EndpointResponse;
import org.vansdk.transport.httpsig.HttpSigner;
import org.vansdk.transport.trust.TrustListRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub reads a body only from a caller who may call the route: an anonymous caller of a route
 * that needs a role, a signature by a key nobody listed, a forged or stale signature and a signed
 * caller without the route's role are refused with no byte of the body read, so nobody without a
 * focal point's private key makes the hub hold a bulk upload in memory; an anonymous route reads at
 * most its own limit (a referral message), whatever the hub allows for bulk uploads.
 */
class BodyAfterAuthenticationTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String HOST = "hub.test:8443";
  private static final int HUB_LIMIT = 64 << 20;
  private static final int BODY = 8 << 20;

  private final List<String> log = new ArrayList<>();
  private HubEndpoint endpoint;

  @BeforeEach
  void build() {
    TrustListRegistry registry = TrustListRegistry.of(HubFixtures.pinned(), HubFixtures.NETWORK);
    registry.accept(HubFixtures.trustList());
    Authenticator authenticator =
        new Authenticator(
            registry.forRequests(),
            () -> registry.current().orElseThrow(),
            new RoleAssignments(Set.of(HubFixtures.OPERATOR), Map.of(HubFixtures.KHM, "KHM")),
            "https",
            Clock.systemUTC());
    Router router =
        new Router(
            List.of(
                new Route(
                    "PUT",
                    "/van/v1/submissions/{id}",
                    Set.of(Role.FOCAL_POINT),
                    "bulk upload",
                    r -> answer(r.request().body()),
                    Integer.MAX_VALUE),
                new Route(
                    "POST",
                    "/van/v1/messages",
                    Set.of(Role.READER),
                    "one message",
                    r -> answer(r.request().body()))));
    endpoint =
        new HubEndpoint(
            router,
            authenticator,
            new RequestLog(log::add, Clock.systemUTC()),
            new SimpleMeterRegistry(),
            HUB_LIMIT);
  }

  private static EndpointResponse answer(InputStream body) {
    try (InputStream in = body) {
      long n = in.transferTo(java.io.OutputStream.nullOutputStream());
      return new EndpointResponse(
          200, Map.of(), Long.toString(n).getBytes(StandardCharsets.US_ASCII));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A body of zeros that counts what was read from it. */
  private static final class CountingBody extends InputStream {
    private final long size;
    long read;

    CountingBody(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (read >= size) {
        return -1;
      }
      read++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - read);
      java.util.Arrays.fill(b, off, off + n, (byte) 0);
      read += n;
      return n;
    }
  }

  /** The header fields a signer gives a request for this body (it is hashed, not sent). */
  private static Map<String, List<String>> signedHeaders(
      SigningKey key, String method, String path, byte[] body) {
    HttpRequest signed =
        HttpSigner.of(key, Clock.systemUTC(), new SecureRandom())
            .request(method, URI.create("https://" + HOST + path), "application/x-ndjson", body);
    Map<String, List<String>> headers = new HashMap<>(signed.headers().map());
    headers.put("Host", List.of(HOST));
    headers.put("Content-Length", List.of(Integer.toString(body.length)));
    return headers;
  }

  private static Map<String, List<String>> unsignedHeaders(long length) {
    return Map.of(
        "Host",
        List.of(HOST),
        "Content-Type",
        List.of("application/x-ndjson"),
        "Content-Length",
        List.of(Long.toString(length)));
  }

  private EndpointResponse send(
      String method, String path, Map<String, List<String>> headers, CountingBody body) {
    return endpoint.handle(new EndpointRequest(method, path, "", headers, body));
  }

  private static void refused(EndpointResponse r, int status, String code) {
    assertEquals(status, r.status(), new String(r.body(), StandardCharsets.UTF_8));
    assertEquals(code, MAPPER.readTree(r.body()).get("code").asString());
  }

  @Test
  void anonymousCallerOfARouteWithARole_isRefusedUnread() {
    CountingBody body = new CountingBody(BODY);
    refused(send("PUT", "/van/v1/submissions/s1", unsignedHeaders(BODY), body), 401, "VAN-H-0003");
    assertEquals(0, body.read);
  }

  @Test
  void keyNobodyListed_forgedOrOtherBodysSignature_areRefusedUnread() {
    byte[] real = new byte[BODY];
    // a key outside the trust list
    CountingBody stranger = new CountingBody(BODY);
    refused(
        send(
            "PUT",
            "/van/v1/submissions/s1",
            signedHeaders(HubFixtures.STRANGER_KEY, "PUT", "/van/v1/submissions/s1", real),
            stranger),
        401,
        "VAN-N-0209");
    assertEquals(0, stranger.read);
    // the focal point's key id with a signature made by another key (a forger knows key ids)
    Map<String, List<String>> forged =
        signedHeaders(HubFixtures.LAO_KEY, "PUT", "/van/v1/submissions/s1", real);
    String input = forged.get("Signature-Input").get(0);
    forged.put(
        "Signature-Input",
        List.of(
            input.replace(
                HubFixtures.LAO_KEY.keyId().value(), HubFixtures.KHM_KEY.keyId().value())));
    CountingBody forgedBody = new CountingBody(BODY);
    refused(send("PUT", "/van/v1/submissions/s1", forged, forgedBody), 401, "VAN-N-0210");
    assertEquals(0, forgedBody.read);
  }

  @Test
  void signedCallerWithoutTheRole_isRefusedUnread_theFocalPointIsRead() {
    byte[] real = new byte[BODY];
    CountingBody lao = new CountingBody(BODY);
    refused(
        send(
            "PUT",
            "/van/v1/submissions/s1",
            signedHeaders(HubFixtures.LAO_KEY, "PUT", "/van/v1/submissions/s1", real),
            lao),
        403,
        "VAN-H-0004");
    assertEquals(0, lao.read);
    CountingBody khm = new CountingBody(BODY);
    EndpointResponse ok =
        send(
            "PUT",
            "/van/v1/submissions/s1",
            signedHeaders(HubFixtures.KHM_KEY, "PUT", "/van/v1/submissions/s1", real),
            khm);
    assertEquals(200, ok.status(), new String(ok.body(), StandardCharsets.UTF_8));
    assertEquals(Integer.toString(BODY), new String(ok.body(), StandardCharsets.US_ASCII));
  }

  @Test
  void anonymousRoute_readsAtMostItsOwnLimit() {
    CountingBody huge = new CountingBody(BODY);
    // no Content-Length: the body is read until the route's limit is passed, not the hub's
    refused(
        send(
            "POST",
            "/van/v1/messages",
            Map.of("Host", List.of(HOST), "Content-Type", List.of("application/json")),
            huge),
        413,
        "VAN-H-0005");
    assertTrue(huge.read <= Route.DEFAULT_MAX_BODY_BYTES + 1, "read " + huge.read);
    CountingBody declared = new CountingBody(BODY);
    refused(send("POST", "/van/v1/messages", unsignedHeaders(BODY), declared), 413, "VAN-H-0005");
    assertEquals(0, declared.read);
  }

  @Test
  void everyRefusal_isLoggedWithNoBodyBytes() {
    anonymousCallerOfARouteWithARole_isRefusedUnread();
    assertTrue(log.get(log.size() - 1).contains("\"bytesIn\":0"), log.get(log.size() - 1));
  }
}
