package org.vansdk.transport.httpsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vansdk.transport.TestCertificates;
import org.vansdk.transport.http.EndpointResponse;
import org.vansdk.transport.http.HttpEndpoint;
import org.vansdk.transport.jdk.JdkHttpServerBinding;
import org.vansdk.transport.trust.TrustFixtures;

/**
 * A submission signed by the JDK {@code HttpClient}'s signer reaches a handler over HTTPS on
 * loopback, which verifies it through the trust list; a replay of the same bytes and a request with
 * its body changed in flight are refused with problem documents.
 */
class SignedRequestExchangeTest {

  private final TestCertificates certs = new TestCertificates();
  private final Clock clock = Clock.fixed(TrustFixtures.T0, ZoneOffset.UTC);
  private final HttpSignatureVerifier verifier =
      HttpSignatureVerifier.of(HttpSignatureVerifierTest.trust().forRequests(), clock);

  /** Answers a valid signed request with the signer's organisation id. */
  private final HttpEndpoint handler =
      request -> {
        byte[] body;
        try (InputStream in = request.body()) {
          body = in.readNBytes(64 * 1024);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        HttpSignatureResult result = verifier.verify(request, "https", body);
        if (!result.isValid()) {
          return result.refusal();
        }
        return new EndpointResponse(
            200,
            Map.of("Content-Type", "text/plain"),
            result.organisation().orElseThrow().value().getBytes(StandardCharsets.UTF_8));
      };

  private final JdkHttpServerBinding server =
      JdkHttpServerBinding.start(
          handler,
          new InetSocketAddress("127.0.0.1", 0),
          Optional.of(certs.context("hub")),
          false,
          2);
  private final HttpClient client = HttpClient.newBuilder().sslContext(certs.clientOnly()).build();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(HttpRequest r) throws Exception {
    return client.send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void signedSubmission_accepted_replayAndAlteredBody_refused() throws Exception {
    URI target = URI.create("https://127.0.0.1:" + server.port() + "/van/v1/submissions");
    byte[] body = "{\"submissionId\":\"KHM-CMAA-S1\"}".getBytes(StandardCharsets.UTF_8);
    HttpSigner signer =
        HttpSigner.of(
            HttpSignatureVerifierTest.REQUESTS, clock, HttpSignatureVerifierTest.seeded(3));
    HttpRequest signed = signer.request("POST", target, "application/json", body);

    HttpResponse<String> ok = send(signed);
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals("KHM-CMAA-HQ", ok.body());

    HttpResponse<String> replay = send(signed);
    assertEquals(401, replay.statusCode());
    assertTrue(replay.body().contains(HttpSignatureErrors.REPLAYED.value()), replay.body());

    HttpRequest.Builder altered =
        HttpRequest.newBuilder(target)
            .POST(HttpRequest.BodyPublishers.ofString("{\"submissionId\":\"KHM-CMAA-S2\"}"));
    signer.headers("POST", target, "application/json", body).forEach(altered::header);
    HttpResponse<String> changed = send(altered.build());
    assertEquals(400, changed.statusCode());
    assertTrue(
        changed.body().contains(HttpSignatureErrors.DIGEST_MISMATCH.value()), changed.body());

    HttpResponse<String> unsigned =
        send(
            HttpRequest.newBuilder(target)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertEquals(401, unsigned.statusCode());
    assertTrue(unsigned.body().contains(HttpSignatureErrors.MISSING.value()), unsigned.body());
  }
}
