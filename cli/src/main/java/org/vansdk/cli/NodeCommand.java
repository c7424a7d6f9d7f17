package org.vansdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.transport.node.NetworkNode;
import org.vansdk.transport.node.NodeConfiguration;
import org.vansdk.transport.observe.JsonLogObserver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code van node}: runs one organisation's referral node on the network from a configuration file,
 * checks such a file, or makes a signing key for one.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Run one organisation's referral node: serve its endpoint over HTTPS and deliver its",
      "outbox to the organisations of the network's trust list, from a configuration file",
      "(see the README's transport section); look at and act on a stopped node's outbox."
    },
    subcommands = {
      NodeCommand.Run.class,
      NodeCommand.Check.class,
      NodeCommand.Keygen.class,
      NodeOperatorCommands.Outbox.class,
      NodeOperatorCommands.Stuck.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 the configuration or a file it names is unusable or an outbox",
      "action was refused, 2 usage errors.",
      "Examples:",
      "  van node keygen --key-id KHM-PRC-BTB-K1 --out centre.key",
      "  van node check --config centre.json",
      "  VAN_TLS_PASSWORD=… van node run --config centre.json",
      "  van node stuck --config centre.json --quiet-for 24h"
    })
final class NodeCommand {

  /** {@code van node run}. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Start the node and serve until stopped (Ctrl-C or SIGTERM: requests in flight finish,",
        "undelivered messages stay in the durable outbox). One JSON log line per event on",
        "standard error, with no personal data."
      })
  static final class Run implements java.util.concurrent.Callable<Integer> {
    @Option(
        names = "--config",
        required = true,
        paramLabel = "FILE",
        description = "The node's configuration.")
    Path config;

    @Option(
        names = "--log-level",
        defaultValue = "info",
        paramLabel = "LEVEL",
        description = "debug, info or warning (default info).")
    String logLevel;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      Level threshold =
          switch (logLevel) {
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warning" -> Level.WARNING;
            default ->
                throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--log-level must be debug, info or warning");
          };
      NodeConfiguration c = NodeConfiguration.read(config);
      PrintWriter err = spec.commandLine().getErr();
      JsonLogObserver log =
          JsonLogObserver.to(
              (level, line) -> {
                if (level.getSeverity() >= threshold.getSeverity()) {
                  synchronized (err) {
                    err.println(line);
                    err.flush();
                  }
                }
              });
      NetworkNode node = NetworkNode.start(config, System::getenv, log);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    node.close();
                    stopped.countDown();
                  },
                  "van-node-stop"));
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "node %s serving %s (trust list version %d, %d organisation(s)); stop with Ctrl-C%n",
          c.party().organisation(),
          node.endpoint(),
          node.trustList().version(),
          node.trustList().current().map(l -> l.organisations().size()).orElse(0));
      out.flush();
      stopped.await();
      return Van.OK;
    }
  }

  /** {@code van node check}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Read a node configuration strictly and say what is wrong, without starting.")
  static final class Check implements java.util.concurrent.Callable<Integer> {
    @Option(
        names = "--config",
        required = true,
        paramLabel = "FILE",
        description = "The node's configuration.")
    Path config;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      NodeConfiguration c = NodeConfiguration.read(config);
      spec.commandLine()
          .getOut()
          .printf(
              "%s: ok — organisation %s, trust list %s (network %s, %d pinned operator key(s)),"
                  + " %d service(s), listens on %s:%d%n",
              config,
              c.party().organisation(),
              c.trustList().source(),
              c.trustList().network(),
              c.trustList().operatorKeys().size(),
              c.services().size(),
              c.host(),
              c.port());
      return Van.OK;
    }
  }

  /** {@code van node keygen}. */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = {
        "Make a new Ed25519 signing key: the private key goes to --out (readable by its owner",
        "only; never share it), the public key is printed (base64url) for the network operator",
        "to list with `van trust-list add --public-key`."
      })
  static final class Keygen implements java.util.concurrent.Callable<Integer> {
    @Option(
        names = "--key-id",
        required = true,
        paramLabel = "ID",
        description = "The key's id, e.g. KHM-PRC-BTB-K1.")
    String keyId;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "Where the private key is written (must not exist).")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      KeyId id;
      try {
        id = KeyId.of(keyId);
      } catch (RuntimeException e) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--key-id is not a valid key id");
      }
      byte[] seed = new byte[32];
      new SecureRandom().nextBytes(seed);
      SigningKey key = SigningKey.fromRaw(id, seed);
      if (Files.exists(out)) {
        throw new FileAlreadyExistsException(out.toString());
      }
      Files.writeString(
          Files.createFile(out),
          Base64.getEncoder().encodeToString(seed) + "\n",
          StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the owner protects the file by other means.
      }
      spec.commandLine()
          .getOut()
          .printf(
              "{\"keyId\": \"%s\", \"publicKey\": \"%s\"}%n",
              id.value(),
              Base64.getUrlEncoder().withoutPadding().encodeToString(key.rawPublicKey()));
      return Van.OK;
    }
  }
}
