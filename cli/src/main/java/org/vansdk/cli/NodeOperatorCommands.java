package org.vansdk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.OutboxAction;
import org.vansdk.referral.node.StuckAttempt;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.transport.node.NodeConfiguration;
import org.vansdk.transport.node.NodeOperator;
import org.vansdk.transport.observe.JsonLogObserver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code van node outbox} and {@code van node stuck}: an operator's look at a stopped node's store
 * and actions on its outbox. Output holds ids, codes, counts and instants only, never personal
 * data.
 */
final class NodeOperatorCommands {

  private static final Pattern SPAN = Pattern.compile("([0-9]{1,6})([mhd])");

  private NodeOperatorCommands() {}

  /** {@code 30m}, {@code 24h}, {@code 7d}. */
  static Duration span(CommandSpec spec, String option, String text) {
    Matcher m = SPAN.matcher(text);
    if (!m.matches()) {
      throw new ParameterException(
          spec.commandLine(), option + " must be a number followed by m, h or d (e.g. 24h)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  static NodeOperator open(CommandSpec spec, Path config) {
    PrintWriter err = spec.commandLine().getErr();
    return NodeOperator.open(
        NodeConfiguration.read(config),
        JsonLogObserver.to(
            (level, line) -> {
              err.println(line);
              err.flush();
            }));
  }

  static void printEntries(PrintWriter out, List<OutboxEntry> entries) {
    out.println("messageId\ttype\tpeer\tattempt\tcreatedAt\ttransmissions\tstate");
    for (OutboxEntry e : entries) {
      var m = e.message().envelope();
      out.printf(
          "%s\t%s\t%s\t%s\t%s\t%d\t%s%n",
          m.messageId(),
          m.type().code(),
          m.receiver().organisation().value(),
          m.attemptId().value(),
          m.createdAt(),
          e.attempts(),
          e.isParked() ? "parked" : "due " + e.nextDue());
    }
  }

  /** {@code van node outbox}. */
  @Command(
      name = "outbox",
      mixinStandardHelpOptions = true,
      description = {
        "List a stopped node's unacknowledged messages, or resend, park or cancel one. Each",
        "action is audited on the attempt's referral and never moves the attempt."
      },
      subcommands = {
        Outbox.ListEntries.class,
        Outbox.Resend.class,
        Outbox.Park.class,
        Outbox.Cancel.class
      },
      footer = {
        "",
        "Examples:",
        "  van node outbox list --config centre.json",
        "  van node outbox park --config centre.json --message 01J…",
        "  van node outbox resend --config centre.json --message 01J…",
        "  van node outbox cancel --config centre.json --message 01J… --reason peer-left"
      })
  static final class Outbox {

    /** {@code van node outbox list}. */
    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List unacknowledged messages, oldest first (tab-separated, with a header).")
    static final class ListEntries implements Callable<Integer> {
      @Option(names = "--config", required = true, paramLabel = "FILE", description = "The node.")
      Path config;

      @Option(
          names = "--older-than",
          paramLabel = "SPAN",
          description = "Only parked ones and those created longer ago than this (e.g. 1h).")
      String olderThan;

      @Spec CommandSpec spec;

      @Override
      public Integer call() {
        try (NodeOperator operator = open(spec, config)) {
          List<OutboxEntry> entries =
              olderThan == null
                  ? operator.unacknowledged()
                  : operator.stuckOutbox(span(spec, "--older-than", olderThan));
          PrintWriter out = spec.commandLine().getOut();
          printEntries(out, entries);
          out.flush();
        }
        return Van.OK;
      }
    }

    /** What the three actions share. */
    abstract static class Act implements Callable<Integer> {
      @Option(names = "--config", required = true, paramLabel = "FILE", description = "The node.")
      Path config;

      @Option(
          names = "--message",
          required = true,
          paramLabel = "ID",
          description = "The message id (from `van node outbox list`).")
      String messageId;

      @Option(
          names = "--reason",
          defaultValue = "operator",
          paramLabel = "CODE",
          description = "A code saying why, for the audit log (default operator; never free text).")
      String reason;

      @Spec CommandSpec spec;

      abstract OutboxAction action();

      @Override
      public Integer call() {
        try (NodeOperator operator = open(spec, config)) {
          Decision d = operator.act(action(), messageId, reason);
          if (!d.done()) {
            spec.commandLine().getErr().printf("%s: %s%n", d.code().value(), d.message());
            return Van.INPUT_PROBLEMS;
          }
          spec.commandLine().getOut().printf("%s%n", d.message());
        }
        return Van.OK;
      }
    }

    /** {@code van node outbox resend}. */
    @Command(
        name = "resend",
        mixinStandardHelpOptions = true,
        description = "Make a message due at once, parked or not (sent on the node's next start).")
    static final class Resend extends Act {
      @Override
      OutboxAction action() {
        return OutboxAction.RESEND;
      }
    }

    /** {@code van node outbox park}. */
    @Command(
        name = "park",
        mixinStandardHelpOptions = true,
        description = "Keep a message but never send it until it is resent.")
    static final class Park extends Act {
      @Override
      OutboxAction action() {
        return OutboxAction.PARK;
      }
    }

    /** {@code van node outbox cancel}. */
    @Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = {
          "Remove a message for good; the attempt keeps its status. The peer holds this node's",
          "later messages about the attempt behind it: cancel only what the peer will never take."
        })
    static final class Cancel extends Act {
      @Override
      OutboxAction action() {
        return OutboxAction.CANCEL;
      }
    }
  }

  /** {@code van node stuck}. */
  @Command(
      name = "stuck",
      mixinStandardHelpOptions = true,
      description = {
        "List a stopped node's attempts whose status has not moved for --quiet-for, and its",
        "messages parked or unacknowledged for that long."
      })
  static final class Stuck implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The node.")
    Path config;

    @Option(
        names = "--quiet-for",
        defaultValue = "24h",
        paramLabel = "SPAN",
        description = "How long without a move counts as stuck (default 24h; m, h or d).")
    String quietFor;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Duration quiet = span(spec, "--quiet-for", quietFor);
      try (NodeOperator operator = open(spec, config)) {
        PrintWriter out = spec.commandLine().getOut();
        List<StuckAttempt> attempts = operator.stuckAttempts(quiet);
        out.printf("%d attempt(s) without a move for %s%n", attempts.size(), quietFor);
        out.println(
            "attempt\treferral\tside\tstatus\tpeer\tsince\trespondBy\tunacknowledged\tparked");
        for (StuckAttempt a : attempts) {
          out.printf(
              "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d%n",
              a.attemptId().value(),
              a.referralId().value(),
              a.side().code(),
              a.status().code(),
              a.peer().value(),
              a.since(),
              a.respondBy().map(Object::toString).orElse("-"),
              a.unacknowledged(),
              a.parked());
        }
        List<OutboxEntry> entries = operator.stuckOutbox(quiet);
        out.printf("%d message(s) parked or unacknowledged for %s%n", entries.size(), quietFor);
        printEntries(out, entries);
        out.flush();
      }
      return Van.OK;
    }
  }
}
