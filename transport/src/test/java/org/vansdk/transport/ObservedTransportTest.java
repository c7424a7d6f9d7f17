package org.vansdk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.transport.TwoNodes.KHM;
import static org.vansdk.transport.TwoNodes.T0;
import static org.vansdk.transport.TwoNodes.THA;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.System.Logger.Level;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.client.PeerEndpoints;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.jetty.JettyBinding;
import org.vansdk.transport.observe.JsonLogObserver;
import org.vansdk.transport.observe.MicrometerTransportObserver;
import org.vansdk.transport.observe.TransportObserver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees: the meters and JSON log lines of a closed loop, a parked message and a
 * dead peer, and that no line carries the survivor's data the messages carry.
 */
class ObservedTransportTest {

  private final TwoNodes world = new TwoNodes(23);
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final ReferralNode khm = world.node(KHM, new InMemoryReferralStore(), clock, 0);
  private final ReferralNode tha = world.node(THA, new InMemoryReferralStore(), clock, 0);
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<Level> levels = new CopyOnWriteArrayList<>();
  private final TransportObserver observer =
      TransportObserver.all(
          new MicrometerTransportObserver(meters),
          JsonLogObserver.to(
              (level, line) -> {
                levels.add(level);
                lines.add(line);
              }),
          failing());
  private final List<Server> servers = new CopyOnWriteArrayList<>();
  private final List<Dispatcher> dispatchers = new CopyOnWriteArrayList<>();

  /** An observer that always throws: the transport must not notice. */
  private static TransportObserver failing() {
    return new TransportObserver() {
      @Override
      public void served(
          String route, String method, int status, org.vansdk.core.ErrorCode code, long nanos) {
        throw new IllegalStateException("observer broke");
      }

      @Override
      public void delivered(
          org.vansdk.core.id.OrganisationId peer,
          org.vansdk.referral.message.MessageType type,
          String messageId,
          long nanos) {
        throw new IllegalStateException("observer broke");
      }
    };
  }

  @AfterEach
  void stop() throws Exception {
    for (Dispatcher d : dispatchers) {
      d.close();
    }
    for (Server s : servers) {
      JettyBinding.stop(s, Duration.ofSeconds(5));
    }
  }

  private URI serve(ReferralNode node, int maxMessageBytes) {
    Server server =
        JettyBinding.start(
            MessageEndpoint.builder(node)
                .maxMessageBytes(maxMessageBytes)
                .observer(observer)
                .build(),
            "127.0.0.1",
            0,
            Optional.empty(),
            false,
            Duration.ofSeconds(10));
    servers.add(server);
    return URI.create("http://127.0.0.1:" + JettyBinding.port(server));
  }

  private Dispatcher dispatcher(ReferralNode node, Map<?, URI> endpoints) {
    @SuppressWarnings("unchecked")
    PeerEndpoints peers = PeerEndpoints.of((Map<org.vansdk.core.id.OrganisationId, URI>) endpoints);
    Dispatcher d =
        Dispatcher.builder(node, peers, HttpClient.newHttpClient())
            .clock(clock)
            .observer(observer)
            .build();
    dispatchers.add(d);
    new MicrometerTransportObserver(meters).watch(d);
    return d;
  }

  private static void done(Decision d) {
    assertTrue(d.done(), d.message());
  }

  @Test
  void closedLoop_everyRequestDeliveryAndDecisionIsCounted_andLogged() {
    URI khmUri = serve(khm, 1 << 20);
    URI thaUri = serve(tha, 1 << 20);
    Map<?, URI> peers = Map.of(KHM.organisation(), khmUri, THA.organisation(), thaUri);
    Dispatcher khmOut = dispatcher(khm, peers);
    Dispatcher thaOut = dispatcher(tha, peers);

    done(khm.refer(TwoNodes.draft(1, T0), TwoNodes.consent(1, T0)));
    assertEquals(1, khmOut.dispatch().delivered());
    done(tha.markReceived(TwoNodes.attempt(1)));
    done(tha.accept(TwoNodes.attempt(1)));
    done(tha.complete(TwoNodes.attempt(1), LocalizedText.of("en", "fitted")));
    assertEquals(3, thaOut.dispatch().delivered());
    assertEquals(0, khmOut.backlog() + thaOut.backlog());

    assertEquals(
        4,
        meters.get(MicrometerTransportObserver.DELIVERIES).timers().stream()
            .mapToLong(t -> t.count())
            .sum());
    // The request alone on the single route; the three replies together on the batch route.
    for (String route : new String[] {MessageEndpoint.MESSAGES_PATH, MessageEndpoint.BATCH_PATH}) {
      assertEquals(
          1,
          meters
              .get(MicrometerTransportObserver.REQUESTS)
              .tag("route", route)
              .tag("status", "200")
              .timer()
              .count(),
          route);
    }
    assertEquals(
        4.0,
        meters.get(MicrometerTransportObserver.DECISIONS).tag("status", "ok").counters().stream()
            .mapToDouble(c -> c.count())
            .sum());
    assertEquals(4, count("delivered"), lines.toString());
    assertEquals(2, count("served"), lines.toString());
    assertNothingPersonal();
  }

  @Test
  void refusedMessage_isParkedCountedAndWarned() {
    URI thaUri = serve(tha, 200); // every referral request is larger: 413
    Dispatcher khmOut = dispatcher(khm, Map.of(THA.organisation(), thaUri));
    done(khm.refer(TwoNodes.draft(2, T0), TwoNodes.consent(2, T0)));

    assertEquals(1, khmOut.dispatch().parked().size());

    assertEquals(1.0, meters.get(MicrometerTransportObserver.PARKED).counter().count());
    assertEquals(
        0.0,
        meters
            .get(MicrometerTransportObserver.BACKLOG)
            .tag("organisation", KHM.organisation().value())
            .gauge()
            .value());
    JsonNode parked = only("parked");
    assertEquals(413, parked.get("httpStatus").asInt());
    assertEquals("referral_request", parked.get("type").asString());
    assertTrue(parked.get("code").asString().startsWith("VAN-N-"), parked.toString());
    assertTrue(levels.get(lines.indexOf(parked.toString())) == Level.WARNING);
    JsonNode served = only("served");
    assertEquals(413, served.get("status").asInt());
    assertEquals(parked.get("code"), served.get("code"));
    assertNothingPersonal();
  }

  @Test
  void deadPeer_isRetriedLater_andTheBacklogShowsIt() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Dispatcher khmOut =
        dispatcher(khm, Map.of(THA.organisation(), URI.create("http://127.0.0.1:" + closedPort)));
    done(khm.refer(TwoNodes.draft(3, T0), TwoNodes.consent(3, T0)));

    assertEquals(0, khmOut.dispatch().delivered());

    assertEquals(1, khmOut.backlog());
    assertEquals(
        1.0,
        meters
            .get(MicrometerTransportObserver.BACKLOG)
            .tag("organisation", KHM.organisation().value())
            .gauge()
            .value());
    assertEquals(
        1.0, meters.get(MicrometerTransportObserver.RETRIES).tag("status", "0").counter().count());
    JsonNode retrying = only("retrying");
    assertEquals(THA.organisation().value(), retrying.get("peer").asString());
    assertTrue(retrying.get("waitMs").asLong() > 0, retrying.toString());
    assertNothingPersonal();
  }

  @Test
  void unknownPath_isLoggedAsOther_neverAsTheRequestedText() throws Exception {
    URI thaUri = serve(tha, 1 << 20);
    var response =
        HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(thaUri.resolve("/Survivor-Sok-Dara/012345678"))
                    .GET()
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(404, response.statusCode());
    JsonNode served = only("served");
    assertEquals("other", served.get("route").asString());
    assertFalse(String.join("\n", lines).contains("Sok-Dara"));
  }

  private long count(String event) {
    return lines.stream().filter(l -> l.contains("\"event\":\"" + event + "\"")).count();
  }

  private JsonNode only(String event) {
    List<String> matching =
        lines.stream().filter(l -> l.contains("\"event\":\"" + event + "\"")).toList();
    assertEquals(1, matching.size(), lines.toString());
    return JsonMapper.builder().build().readTree(matching.get(0));
  }

  /** The drafts carry "Survivor n", a person id and an amputation: none of it may be logged. */
  private void assertNothingPersonal() {
    String all = String.join("\n", lines);
    for (String planted : List.of("Survivor", "KHM-CMAA-P", "below_knee", "KHM-CMAA-C")) {
      assertFalse(all.contains(planted), planted + " in " + all);
    }
    assertFalse(lines.isEmpty());
  }
}
