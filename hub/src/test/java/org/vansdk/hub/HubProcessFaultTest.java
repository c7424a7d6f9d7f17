package org.vansdk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub in a process of its own, killed with SIGKILL while two senders relay messages (resending
 * some) and the recipient reads and acknowledges its mailbox, then restarted on the same H2 file:
 * every message the hub answered 202 for is still there (a resend is recognised as a duplicate),
 * the mailbox holds each at most once, and nothing whose acknowledgement the hub confirmed is
 * delivered again. Seeds: {@code -Dvan.hub.fault.seeds=N} (default 3); each seed picks when to kill
 * and what to resend.
 */
class HubProcessFaultTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String TYPE = "application/vnd.van.message+json";

  @TempDir Path dir;

  static Stream<Long> seeds() {
    return Stream.iterate(1L, s -> s + 1).limit(Long.getLong("van.hub.fault.seeds", 3));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void killedDuringLoad_losesNothingAcknowledged_andAppliesNothingTwice(long seed)
      throws Exception {
    String url = HubFixtures.h2(dir);
    HubFixtures.writeTrustList(dir);
    Random random = new Random(seed);
    int killAfter = 40 + random.nextInt(120);
    Map<String, byte[]> accepted = new ConcurrentHashMap<>(); // 202 answers
    Set<String> confirmedDelivered = ConcurrentHashMap.newKeySet(); // acks answered 200
    Set<String> read = ConcurrentHashMap.newKeySet(); // seen in a page (the ack may be lost)
    AtomicInteger sent = new AtomicInteger();
    CountDownLatch enough = new CountDownLatch(1);

    HubProcessHandle hub = new HubProcessHandle(dir, url);
    HubFixtures.Client client = new HubFixtures.Client(hub.uri);
    ExecutorService load = Executors.newFixedThreadPool(3);
    List<Future<?>> tasks = new ArrayList<>();
    for (OrganisationId sender : List.of(HubFixtures.KHM, HubFixtures.THA)) {
      long senderSeed = random.nextLong();
      tasks.add(
          load.submit(
              () -> {
                Random r = new Random(senderSeed);
                List<byte[]> mine = new ArrayList<>();
                try {
                  for (int seq = 1; ; seq++) {
                    byte[] m =
                        !mine.isEmpty() && r.nextInt(5) == 0
                            ? mine.get(r.nextInt(mine.size()))
                            : HubFixtures.message(sender, HubFixtures.LAO, seq, "Name", "012");
                    mine.add(m);
                    HttpResponse<byte[]> a = client.send("POST", "/van/v1/messages", TYPE, m);
                    if (a.statusCode() == 202) {
                      accepted.put(id(m), m);
                    }
                    if (sent.incrementAndGet() == killAfter) {
                      enough.countDown();
                    }
                  }
                } catch (UncheckedIOException e) {
                  return; // the hub is gone
                }
              }));
    }
    tasks.add(
        load.submit(
            () -> {
              try {
                while (true) {
                  JsonNode page =
                      MAPPER.readTree(
                          client
                              .as(
                                  HubFixtures.LAO,
                                  "GET",
                                  "/van/v1/mailbox?limit=50&wait=2",
                                  "",
                                  new byte[0])
                              .body());
                  if (page.get("messages").isEmpty()) {
                    continue;
                  }
                  List<String> ids = new ArrayList<>();
                  page.get("messages").forEach(n -> ids.add(n.get("messageId").asString()));
                  read.addAll(ids);
                  long next = page.get("next").asLong();
                  HttpResponse<byte[]> ack = ack(client, next);
                  if (ack.statusCode() == 200) {
                    confirmedDelivered.addAll(ids);
                  }
                }
              } catch (UncheckedIOException e) {
                return; // the hub is gone
              }
            }));
    assertTrue(enough.await(120, TimeUnit.SECONDS), "seed " + seed + ": the load did not start");
    hub.kill();
    for (Future<?> t : tasks) {
      t.get(60, TimeUnit.SECONDS);
    }
    load.shutdown();

    hub = new HubProcessHandle(dir, url);
    try {
      HubFixtures.Client after = new HubFixtures.Client(hub.uri);
      // every accepted message is still known: a resend is a duplicate
      for (Map.Entry<String, byte[]> e : accepted.entrySet()) {
        HttpResponse<byte[]> again = after.send("POST", "/van/v1/messages", TYPE, e.getValue());
        assertEquals(202, again.statusCode(), "seed " + seed);
        assertTrue(
            MAPPER.readTree(again.body()).get("duplicate").asBoolean(),
            "seed " + seed + ": an accepted message was lost in the kill");
      }
      // the mailbox holds each message once, and nothing confirmed delivered comes again
      Set<String> drained = new HashSet<>();
      for (JsonNode page = read(after); !page.get("messages").isEmpty(); page = read(after)) {
        for (JsonNode n : page.get("messages")) {
          String id = n.get("messageId").asString();
          assertTrue(drained.add(id), "seed " + seed + ": message stored twice");
          assertTrue(
              !confirmedDelivered.contains(id),
              "seed " + seed + ": a message acknowledged before the kill came again");
          byte[] bytes = Base64.getDecoder().decode(n.get("message").asString());
          if (accepted.containsKey(id)) {
            assertTrue(java.util.Arrays.equals(accepted.get(id), bytes), "seed " + seed);
          }
        }
        assertEquals(200, ack(after, page.get("next").asLong()).statusCode());
      }
      // a message read before the kill may have had its acknowledgement committed unanswered
      Set<String> all = new HashSet<>(drained);
      all.addAll(read);
      assertTrue(
          all.containsAll(accepted.keySet()),
          "seed " + seed + ": accepted messages are neither delivered nor waiting");
    } finally {
      hub.close();
    }
  }

  private static JsonNode read(HubFixtures.Client client) {
    return MAPPER.readTree(
        client.as(HubFixtures.LAO, "GET", "/van/v1/mailbox?limit=50", "", new byte[0]).body());
  }

  private static HttpResponse<byte[]> ack(HubFixtures.Client client, long cursor) {
    return client.as(
        HubFixtures.LAO,
        "POST",
        "/van/v1/mailbox:ack",
        "application/json",
        ("{\"cursor\":" + cursor + "}").getBytes(StandardCharsets.UTF_8));
  }

  private static String id(byte[] message) {
    return Message.fromJson(MessageCodec.parse(message)).envelope().messageId();
  }

  /** A {@link HubProcess} started from the test's class path. */
  static final class HubProcessHandle implements AutoCloseable {
    final Process process;
    final URI uri;

    HubProcessHandle(Path dir, String url) throws IOException {
      String classPath =
          Stream.of(System.getProperty("jdk.module.path"), System.getProperty("java.class.path"))
              .filter(p -> p != null && !p.isEmpty())
              .reduce((x, y) -> x + File.pathSeparator + y)
              .orElseThrow();
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-Xmx256m",
              "-cp",
              classPath,
              HubProcess.class.getName(),
              dir.toString(),
              url);
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      process = pb.start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (first == null || !first.startsWith("ready ")) {
        process.destroyForcibly();
        throw new IOException("the hub process did not start: " + first);
      }
      uri = URI.create(first.substring("ready ".length()));
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed hub did not end");
    }

    @Override
    public void close() throws Exception {
      try {
        process.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
      } catch (IOException e) {
        // already gone
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
