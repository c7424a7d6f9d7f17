package org.vansdk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closing the hub refuses new requests, answers waiting mailbox reads at once, lets the requests in
 * flight finish with their answers, and only then closes the features.
 */
class GracefulShutdownTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @TempDir Path dir;

  /** A route whose handler holds until released, and records when the feature is closed. */
  static final class Slow implements HubFeature {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean closedWhileInFlight;
    volatile boolean inFlight;

    @Override
    public List<Route> routes() {
      return List.of(
          new Route(
              "POST",
              "/van/v1/test/slow",
              Set.of(Role.READER),
              "Holds until released",
              r -> {
                inFlight = true;
                entered.countDown();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                inFlight = false;
                return new EndpointResponse(200, Map.of(), "done".getBytes());
              }));
    }

    @Override
    public void close() {
      closedWhileInFlight = inFlight;
    }
  }

  @Test
  void close_finishesInFlightWork_andWakesLongPolls() throws Exception {
    Slow slow = new Slow();
    Hub hub =
        HubFixtures.hub(dir, HubFixtures.h2(dir), new ConcurrentLinkedQueue<>())
            .feature(c -> slow)
            .start();
    HubFixtures.Client client = new HubFixtures.Client(hub.uri());
    CompletableFuture<HttpResponse<byte[]>> poll =
        CompletableFuture.supplyAsync(
            () ->
                client.as(
                    HubFixtures.LAO, "GET", "/van/v1/mailbox?after=0&wait=25", "", new byte[0]));
    CompletableFuture<HttpResponse<byte[]>> work =
        CompletableFuture.supplyAsync(
            () -> client.send("POST", "/van/v1/test/slow", "", new byte[0]));
    assertTrue(slow.entered.await(30, TimeUnit.SECONDS));
    // the long-poll waits in the hub (its gauge says so) before the hub is closed
    while (hub.meters().get("van.hub.mailbox.readers").gauge().value() < 1) {
      assertTrue(!poll.isDone(), "the long-poll answered before any message or close");
      Thread.onSpinWait();
    }
    CompletableFuture<Void> closing = CompletableFuture.runAsync(hub::close);
    HttpResponse<byte[]> polled = poll.get(20, TimeUnit.SECONDS);
    assertEquals(200, polled.statusCode());
    assertEquals(0, MAPPER.readTree(polled.body()).get("messages").size());
    // new work is refused while the slow request is still in flight
    boolean refused = false;
    for (int i = 0; i < 1_000 && !refused; i++) {
      try {
        refused = client.send("GET", "/health", "", new byte[0]).statusCode() == 503;
      } catch (UncheckedIOException e) {
        refused = true; // the connector is already closed
      }
    }
    assertTrue(refused, "the stopping hub still took new requests");
    assertTrue(!closing.isDone(), "close returned while a request was in flight");
    slow.release.countDown();
    HttpResponse<byte[]> done = work.get(20, TimeUnit.SECONDS);
    assertEquals(200, done.statusCode());
    assertEquals("done", HubFixtures.text(done));
    closing.get(20, TimeUnit.SECONDS);
    assertTrue(!slow.closedWhileInFlight, "a feature was closed while its request was in flight");
  }
}
