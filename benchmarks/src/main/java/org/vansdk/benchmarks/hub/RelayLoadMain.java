package org.vansdk.benchmarks.hub;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.hub.Hub;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.transport.httpsig.HttpSigner;
import org.vansdk.transport.trust.KeyUse;
import org.vansdk.transport.trust.OperatorKeys;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustListJson;
import org.vansdk.transport.trust.TrustListSource;
import org.vansdk.transport.trust.TrustedKey;
import org.vansdk.transport.trust.TrustedOrganisation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ten simulated national nodes relay signed referral messages through a hub on loopback, each to
 * the next node's mailbox, while every node drains its own mailbox by long-poll and acknowledges:
 * reports messages relayed per second (all POSTs answered 202), the p50/p99 latency of a relay POST
 * and of a mailbox read that returned messages, and checks that every message was delivered once.
 * Messages are signed before the clock starts.
 *
 * <p>{@code java -cp CP org.vansdk.benchmarks.hub.RelayLoadMain [messages] [h2|postgresql]}
 * (default 20000, h2). {@code postgresql} uses {@code VAN_PG_URL} or an embedded server.
 */
public final class RelayLoadMain {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int NODES = 10;

  private RelayLoadMain() {}

  /**
   * Runs the load.
   *
   * @param args the message count and the database
   */
  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    String db = args.length > 1 ? args[1] : "h2";
    Path dir = Files.createTempDirectory("van-hub-load");
    String url =
        db.equals("postgresql")
            ? postgres()
            : "jdbc:h2:file:" + dir.resolve("hub").toAbsolutePath();
    SecureRandom random = new SecureRandom();
    SigningKey operator = SigningKey.generate(KeyId.of("operator-load"), random);
    List<OrganisationId> nodes = new ArrayList<>();
    List<SigningKey> keys = new ArrayList<>();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    TrustList list = TrustList.draft("LOAD", now);
    String[] countries = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"};
    for (int i = 0; i < NODES; i++) {
      OrganisationId id = OrganisationId.parse(countries[i] + "-NODE-HQ");
      SigningKey k = SigningKey.generate(KeyId.of(countries[i] + "-NODE-K1"), random);
      nodes.add(id);
      keys.add(k);
      list =
          list.withOrganisation(
              new TrustedOrganisation(
                  id,
                  countries[i],
                  "Node " + i,
                  Optional.empty(),
                  List.of(
                      TrustedKey.of(
                          k.keyId(),
                          k.rawPublicKey(),
                          now.minus(Duration.ofDays(1)),
                          now.plus(Duration.ofDays(1)),
                          EnumSet.allOf(KeyUse.class)))),
              now);
    }
    Path trust = dir.resolve("trust-list.json");
    Files.write(trust, TrustListJson.write(list.signedBy(operator)));
    List<List<byte[]>> outgoing = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      List<byte[]> mine = new ArrayList<>();
      for (int n = 0; n < total / NODES; n++) {
        mine.add(message(nodes.get(i), nodes.get((i + 1) % NODES), n + 1, keys.get(i)));
      }
      outgoing.add(mine);
    }
    int expected = outgoing.stream().mapToInt(List::size).sum();
    try (Hub hub =
        Hub.builder()
            .database(url, "", "")
            .poolSize(24)
            .listen("127.0.0.1", 0)
            .trustList(
                TrustListSource.file(trust),
                OperatorKeys.of(operator.keyId(), operator.rawPublicKey()),
                "LOAD")
            .log(line -> {})
            .start()) {
      HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
      ExecutorService pool = Executors.newFixedThreadPool(2 * NODES);
      long[][] postNanos = new long[NODES][];
      List<List<Long>> readNanos = new ArrayList<>();
      List<Future<Integer>> readers = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < NODES; i++) {
        int node = i;
        List<Long> reads = new ArrayList<>();
        readNanos.add(reads);
        readers.add(
            pool.submit(() -> drain(http, hub.uri(), keys.get(node), total / NODES, reads)));
      }
      List<Future<?>> senders = new ArrayList<>();
      for (int i = 0; i < NODES; i++) {
        int node = i;
        senders.add(
            pool.submit(
                () -> {
                  List<byte[]> mine = outgoing.get(node);
                  long[] times = new long[mine.size()];
                  for (int n = 0; n < mine.size(); n++) {
                    long s = System.nanoTime();
                    HttpResponse<byte[]> r =
                        http.send(
                            HttpRequest.newBuilder(hub.uri().resolve("/van/v1/messages"))
                                .header("Content-Type", "application/vnd.van.message+json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(mine.get(n)))
                                .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    times[n] = System.nanoTime() - s;
                    if (r.statusCode() != 202) {
                      throw new IllegalStateException("relay answered " + r.statusCode());
                    }
                  }
                  postNanos[node] = times;
                  return null;
                }));
      }
      for (Future<?> f : senders) {
        f.get();
      }
      long relayed = System.nanoTime() - t0;
      int delivered = 0;
      for (Future<Integer> f : readers) {
        delivered += f.get();
      }
      long drained = System.nanoTime() - t0;
      pool.shutdown();
      long[] posts = Arrays.stream(postNanos).flatMapToLong(Arrays::stream).sorted().toArray();
      long[] reads =
          readNanos.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "%s: %d messages from %d nodes relayed in %.2f s = %.0f messages/s;"
              + " all delivered and acknowledged after %.2f s (%d delivered, %d expected)%n",
          db,
          expected,
          NODES,
          relayed / 1e9,
          expected / (relayed / 1e9),
          drained / 1e9,
          delivered,
          expected);
      System.out.printf(
          "relay POST latency p50 %.2f ms, p99 %.2f ms; mailbox read (with messages) p50 %.2f ms,"
              + " p99 %.2f ms over %d reads%n",
          pct(posts, 50), pct(posts, 99), pct(reads, 50), pct(reads, 99), reads.length);
      if (delivered != expected) {
        throw new IllegalStateException("lost or duplicated messages");
      }
    }
  }

  private static double pct(long[] sorted, int p) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
  }

  /** Reads and acknowledges a node's mailbox until it has had {@code count} messages. */
  private static int drain(
      HttpClient http, URI base, SigningKey key, int count, List<Long> latencies) throws Exception {
    HttpSigner signer = HttpSigner.of(key, Clock.systemUTC(), new SecureRandom());
    int got = 0;
    long after = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (got < count) {
      long s = System.nanoTime();
      HttpResponse<byte[]> r =
          http.send(
              signer.request(
                  "GET",
                  base.resolve("/van/v1/mailbox?limit=500&wait=5&after=" + after),
                  "",
                  new byte[0]),
              HttpResponse.BodyHandlers.ofByteArray());
      JsonNode page = MAPPER.readTree(r.body());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("mailbox answered " + r.statusCode());
      }
      if (page.get("messages").isEmpty()) {
        continue;
      }
      latencies.add(System.nanoTime() - s);
      for (JsonNode m : page.get("messages")) {
        if (!seen.add(m.get("messageId").asString())) {
          throw new IllegalStateException("a message was delivered twice");
        }
        got++;
      }
      after = page.get("next").asLong();
      byte[] ack = ("{\"cursor\":" + after + "}").getBytes(StandardCharsets.UTF_8);
      HttpResponse<byte[]> a =
          http.send(
              signer.request("POST", base.resolve("/van/v1/mailbox:ack"), "application/json", ack),
              HttpResponse.BodyHandlers.ofByteArray());
      if (a.statusCode() != 200) {
        throw new IllegalStateException("acknowledgement answered " + a.statusCode());
      }
    }
    return got;
  }

  private static byte[] message(OrganisationId from, OrganisationId to, long seq, SigningKey key) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("serviceType", "physical_rehabilitation");
    Envelope e =
        Envelope.builder()
            .messageId(UUID.randomUUID().toString())
            .transmissionId(UUID.randomUUID().toString())
            .type(MessageType.REFERRAL_REQUEST)
            .correlationId(ReferralId.parse(from.value().substring(0, 3) + "-LOAD-R" + seq))
            .attemptId(AttemptId.parse(from.value().substring(0, 3) + "-LOAD-A" + seq))
            .sender(new Party(from, "load", CountryCode.parse(from.value().substring(0, 3))))
            .receiver(new Party(to, "load", CountryCode.parse(to.value().substring(0, 3))))
            .createdAt(Instant.now())
            .senderSeq(seq)
            .baseVersion(0)
            .build();
    return MessageCodec.toBytes(Message.of(e, payload).signedWith(key));
  }

  private static String postgres() throws Exception {
    String external = System.getenv("VAN_PG_URL");
    if (external != null && !external.isBlank()) {
      return external;
    }
    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    pg.close();
                  } catch (java.io.IOException e) {
                    // exiting
                  }
                }));
    return pg.getJdbcUrl("postgres", "postgres");
  }
}
