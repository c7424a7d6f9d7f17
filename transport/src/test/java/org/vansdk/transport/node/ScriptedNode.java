package org.vansdk.transport.node;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.audit.AuditVerification;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.transport.observe.TransportObserver;

/**
 * A node in its own process for {@link SeparateProcessesTest}: starts a {@link NetworkNode} from
 * the configuration file named by its argument (the TLS password in {@code VAN_TLS_PASSWORD}),
 * prints {@code ready}, then answers one command a line on standard input, one line each: {@code
 * refer i}, {@code received|accept|start|complete|ack i}, {@code status i}, {@code audit i}, {@code
 * idle}, {@code quit}. Its background dispatcher keeps delivering while the test talks to it, so a
 * kill lands at any point of an exchange.
 */
public final class ScriptedNode {

  private ScriptedNode() {}

  /** Runs the node until {@code quit} or end of input. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    NodeConfiguration config = NodeConfiguration.read(Path.of(args[0]));
    try (NetworkNode network = NetworkNode.start(config, System::getenv, TransportObserver.NONE)) {
      ReferralNode node = network.node();
      out.println("ready");
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        String[] w = line.strip().split(" ");
        if (w[0].equals("quit")) {
          break;
        }
        out.println(answer(network, node, w));
      }
    }
  }

  private static String answer(NetworkNode network, ReferralNode node, String[] w) {
    try {
      int i = w.length > 1 ? Integer.parseInt(w[1]) : 0;
      AttemptId attempt = NetworkNodeTest.attempt(i);
      return switch (w[0]) {
        case "refer" ->
            decided(
                node.refer(
                    NetworkNodeTest.draft(i, Instant.now()),
                    NetworkNodeTest.consent(i, Instant.now())));
        case "received" -> decided(node.markReceived(attempt));
        case "accept" -> decided(node.accept(attempt));
        case "start" -> decided(node.start(attempt));
        case "complete" -> decided(node.complete(attempt, LocalizedText.of("en", "fitted")));
        case "ack" -> decided(node.acknowledgeOutcome(attempt));
        case "status" -> node.status(attempt).map(s -> s.code()).orElse("none");
        case "audit" -> {
          AuditVerification v = node.verifyAudit(ReferralId.parse("KHM-CMAA-R" + i));
          yield v.valid() ? "valid " + v.entries() : "broken";
        }
        case "idle" -> {
          network.dispatcher().dispatch();
          yield node.store().outbox().isEmpty() ? "yes" : "no";
        }
        default -> "unknown command";
      };
    } catch (RuntimeException e) {
      return "error " + e.getClass().getSimpleName();
    }
  }

  private static String decided(Decision d) {
    return d.done() ? "ok" : "refused " + d.code().value();
  }
}
