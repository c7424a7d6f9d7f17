package org.vansdk.transport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.transport.TwoNodes.KHM;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.client.PeerEndpoints;

/** The dispatcher's builder refuses settings that make no sense, naming the value. */
class DispatcherBuilderTest {

  private final Dispatcher.Builder builder =
      Dispatcher.builder(
          new TwoNodes(5).node(KHM, new InMemoryReferralStore(), Clock.systemUTC(), 0),
          PeerEndpoints.of(Map.of()),
          HttpClient.newHttpClient());

  @Test
  void nonsense_refusedWithTheValue() {
    assertMessage(assertThrows(IllegalArgumentException.class, () -> builder.concurrency(0)), "0");
    assertMessage(assertThrows(IllegalArgumentException.class, () -> builder.batch(0, 1)), "0");
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> builder.coalesce(Duration.ofMillis(-1))),
        "PT-0.001S");
  }

  @Test
  void zeroCoalesce_allowed_dispatcherBuilds() {
    builder.coalesce(Duration.ZERO).build().close();
  }

  private static void assertMessage(IllegalArgumentException e, String value) {
    assertTrue(e.getMessage().contains(value), e.getMessage());
  }
}
