package org.vansdk.transport.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two nodes in separate JVM processes, each started from its configuration file, complete the
 * closed loop for three referrals over HTTPS on loopback while the test kills one of them with
 * SIGKILL at a seeded point (their background dispatchers deliver every 20 ms, so the kill lands
 * anywhere in an exchange) and starts it again from the same files. Every run converges: all
 * attempts completed on both sides, both outboxes empty, and both audit chains verify with exactly
 * the entries of one closed loop (7 at the referrer, 6 at the receiver) — nothing lost, nothing
 * applied twice. Seeds: {@code -Dvan.process.seeds=N} (default 10).
 */
class SeparateProcessesTest {

  private static final int REFERRALS = 3;
  private static final String[] RECEIVER_STEPS = {"received", "accept", "start", "complete"};

  @TempDir Path dir;

  static Stream<Long> seeds() {
    return Stream.iterate(1L, s -> s + 1).limit(Long.getLong("van.process.seeds", 10));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void killedAndRestarted_convergesExactlyOnce(long seed) throws Exception {
    Random random = new Random(seed);
    TwoNodeFiles files = TwoNodeFiles.write(dir, 20);
    List<String> commands = new ArrayList<>();
    for (int i = 1; i <= REFERRALS; i++) {
      commands.add("A refer " + i);
    }
    for (int i = 1; i <= REFERRALS; i++) {
      for (String step : RECEIVER_STEPS) {
        commands.add("B " + step + " " + i);
      }
      commands.add("A ack " + i);
    }
    int killAt = random.nextInt(commands.size());
    boolean killReceiver = random.nextBoolean();
    try (NodeProcess a = new NodeProcess(files.authority());
        NodeProcess b = new NodeProcess(files.centre())) {
      for (int c = 0; c < commands.size(); c++) {
        if (c == killAt) {
          (killReceiver ? b : a).killAndRestart();
        }
        String[] w = commands.get(c).split(" ", 2);
        NodeProcess node = w[0].equals("A") ? a : b;
        awaitReady(a, b, w[1]);
        String answer = node.ask(w[1]);
        if (!answer.equals("ok")) {
          fail("seed " + seed + ": " + commands.get(c) + " -> " + answer);
        }
      }
      // A lane that met the killed peer backs off (1 s, doubling), so the bound is time, not
      // rounds.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (true) {
        boolean aIdle = a.ask("idle").equals("yes"); // each answer is a dispatch round too
        boolean bIdle = b.ask("idle").equals("yes");
        if (aIdle && bIdle) {
          break;
        }
        assertTrue(System.nanoTime() < deadline, "seed " + seed + ": the network did not go quiet");
      }
      for (int i = 1; i <= REFERRALS; i++) {
        assertEquals("completed", a.ask("status " + i), "seed " + seed);
        assertEquals("completed", b.ask("status " + i), "seed " + seed);
        assertEquals("valid 7", a.ask("audit " + i), "seed " + seed + " referrer " + i);
        assertEquals("valid 6", b.ask("audit " + i), "seed " + seed + " receiver " + i);
      }
    }
  }

  /**
   * Waits until the step can be taken: the receiver has the referral (or the referrer has the
   * outcome) — what the previous step sent may still be on its way, or waiting for a restarted
   * peer.
   */
  private static void awaitReady(NodeProcess a, NodeProcess b, String step) throws IOException {
    String[] w = step.split(" ");
    if (w[0].equals("refer")) {
      return;
    }
    String expected =
        switch (w[0]) {
          case "received" -> "sent";
          case "ack" -> "completed";
          default -> null; // the receiver's own previous step is already in its store
        };
    if (expected == null) {
      return;
    }
    NodeProcess at = w[0].equals("ack") ? a : b;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90); // lanes back off after a kill
    while (!at.ask("status " + w[1]).equals(expected)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never reached " + expected + " before " + step);
      }
      (at == a ? b : a).ask("idle"); // a dispatch round on the sending side
    }
  }

  /** A {@link ScriptedNode} in its own JVM, talked to over its standard input and output. */
  private static final class NodeProcess implements AutoCloseable {
    private final Path config;
    private Process process;
    private Writer in;
    private BufferedReader out;

    NodeProcess(Path config) throws IOException {
      this.config = config;
      start();
    }

    private void start() throws IOException {
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
              ScriptedNode.class.getName(),
              config.toString());
      pb.environment().put("VAN_TLS_PASSWORD", TwoNodeFiles.PASSWORD);
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      process = pb.start();
      in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (!"ready".equals(first)) {
        throw new IOException("the node process did not start: " + first);
      }
    }

    String ask(String command) throws IOException {
      in.write(command + "\n");
      in.flush();
      String answer = out.readLine();
      if (answer == null) {
        throw new IOException("the node process ended while asked: " + command);
      }
      return answer;
    }

    /** SIGKILL (no shutdown hook, no graceful stop), then a start from the same files. */
    void killAndRestart() throws Exception {
      process.destroyForcibly(); // SIGKILL on Linux
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed process did not end");
      start();
    }

    @Override
    public void close() throws Exception {
      try {
        in.write("quit\n");
        in.flush();
      } catch (IOException e) {
        // already gone
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
