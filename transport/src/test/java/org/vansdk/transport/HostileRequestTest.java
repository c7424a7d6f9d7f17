package org.vansdk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.transport.TwoNodes.T0;
import static org.vansdk.transport.TwoNodes.THA;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.jdk.JdkHttpServerBinding;
import org.vansdk.transport.jetty.JettyBinding;

/** Requests a stranger or an attacker could send, against both server adapters. */
class HostileRequestTest {

  private static final String PERSONAL = "Sokha Chanthy +85512345678";
  private static final TestCertificates CERTS = new TestCertificates();
  private static final SSLContext SERVER_TLS = CERTS.context("THA-SIRINDHORN-REHAB");

  private final TwoNodes world = new TwoNodes(3);
  private final ReferralNode tha =
      world.node(THA, new InMemoryReferralStore(), Clock.fixed(T0, ZoneOffset.UTC), 0);
  private final MessageEndpoint endpoint =
      MessageEndpoint.builder(tha).keyId(world.thaKey.keyId()).build();
  private final HttpClient http = HttpClient.newBuilder().sslContext(CERTS.clientOnly()).build();
  private JdkHttpServerBinding jdk;
  private Server jetty;

  /** The two adapters under test. */
  enum Adapter {
    JDK,
    JETTY
  }

  static Stream<Adapter> adapters() {
    return Stream.of(Adapter.values());
  }

  private URI start(Adapter adapter) {
    int port;
    if (adapter == Adapter.JDK) {
      jdk =
          JdkHttpServerBinding.start(
              endpoint, new InetSocketAddress("127.0.0.1", 0), Optional.of(SERVER_TLS), false, 4);
      port = jdk.port();
    } else {
      jetty =
          JettyBinding.start(
              endpoint, "127.0.0.1", 0, Optional.of(SERVER_TLS), false, Duration.ofSeconds(2));
      port = JettyBinding.port(jetty);
    }
    return URI.create("https://127.0.0.1:" + port);
  }

  @AfterEach
  void stop() throws Exception {
    if (jdk != null) {
      jdk.close();
    }
    if (jetty != null) {
      jetty.stop();
    }
  }

  private HttpResponse<String> post(URI base, String path, String type, byte[] body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The status of a GET of the configuration document: the server still serves. */
  private int configurationStatus(URI base) throws Exception {
    return http.send(
            HttpRequest.newBuilder(base.resolve(MessageEndpoint.CONFIGURATION_PATH)).build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static void assertProblem(HttpResponse<String> r, int status, String code) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
    assertTrue(r.body().contains("\"code\":\"" + code + "\""), r.body());
    assertFalse(r.body().contains("Sokha"), "no input text in a problem: " + r.body());
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void garbage_400WithoutEchoingIt(Adapter adapter) throws Exception {
    URI base = start(adapter);
    byte[] body = ("{\"name\":\"" + PERSONAL + "\"").getBytes(StandardCharsets.UTF_8);
    assertProblem(
        post(base, MessageEndpoint.MESSAGES_PATH, MessageEndpoint.MESSAGE_TYPE, body),
        400,
        "VAN-N-0001");
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void oversizeBody_413(Adapter adapter) throws Exception {
    URI base = start(adapter);
    byte[] body = new byte[(1 << 20) + 10];
    java.util.Arrays.fill(body, (byte) ' ');
    assertProblem(
        post(base, MessageEndpoint.MESSAGES_PATH, MessageEndpoint.MESSAGE_TYPE, body),
        413,
        "VAN-N-0002");
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void wrongMediaType_415(Adapter adapter) throws Exception {
    URI base = start(adapter);
    assertProblem(
        post(base, MessageEndpoint.MESSAGES_PATH, "text/plain", PERSONAL.getBytes()),
        415,
        "VAN-N-0003");
    assertProblem(
        post(base, MessageEndpoint.BATCH_PATH, MessageEndpoint.MESSAGE_TYPE, PERSONAL.getBytes()),
        415,
        "VAN-N-0003");
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void wrongMethodOrPath_405Or404(Adapter adapter) throws Exception {
    URI base = start(adapter);
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(base.resolve(MessageEndpoint.MESSAGES_PATH)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(get, 405, "VAN-N-0005");
    assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    assertProblem(
        post(
            base,
            "/van/v1/" + PERSONAL.replace(' ', '_'),
            MessageEndpoint.MESSAGE_TYPE,
            new byte[1]),
        404,
        "VAN-N-0004");
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void configuration_namesTheOrganisationRoutesAndKeys(Adapter adapter) throws Exception {
    URI base = start(adapter);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(MessageEndpoint.CONFIGURATION_PATH)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"organisation\":\"THA-SIRINDHORN-REHAB\""), r.body());
    assertTrue(r.body().contains("\"THA-SIRINDHORN-REHAB-K1\""), r.body());
    assertTrue(r.body().contains("\"schemaVersions\":[\"1.0\"]"), r.body());
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void batchWithGarbageLines_eachLineAnswered(Adapter adapter) throws Exception {
    URI base = start(adapter);
    HttpResponse<String> r =
        post(
            base,
            MessageEndpoint.BATCH_PATH,
            MessageEndpoint.BATCH_TYPE,
            ("not json\r\n{}\n" + PERSONAL + "\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    String[] lines = r.body().split("\n");
    assertEquals(3, lines.length, r.body());
    for (String line : lines) {
      assertTrue(line.contains("VAN-N-0001"), line);
    }
    assertFalse(r.body().contains("Sokha"));
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void clientWithoutTrust_handshakeFailsAndServerKeepsServing(Adapter adapter) throws Exception {
    URI base = start(adapter);
    HttpClient stranger =
        HttpClient.newBuilder().sslContext(new TestCertificates().clientOnly()).build();
    assertThrows(
        SSLHandshakeException.class,
        () ->
            stranger.send(
                HttpRequest.newBuilder(base.resolve(MessageEndpoint.CONFIGURATION_PATH)).build(),
                HttpResponse.BodyHandlers.ofString()));
    assertEquals(200, configurationStatus(base));
  }

  @Test
  void plainTextOnTheTlsPort_refusedAndServerKeepsServing() throws Exception {
    URI base = start(Adapter.JETTY);
    try (Socket raw = new Socket("127.0.0.1", base.getPort())) {
      raw.setSoTimeout(5_000);
      raw.getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      raw.getOutputStream().flush();
      InputStream in = raw.getInputStream();
      byte[] answer = in.readNBytes(64);
      assertFalse(new String(answer, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"));
    } catch (IOException e) {
      // a reset is as good a refusal as an alert
    }
    assertEquals(200, configurationStatus(base));
  }

  @Test
  void slowLoris_cutOffAfterTheRequestDeadlineWhileOthersAreServed() throws Exception {
    URI base = start(Adapter.JETTY);
    try (Socket slow =
        CERTS.clientOnly().getSocketFactory().createSocket("127.0.0.1", base.getPort())) {
      slow.setSoTimeout(20_000);
      OutputStream out = slow.getOutputStream();
      out.write(
          ("POST /van/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                  + MessageEndpoint.MESSAGE_TYPE
                  + "\r\nContent-Length: 1000\r\n\r\n{")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // While the slow client holds its request open, others are answered.
      for (int i = 0; i < 3; i++) {
        assertEquals(
            200,
            http.send(
                    HttpRequest.newBuilder(base.resolve(MessageEndpoint.CONFIGURATION_PATH))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode());
      }
      // The server gives up on it at the deadline (2 s): the read ends instead of waiting 20 s.
      long started = System.nanoTime();
      try {
        int b;
        while ((b = slow.getInputStream().read()) >= 0) {
          // drain whatever the server says before closing
          assertTrue(b >= 0);
        }
      } catch (IOException e) {
        // reset: also a cut-off
      }
      assertTrue(
          System.nanoTime() - started < Duration.ofSeconds(15).toNanos(),
          "the slow request was cut off by the server, not by the client's time-out");
    }
  }
}
